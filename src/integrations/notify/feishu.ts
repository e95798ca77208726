/**
 * Feishu / Lark (飞书) custom bot: an interactive card `{msg_type: 'interactive', card}`. With a
 * signing secret the body carries `timestamp` (seconds) and `sign` = Base64(HMAC-SHA256 of an
 * empty message keyed with "timestamp\nsecret"). Body up to 20 KB; 100 messages a minute;
 * errors as `code != 0` in a 200 answer.
 */
import { createHmac } from 'node:crypto';
import { byteLength, type ChatMessage, type RobotChannel, vendorError } from './chat-message.js';
import { httpFailure } from './http-post.js';

const MAX_BODY_BYTES = 20_000;

export function feishuSign(timestampSeconds: number, secret: string): string {
  return createHmac('sha256', `${timestampSeconds}\n${secret}`).update('').digest('base64');
}

function card(messages: readonly ChatMessage[]) {
  const title = messages.length === 1 ? messages[0].title : `LeadLoop：${messages.length} 条通知`;
  return {
    config: { wide_screen_mode: true },
    header: { template: 'blue', title: { tag: 'plain_text', content: title } },
    elements: messages.flatMap((m, i) => [
      ...(i > 0 ? [{ tag: 'hr' }] : []),
      {
        tag: 'div',
        text: {
          tag: 'lark_md',
          content: [
            ...(messages.length > 1 ? [`**${m.title}**`] : []),
            ...m.fields.map(([label, value]) => `**${label}**：${value}`),
            ...m.notes,
          ].join('\n'),
        },
      },
      ...(m.link
        ? [
            {
              tag: 'action',
              actions: [
                { tag: 'button', text: { tag: 'plain_text', content: m.link.label }, type: 'primary', url: m.link.url },
              ],
            },
          ]
        : []),
    ]),
  };
}

export const feishu: RobotChannel = {
  perMinute: 100,
  request(messages, target, now) {
    const signed = target.secret
      ? (() => {
          const timestamp = Math.floor(now.getTime() / 1000);
          return { timestamp: String(timestamp), sign: feishuSign(timestamp, target.secret as string) };
        })()
      : {};
    return { url: target.url, body: JSON.stringify({ ...signed, msg_type: 'interactive', card: card(messages) }) };
  },
  fits(request) {
    return byteLength(request.body) <= MAX_BODY_BYTES;
  },
  failure(outcome) {
    return (
      httpFailure(outcome) ?? vendorError(outcome, 'code', 'msg') ?? vendorError(outcome, 'StatusCode', 'StatusMessage')
    );
  },
};
