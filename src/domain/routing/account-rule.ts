/**
 * CRM/account match first (SPEC §5.2 step 1, seed 002's conflict rules). When the lead's
 * company is an account with an active owner, the owner gets the lead whatever the roster says:
 * - no logged activity in the last N days (none on record counts too) → a marketing-sourced
 *   lead to the owner: `assign`, credit 1, first contact due within M days;
 * - else the new contact is more senior than every contact the owner works with → `sync`,
 *   credit 1 (the SDR opened a door the owner did not have);
 * - else → `sync` with the partial credit (default 1/3).
 * An account without an active owner, or no account at all, decides nothing: routing goes on
 * as for a marketing-sourced lead. A title we cannot read is never "more senior".
 */
import { SENIORITY_LABEL } from '../seniority/seniority-level.js';
import { compareSeniority, type TitleSeniority, titleSeniority } from '../seniority/title-seniority.js';
import { formatCredit, formatTime, repLabel } from './format.js';
import type { AccountMatch, RepCandidate, RoutingDecision, RoutingPolicy, RoutingStep } from './routing-types.js';

const DAY_MS = 86_400_000;

const matchedOnLabel: Record<AccountMatch['matchedOn'], string> = {
  credit_code: '统一社会信用代码 credit_code',
  name: '公司名 name',
  alias: '别名 alias',
};

export interface AccountOutcome {
  /** The decision when the account decides the rep; null when routing goes on. */
  decision: RoutingDecision | null;
  steps: RoutingStep[];
}

const seniorityText = (title: string | null, s: TitleSeniority) =>
  `${title?.trim() || '无职位'} (${SENIORITY_LABEL[s.level]} ${s.level})`;

