/**
 * WeCom (企业微信) group robot: `{msgtype: 'markdown', markdown: {content}}` to the robot's
 * webhook URL (its key is in the URL). Content up to 4096 bytes; 20 messages a minute per
 * robot; errors come as `errcode != 0` in a 200 answer.
 */
import { byteLength, type ChatMessage, type RobotChannel, vendorError } from './chat-message.js';
import { httpFailure } from './http-post.js';

const MAX_CONTENT_BYTES = 4096;

function markdown(messages: readonly ChatMessage[]): string {
  return messages
    .map((m) =>
      [
        `**${m.title}**`,
        ...m.fields.map(([label, value]) => `> ${label}：${value}`),
        ...m.notes.map((n) => `> ${n}`),
        ...(m.link ? [`[${m.link.label}](${m.link.url})`] : []),
      ].join('\n'),
    )
    .join('\n\n');
}

export const wecom: RobotChannel = {
  perMinute: 20,
  request(messages, target) {
    return {
      url: target.url,
      body: JSON.stringify({ msgtype: 'markdown', markdown: { content: markdown(messages) } }),
    };
  },
  fits(request) {
    return byteLength(JSON.parse(request.body).markdown.content) <= MAX_CONTENT_BYTES;
  },
  failure(outcome) {
    return httpFailure(outcome) ?? vendorError(outcome, 'errcode', 'errmsg');
  },
};
