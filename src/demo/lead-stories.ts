/**
 * What happens to the demo leads after they arrive: a pure, seeded plan of steps over the last
 * 30 days (SPEC §6): SDRs claim and call leads, answer BANT and transfer some to sales; reps
 * accept most, reject a few with a reason, return one or two (MRL), register opportunities and
 * win or lose some; SDRs release leads without a need to the pool; the most recent transfers
 * stay pending in the reps' inboxes (within the 48 h acceptance SLA) and one goes to the
 * dispatch board. The same leads, SDRs, `now` and seed give the same plan.
 *
 * The plan names no rep: auto routing picks the rep when the transfer runs (lifecycle.ts).
 */
import { officeAfter, spreadOverOfficeTime } from './office-hours.js';
import type { Random } from './random.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How far back the lifecycle reaches. */
export const lifecycleDays = 30;
/** Decided hand-offs are decided within this long (the acceptance SLA is 48 h wall-clock). */
const DECIDE_WITHIN = 30 * HOUR;
/** Transfers newer than this are left pending. */
const PENDING_AFTER = 40 * HOUR;
const MAX_RETURNS = 2;

export type StepKind =
  | 'claim'
  | 'call'
  | 'wechat'
  | 'note'
  | 'qualify'
  | 'transfer'
  | 'dispatch'
  | 'accept'
  | 'reject'
  | 'return'
  | 'rep_call'
  | 'opportunity'
  | 'win'
  | 'lose'
  | 'release';

export interface Step {
  at: Date;
  leadId: string;
  kind: StepKind;
  /** The SDR (e-mail) who works the lead; the owner when it has one. */
  sdr: string;
  outcome?: string;
  durationSec?: number;
  note?: string;
  reason?: string;
  amount?: number;
  name?: string;
}

export interface StoryLead {
  id: string;
  createdAt: Date;
  status: string;
  /** E-mail of the owner (an SDR's outbound lead), or null. */
  ownerEmail: string | null;
  company: string | null;
}

export interface StoryOptions {
  leads: readonly StoryLead[];
  /** E-mails of the SDRs who work inbound leads, with weights. */
  sdrs: readonly (readonly [string, number])[];
  now: Date;
  random: Random;
  /** Pending hand-offs made when a lead was captured (direct to sales), oldest first. */
  handoffs?: readonly { leadId: string; createdAt: Date; company: string | null }[];
  /** How many of the newest leads are transferred in the last day and a half and left pending. */
  fresh?: number;
}

const callNotes = [
  '客户对线索自动分配和SLA提醒很感兴趣，约了下周演示。',
  '已确认预算在审批中，采购负责人为IT总监。',
  '目前用Excel管理线索，销售跟进不及时，痛点明确。',
  '客户计划下季度上线CRM，希望先看市场线索管理模块。',
  '对方在比较两家供应商，关注私有化部署和数据安全。',
  '市场部每月线索约两千条，转化率低，希望提升MQL质量。',
];
const noAnswerNotes = ['无人接听，稍后再拨。', '对方在开会，约明天上午再联系。', '总机转接未成功，已发短信。'];
const qualifyNotes = [
  'BANT已确认：预算已批，决策人参与，需求明确，三个月内采购。',
  '与决策人通话确认：本季度立项，预算充足，可以转交销售。',
  '客户主动要求销售报价，BANT四项均已确认。',
];
const wechatNotes = ['已加微信，发送了产品白皮书和案例。', '微信发送了报价区间，客户表示会内部讨论。'];
const releaseReasons = [
  '暂无采购计划，半年后再跟进',
  '客户已签约竞品，合同到期前再联系',
  '联系人已离职，需重新找对接人',
  '公司规模较小，暂不匹配',
  '多次联系未接通，放回公海培育',
];
const rejectReasons: readonly (readonly [string, string])[] = [
  ['no_budget', '客户明确今年没有预算。'],
  ['not_decision_maker', '对接人是专员，无决策权，请先找到IT负责人。'],
  ['duplicate_in_crm', 'CRM中已有该客户，由大客户部跟进。'],
  ['company_too_small', '公司不到二十人，不在我们的目标客户范围。'],
  ['insufficient_info', '需求描述不清楚，请补充使用场景后再转。'],
];
const returnReasons: readonly (readonly [string, string])[] = [
  ['timing_later', '客户项目推迟到明年，请SDR继续培育。'],
  ['needs_more_nurturing', '客户还在调研阶段，建议市场持续培育。'],
  ['budget_frozen', '预算被冻结，等明年预算批下来再跟进。'],
];
const loseReasons = ['选择了竞品（价格更低）', '项目取消', '预算未批'];
const acceptNotes = ['已接收，今天安排电话沟通。', '收到，明天上门拜访。', ''];
const repCallNotes = ['首次拜访完成，客户要求出方案。', '已发送报价单，客户下周内部评审。', '演示完成，客户反馈积极。'];
const dispatchReason = '集团型客户，下属多家子公司，需要指定大客户经理统一对接';