export function decideByAccount(args: {
  account: AccountMatch | null;
  /** The new contact's title (the lead's own). */
  contactTitle: string | null;
  candidates: readonly RepCandidate[];
  policy: RoutingPolicy;
  now: Date;
}): AccountOutcome {
  const { account, policy, now } = args;
  if (account === null) {
    return {
      decision: null,
      steps: [
        {
          step: 'account',
          outcome: 'no_match',
          message: '客户匹配 (account): 无 CRM 客户, 按市场来源线索分配 (no CRM account; marketing-sourced)',
          code: 'account_none',
          params: {},
        },
      ],
    };
  }
  const found = { account: account.accountName, matchedOn: account.matchedOn };
  const head = `客户匹配 (account): ${account.accountName} (按${matchedOnLabel[account.matchedOn]} 匹配)`;
  if (account.ownerId === null) {
    return {
      decision: null,
      steps: [
        {
          step: 'account',
          outcome: 'no_match',
          message: `${head} — 无在职负责人, 按市场来源线索分配 (no active owner; marketing-sourced)`,
          code: 'account_no_owner',
          params: found,
        },
      ],
    };
  }
  const ownerId = account.ownerId;
  const owner = args.candidates.find((c) => c.id === ownerId);
  const ownerName = repLabel(owner, ownerId);
  const steps: RoutingStep[] = [];
  const since = now.getTime() - policy.conflictInactiveDays * DAY_MS;
  const active = account.lastActivityAt !== null && account.lastActivityAt.getTime() > since;

  let decision: RoutingDecision;
  if (!active) {
    const idle =
      account.lastActivityAt === null
        ? '从无跟进记录 (no activity on record)'
        : `最近跟进 ${formatTime(account.lastActivityAt)}, 已超过 ${policy.conflictInactiveDays} 天 (no activity in ${policy.conflictInactiveDays} days)`;
    const due = new Date(now.getTime() + policy.firstContactDays * DAY_MS);
    decision = { kind: 'assign', repId: ownerId, credit: 1, firstContactDueAt: due, poolKey: null, explanation: steps };
    steps.push({
      step: 'account',
      repId: ownerId,
      outcome: 'matched',
      message: `${head} — 负责人 ${ownerName} ${idle} → 作为市场线索分配给负责人, 全额计分 (assign, credit 1); ${policy.firstContactDays} 天内须首次联系, 截止 ${formatTime(due)} (first contact due)`,
      code: 'account_idle',
      params: {
        ...found,
        owner: ownerName,
        lastActivityAt: account.lastActivityAt?.toISOString() ?? null,
        inactiveDays: policy.conflictInactiveDays,
        firstContactDays: policy.firstContactDays,
        firstContactDueAt: due.toISOString(),
      },
    });
  } else {
    const contact = titleSeniority(args.contactTitle);
    const known = account.contacts.map((c) => ({ c, s: titleSeniority(c.title) }));
    const moreSenior = contact.rank >= 0 && known.every(({ s }) => compareSeniority(contact, s) > 0);
    const theirs =
      known.length === 0
        ? '负责人无对接联系人记录 (owner has no contacts on record)'
        : `负责人对接: ${known
            .slice(0, 5)
            .map(({ c, s }) => `${c.name} ${seniorityText(c.title, s)}`)
            .join(', ')}${known.length > 5 ? ` 等 ${known.length} 人` : ''}`;
    const recent = `负责人 ${ownerName} 最近跟进 ${formatTime(account.lastActivityAt as Date)}, ${policy.conflictInactiveDays} 天内有跟进 (active)`;
    const credit = moreSenior ? 1 : policy.partialCredit;
    decision = { kind: 'sync', repId: ownerId, credit, firstContactDueAt: null, poolKey: null, explanation: steps };
    steps.push({
      step: 'account',
      repId: ownerId,
      outcome: 'matched',
      message: moreSenior
        ? `${head} — ${recent}; 新联系人 ${seniorityText(args.contactTitle, contact)} 高于所有对接联系人 (more senior); ${theirs} → 同步给负责人, 全额计分 (sync, credit 1)`
        : `${head} — ${recent}; 新联系人 ${seniorityText(args.contactTitle, contact)} 不高于对接联系人 (not more senior); ${theirs} → 同步给负责人, 部分计分 (sync, credit ${formatCredit(credit)})`,
      code: 'account_sync',
      params: {
        ...found,
        owner: ownerName,
        lastActivityAt: (account.lastActivityAt as Date).toISOString(),
        inactiveDays: policy.conflictInactiveDays,
        contactTitle: args.contactTitle?.trim() || null,
        contactSeniority: contact.level,
        moreSenior,
        contacts: known.slice(0, 5).map(({ c, s }) => ({ name: c.name, title: c.title, seniority: s.level })),
        contactCount: known.length,
        credit,
      },
    });
  }

  const notes: string[] = [];
  const notEligible = owner !== undefined && !owner.eligible;
  const suspendedUntil =
    owner?.suspendedUntil != null && owner.suspendedUntil.getTime() > now.getTime() ? owner.suspendedUntil : null;
  const atCapacity = owner !== undefined && !(owner.openMqls < owner.capacity);
  if (notEligible) notes.push("不在本月名单 (not on this month's list)");
  if (suspendedUntil) notes.push(`暂停至 ${formatTime(suspendedUntil)} (suspended)`);
  if (owner && atCapacity) notes.push(`未决 MQL ${owner.openMqls}/${owner.capacity} (at capacity)`);
  steps.push({
    step: 'account',
    repId: ownerId,
    outcome: 'picked',
    message: `客户负责人直接获得, 不经名单/暂停/产能/地区/轮转规则 (the account owner owns it: eligibility, capacity and rotation do not apply)${
      notes.length ? `; 注意 (note): ${ownerName} ${notes.join(', ')}` : ''
    }`,
    code: 'account_owner',
    params: {
      owner: ownerName,
      notEligible,
      suspendedUntil: suspendedUntil?.toISOString() ?? null,
      atCapacity,
      openMqls: owner?.openMqls ?? null,
      capacity: owner?.capacity ?? null,
    },
  });
  return { decision, steps };
}
