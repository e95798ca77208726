/**
 * Slack incoming webhook: `{text, blocks}` (text is the notification fallback; blocks are
 * mrkdwn sections). Up to 50 blocks and 3000 characters a section; about one message a
 * second; errors as non-2xx answers.
 */
import type { ChatMessage, RobotChannel } from './chat-message.js';
import { httpFailure } from './http-post.js';

const MAX_BLOCKS = 50;
const MAX_SECTION_CHARS = 3000;

/** Slack's three control characters in mrkdwn. */
const escapeMrkdwn = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function section(m: ChatMessage): string {
  return [
    `*${escapeMrkdwn(m.title)}*`,
    ...m.fields.map(([label, value]) => `*${escapeMrkdwn(label)}*: ${escapeMrkdwn(value)}`),
    ...m.notes.map((n) => `> ${escapeMrkdwn(n)}`),
    ...(m.link ? [`<${m.link.url}|${escapeMrkdwn(m.link.label)}>`] : []),
  ].join('\n');
}

export const slack: RobotChannel = {
  perMinute: 60,
  request(messages, target) {
    const blocks = messages.flatMap((m, i) => [
      ...(i > 0 ? [{ type: 'divider' }] : []),
      { type: 'section', text: { type: 'mrkdwn', text: section(m) } },
    ]);
    const text = messages.map((m) => m.title).join(' · ');
    return { url: target.url, body: JSON.stringify({ text, blocks }) };
  },
  fits(request) {
    const { blocks } = JSON.parse(request.body) as { blocks: { text?: { text: string } }[] };
    return blocks.length <= MAX_BLOCKS && blocks.every((b) => (b.text?.text.length ?? 0) <= MAX_SECTION_CHARS);
  },
  failure(outcome) {
    return httpFailure(outcome);
  },
};