function after(at: Date, ms: number): Date {
  return new Date(at.getTime() + ms);
}

/** The plan, oldest step first. */
export function planLeadStories(options: StoryOptions): Step[] {
  const { now, random } = options;
  const start = now.getTime() - lifecycleDays * DAY;
  const candidates = options.leads
    .filter((l) => (l.status === 'new' || l.status === 'working') && l.createdAt.getTime() >= start)
    .filter((l) => l.createdAt.getTime() <= now.getTime() - 90 * MINUTE)
    .slice()
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
  const freshCount = Math.min(options.fresh ?? 16, Math.ceil(candidates.length / 4));
  const older = candidates.slice(0, candidates.length - freshCount);
  const fresh = candidates.slice(candidates.length - freshCount);
  const steps: Step[] = [];
  const latest = now.getTime() - 10 * MINUTE;
  let returns = 0;
  // The first accepted lead that can have one gets an opportunity, and the first closable one is
  // won, so even a small demo's funnel reaches "won".
  let opportunities = 0;
  let wins = 0;

  /** The rep's side of a hand-off made at `transferAt`: nothing while recent (pending), else a decision and what follows. */
  const decide = (
    lead: { company: string | null },
    transferAt: Date,
    r: Random,
    add: (step: Omit<Step, 'leadId' | 'sdr'>) => void,
  ) => {
    if (transferAt.getTime() > now.getTime() - PENDING_AFTER) return;
    let t2 = officeAfter(transferAt, 30, 600, r);
    if (t2.getTime() - transferAt.getTime() > DECIDE_WITHIN) t2 = after(transferAt, r.int(60, 600) * MINUTE);
    if (t2.getTime() > latest) return;
    if (r.chance(0.15)) {
      const [reason, note] = r.pick(rejectReasons);
      add({ at: t2, kind: 'reject', reason, note });
      return;
    }
    add({ at: t2, kind: 'accept', note: r.pick(acceptNotes) });
    const visit = officeAfter(t2, 2 * 60, 30 * 60, r);
    if (visit.getTime() <= latest) add({ at: visit, kind: 'rep_call', note: r.pick(repCallNotes) });

    if (returns < MAX_RETURNS && r.chance(0.1)) {
      const back = officeAfter(visit, 2 * 24 * 60, 6 * 24 * 60, r);
      if (back.getTime() <= latest) {
        const [reason, note] = r.pick(returnReasons);
        add({ at: back, kind: 'return', reason, note });
        returns++;
        return;
      }
    }
    if (opportunities > 0 && !r.chance(0.5)) return;
    const opened = officeAfter(visit, 24 * 60, 5 * 24 * 60, r);
    if (opened.getTime() > latest) return;
    const amount = r.int(30, 600) * 1000;
    opportunities++;
    add({
      at: opened,
      kind: 'opportunity',
      amount,
      name: `${lead.company ?? '客户'} - ${r.pick(['线索管理平台', '营销自动化', 'SCRM年费', '私有化部署'])}`,
    });
    const closed = officeAfter(opened, 3 * 24 * 60, 14 * 24 * 60, r);
    if (closed.getTime() > latest) return;
    const drawn = r.weighted([
      ['win', 50],
      ['lose', 20],
      ['open', 30],
    ] as const);
    const outcome = wins === 0 ? 'win' : drawn;
    if (outcome === 'win') wins++;
    if (outcome === 'win') add({ at: closed, kind: 'win', amount: Math.round((amount * r.int(85, 110)) / 100) });
    else if (outcome === 'lose') add({ at: closed, kind: 'lose', reason: r.pick(loseReasons) });
  };

  for (const lead of older) {
    const r = random.fork();
    const plan = r.weighted([
      ['untouched', 20],
      ['transfer', 45],
      ['release', 13],
      ['working', 22],
    ] as const);
    if (plan === 'untouched') continue;
    const sdr = lead.ownerEmail ?? r.weighted(options.sdrs);
    const add = (step: Omit<Step, 'leadId' | 'sdr'>) => steps.push({ leadId: lead.id, sdr, ...step });
    const t0 = officeAfter(lead.createdAt, 10, 240, r);
    if (t0.getTime() > latest - HOUR) continue;
    add({ at: t0, kind: 'claim' });
    const connected = r.chance(0.6);
    add({
      at: after(t0, MINUTE),
      kind: 'call',
      outcome: connected ? 'connected' : 'no_answer',
      durationSec: connected ? r.int(90, 900) : 0,
      note: connected ? r.pick(callNotes) : r.pick(noAnswerNotes),
    });

    if (plan === 'release') {
      const t1 = officeAfter(t0, 24 * 60, 5 * 24 * 60, r);
      if (t1.getTime() > latest) continue;
      add({ at: t1, kind: 'release', reason: r.pick(releaseReasons) });
      continue;
    }
    if (plan === 'working') {
      const t1 = officeAfter(t0, 24 * 60, 4 * 24 * 60, r);
      if (t1.getTime() <= latest) add({ at: t1, kind: 'wechat', note: r.pick(wechatNotes) });
      continue;
    }

    // Transfer: a second call with the decision maker, BANT, to sales.
    const t1 = officeAfter(t0, 20 * 60, 72 * 60, r);
    const transferAt = after(t1, 8 * MINUTE);
    if (transferAt.getTime() > latest) continue;
    add({ at: t1, kind: 'call', outcome: 'connected', durationSec: r.int(300, 1500), note: r.pick(qualifyNotes) });
    add({ at: after(t1, 5 * MINUTE), kind: 'qualify' });
    add({ at: transferAt, kind: 'transfer' });

    decide(lead, transferAt, r, add);
  }

  // Leads that went straight to sales when captured (inquiries, referrals): the rep decides.
  for (const h of options.handoffs ?? []) {
    const r = random.fork();
    decide({ company: h.company }, h.createdAt, r, (step) => steps.push({ leadId: h.leadId, sdr: '', ...step }));
  }

  // The newest leads: transferred over the last day and a half (office hours when there are some), still pending; one to dispatch.
  const slots = spreadOverOfficeTime(new Date(now.getTime() - 30 * HOUR), new Date(latest - 5 * MINUTE), fresh.length);
  fresh.forEach((lead, i) => {
    const r = random.fork();
    const sdr = lead.ownerEmail ?? r.weighted(options.sdrs);
    const add = (step: Omit<Step, 'leadId' | 'sdr'>) => steps.push({ leadId: lead.id, sdr, ...step });
    const at = new Date(Math.max(slots[i].getTime(), lead.createdAt.getTime() + 20 * MINUTE));
    if (at.getTime() > latest) return;
    add({ at: after(at, -12 * MINUTE), kind: 'claim' });
    add({
      at: after(at, -10 * MINUTE),
      kind: 'call',
      outcome: 'connected',
      durationSec: r.int(300, 1200),
      note: r.pick(qualifyNotes),
    });
    add({ at: after(at, -3 * MINUTE), kind: 'qualify' });
    if (i === fresh.length - 2) add({ at, kind: 'dispatch', reason: dispatchReason });
    else add({ at, kind: 'transfer' });
  });

  return steps.sort((a, b) => a.at.getTime() - b.at.getTime());
}
