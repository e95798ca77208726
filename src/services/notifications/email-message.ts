/** An event as an e-mail to one person: subject, plain text and a simple HTML part. */
import type { ChatMessage } from '../../integrations/notify/chat-message.js';
import type { Mail } from '../../integrations/notify/smtp.js';

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function emailFor(to: string, message: ChatMessage): Mail {
  const who = message.fields.find(([label]) => label === '客户')?.[1];
  const company = message.fields.find(([label]) => label === '公司')?.[1];
  const about = [who, company].filter(Boolean).join(' · ');
  const subject = `[LeadLoop] ${message.title}${about ? `：${about}` : ''}`;
  const text = [
    message.title,
    '',
    ...message.fields.map(([label, value]) => `${label}：${value}`),
    ...message.notes,
    ...(message.link ? ['', `${message.link.label}：${message.link.url}`] : []),
  ].join('\n');
  const html = [
    `<h3>${escapeHtml(message.title)}</h3>`,
    message.fields.length
      ? `<table>${message.fields.map(([l, v]) => `<tr><th align="left">${escapeHtml(l)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>`
      : '',
    ...message.notes.map((n) => `<p>${escapeHtml(n)}</p>`),
    message.link ? `<p><a href="${escapeHtml(message.link.url)}">${escapeHtml(message.link.label)}</a></p>` : '',
  ].join('');
  return { to, subject, text, html };
}
