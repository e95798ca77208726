/**
 * What a person reads about an event in a team chat or an e-mail (SPEC §9): a title, the
 * lead's card (name, company, region, industry, score and grade), what happened, and a link
 * into LeadLoop — the hand-off page (`/handoffs/:id`, SPEC §10.2) when there is a hand-off,
 * the lead otherwise. A dispatch request also says why no rep fit.
 */
import type { ChatMessage } from '../../integrations/notify/chat-message.js';
import type { WebhookEventBody } from '../../integrations/notify/webhook.js';
import type { EventType } from '../events/event-types.js';

const titles: Record<EventType, string> = {
  'lead.created': '新线索',
  'lead.status_changed': '线索状态变更',
  'handoff.created': '新的 MQL 转交，请在 SLA 内接受或拒绝',
  'handoff.accepted': 'MQL 已被接受',
  'handoff.rejected': 'MQL 被拒绝',
  'handoff.returned': '线索被退回（MRL）',
  'handoff.recalled': 'MQL 已收回重新分配',
  'sla.reminder': 'SLA 提醒：转交即将超时',
  'sla.breached': 'SLA 超时',
  'rep.suspended': '销售被暂停接收 MQL',
  'lead.resurfaced': '公海线索重新浮现',
  'lead.recall_warning': '线索即将被收回公海',
  'lead.recalled': '线索已收回公海',
  'dispatch.requested': '待人工分配：没有合适的销售',
  'opportunity.created': '新商机',
  'opportunity.withdrawn': '商机撤回',
  'opportunity.won': '商机赢单',
  'opportunity.lost': '商机输单',
};

type Data = Record<string, unknown>;

const text = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : null;
const record = (v: unknown): Data | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Data) : null);

export function eventTitle(type: string): string {
  return titles[type as EventType] ?? type;
}

export function eventMessage(event: WebhookEventBody, publicUrl: string): ChatMessage {
  const data = event.data ?? {};
  const lead = record(data.lead);
  const handoff = record(data.handoff);
  const opportunity = record(data.opportunity);
  const fields: [string, string][] = [];
  const add = (label: string, value: unknown) => {
    const v = text(value);
    if (v !== null) fields.push([label, v]);
  };

  if (lead) {
    add('客户', lead.name);
    add('公司', lead.company);
    add('职位', lead.title);
    add('地区', lead.region);
    add('行业', lead.industry);
    if (typeof lead.score === 'number')
      fields.push(['评分', lead.grade ? `${lead.score}（${lead.grade}）` : String(lead.score)]);
  }
  if (event.type === 'lead.status_changed') {
    const from = text(data.from);
    const to = text(data.to);
    if (from || to) fields.push(['状态', `${from ?? '—'} → ${to ?? '—'}`]);
  }
  if (opportunity) {
    add('金额', opportunity.amount);
    add('阶段', opportunity.stage);
  }
  const decision = record(handoff?.decision);
  add('原因', decision?.reason ?? data.reason);
  add('备注', decision?.note);
  add('截止', handoff?.dueAt ?? data.dueAt);
  add('暂停至', data.suspendedUntil);
  add('触发', data.trigger);

  const notes = event.type === 'dispatch.requested' ? reasonsNoRepFit(data) : [];
  const handoffId = text(handoff?.id) ?? text(data.handoffId);
  const leadId = text(lead?.id) ?? text(data.leadId);
  const base = publicUrl.replace(/\/+$/, '');
  const link = handoffId
    ? { label: event.type === 'dispatch.requested' ? '去分配' : '查看转交', url: `${base}/handoffs/${handoffId}` }
    : leadId
      ? { label: '查看线索', url: `${base}/leads/${leadId}` }
      : null;
  return { title: eventTitle(event.type), fields, notes, link };
}

function reasonsNoRepFit(data: Data): string[] {
  const reasons = Array.isArray(data.reasons) ? data.reasons.map(text).filter((r): r is string => r !== null) : [];
  const request = text(record(data.handoff)?.requestReason);
  const lines = reasons.length ? reasons : request ? [request] : [];
  return lines.length ? ['为何无人匹配：', ...lines.map((r) => `• ${r}`)] : [];
}
