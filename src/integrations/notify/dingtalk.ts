/**
 * DingTalk (钉钉) custom robot: `{msgtype: 'markdown', markdown: {title, text}}`. With a
 * signing secret ("加签") the URL carries `timestamp` (ms) and `sign` = Base64(HMAC-SHA256 of
 * "timestamp\nsecret" keyed with the secret). 20 messages a minute; errors as `errcode != 0`.
 */
import { createHmac } from 'node:crypto';
import { byteLength, type ChatMessage, type RobotChannel, vendorError } from './chat-message.js';
import { httpFailure } from './http-post.js';

const MAX_BODY_BYTES = 20_000;

export function dingtalkSign(timestamp: number, secret: string): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`, 'utf8').digest('base64');
}

function text(messages: readonly ChatMessage[]): string {
  return messages
    .map((m) =>
      [
        `#### ${m.title}`,
        ...m.fields.map(([label, value]) => `- **${label}**：${value}`),
        ...m.notes.map((n) => `> ${n}`),
        ...(m.link ? [`[${m.link.label}](${m.link.url})`] : []),
      ].join('\n\n'),
    )
    .join('\n\n---\n\n');
}

export const dingtalk: RobotChannel = {
  perMinute: 20,
  request(messages, target, now) {
    let url = target.url;
    if (target.secret) {
      const timestamp = now.getTime();
      const sign = encodeURIComponent(dingtalkSign(timestamp, target.secret));
      url += `${url.includes('?') ? '&' : '?'}timestamp=${timestamp}&sign=${sign}`;
    }
    const title = messages.length === 1 ? messages[0].title : `LeadLoop：${messages.length} 条通知`;
    return { url, body: JSON.stringify({ msgtype: 'markdown', markdown: { title, text: text(messages) } }) };
  },
  fits(request) {
    return byteLength(request.body) <= MAX_BODY_BYTES;
  },
  failure(outcome) {
    return httpFailure(outcome) ?? vendorError(outcome, 'errcode', 'errmsg');
  },
};
