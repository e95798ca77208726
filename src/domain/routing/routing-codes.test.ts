/**
 * Every kind of routing line carries a code and the values to word it with (SPEC §10.2: the
 * console words them in the reader's language), next to the stored Chinese-first message.
 */
import { describe, expect, it } from 'vitest';
import { decideByAccount } from './account-rule.js';
import { chooseRep } from './choose-rep.js';
import { filterAvailable } from './eligibility.js';
import { narrowByIndustry, narrowByRegion, narrowBySkill } from './narrow.js';
import { emptyRotationState } from './rotation.js';
import type { AccountMatch, RepCandidate, RoutingLead, RoutingPolicy } from './routing-types.js';
import { lead, policy, rep } from './test-reps.js';

const now = new Date('2026-03-02T01:00:00Z');
const DAY = 86_400_000;

const account = (over: Partial<AccountMatch> = {}): AccountMatch => ({
  accountId: 'acc-1',
  accountName: '杭州云帆科技有限公司',
  matchedOn: 'credit_code',
  ownerId: 'owner',
  lastActivityAt: new Date(now.getTime() - 5 * DAY),
  contacts: [{ name: '王五', title: 'IT经理' }],
  ...over,
});
const owner = rep('owner', { name: '李四', capacity: 2, openMqls: 2, eligible: false });

const route = (args: {
  candidates: RepCandidate[];
  lead?: RoutingLead;
  policy?: RoutingPolicy;
  account?: AccountMatch | null;
}) =>
  chooseRep({
    lead: args.lead ?? lead(),
    account: args.account ?? null,
    candidates: args.candidates,
    rotation: () => emptyRotationState(),
    policy: args.policy ?? policy(),
    now,
  });

describe('routing line codes', () => {
  it('account lines: none, no owner, idle owner, sync (senior or not), and the owner taking it', () => {
    const decide = (a: AccountMatch | null, title: string | null) =>
      decideByAccount({ account: a, contactTitle: title, candidates: [owner], policy: policy(), now }).steps;
    expect(decide(null, 'CTO')).toEqual([expect.objectContaining({ code: 'account_none', params: {} })]);
    expect(decide(account({ ownerId: null }), 'CTO')[0]).toMatchObject({
      code: 'account_no_owner',
      params: { account: '杭州云帆科技有限公司', matchedOn: 'credit_code' },
    });
    const idle = decide(account({ lastActivityAt: null, matchedOn: 'alias' }), '销售专员');
    expect(idle[0]).toMatchObject({
      code: 'account_idle',
      repId: 'owner',
      params: {
        account: '杭州云帆科技有限公司',
        matchedOn: 'alias',
        owner: '李四',
        lastActivityAt: null,
        inactiveDays: 30,
        firstContactDays: 3,
        firstContactDueAt: '2026-03-05T01:00:00.000Z',
      },
    });
    expect(idle[1]).toMatchObject({
      code: 'account_owner',
      outcome: 'picked',
      params: { owner: '李四', notEligible: true, suspendedUntil: null, atCapacity: true, openMqls: 2, capacity: 2 },
    });
    expect(decide(account(), 'CTO')[0]).toMatchObject({
      code: 'account_sync',
      params: {
        owner: '李四',
        lastActivityAt: '2026-02-25T01:00:00.000Z',
        contactTitle: 'CTO',
        contactSeniority: 'c_level',
        moreSenior: true,
        contacts: [{ name: '王五', title: 'IT经理', seniority: 'manager' }],
        contactCount: 1,
        credit: 1,
      },
    });
    expect(decide(account(), '销售专员')[0]).toMatchObject({
      code: 'account_sync',
      params: { moreSenior: false, contactSeniority: 'staff', credit: 1 / 3 },
    });
  });

  it('skip lines name every reason as values', () => {
    const until = new Date(now.getTime() + 2 * DAY);
    const { steps } = filterAvailable(
      [rep('a', { name: '甲', eligible: false, suspendedUntil: until, openMqls: 3, capacity: 3 }), rep('b')],
      now,
    );
    expect(steps).toEqual([
      expect.objectContaining({
        step: 'eligibility',
        code: 'rep_skipped',
        params: {
          rep: '甲',
          notEligible: true,
          suspendedUntil: until.toISOString(),
          atCapacity: true,
          openMqls: 3,
          capacity: 3,
          badWeight: false,
          weight: 1,
        },
      }),
    ]);
  });

  it('region, industry and skill lines: unknown, all, none and narrowed, with who was left out', () => {
    const pool = [
      rep('sh', { name: '张三', regions: ['31'], industries: ['制造'], level: 5 }),
      rep('bj', { name: '钱七', regions: ['11', '4403'], industries: ['教育'], level: 1 }),
    ];
    expect(narrowByRegion(pool, { regionCode: null }).step).toMatchObject({ code: 'region_unknown', params: {} });
    expect(narrowByIndustry(pool, { industry: ' ' }).step).toMatchObject({ code: 'industry_unknown', params: {} });
    expect(narrowBySkill(pool, { grade: 'A1' }, { skill: null }).step).toMatchObject({ code: 'skill_off' });

    expect(narrowByRegion(pool, { regionCode: '3101' }).step).toMatchObject({
      outcome: 'narrowed',
      code: 'region',
      params: {
        region: { code: '3101', zh: '上海市', en: 'Shanghai' },
        pool: 2,
        matching: 1,
        removed: 1,
        leftOut: [
          {
            name: '钱七',
            regions: [
              { code: '11', zh: '北京市', en: 'Beijing' },
              { code: '4403', zh: '深圳市', en: 'Shenzhen' },
            ],
          },
        ],
      },
    });
    expect(narrowByRegion(pool, { regionCode: '99' }).step).toMatchObject({
      outcome: 'no_match',
      code: 'region',
      params: { region: { code: '99', zh: '99', en: '99' }, pool: 2, matching: 0 },
    });
    expect(narrowByIndustry(pool, { industry: '汽车制造' }).step).toMatchObject({
      code: 'industry',
      params: { industry: '汽车制造', matching: 1, leftOut: [{ name: '钱七', industries: ['教育'] }] },
    });
    const skill = { skill: { mustWinGrades: ['A1'], topLevel: 4 } };
    expect(narrowBySkill(pool, { grade: 'A1' }, skill).step).toMatchObject({
      code: 'skill_must_win',
      params: { grade: 'A1', topLevel: 4, leftOut: [{ name: '钱七', level: 1 }] },
    });
    expect(narrowBySkill(pool, { grade: 'B2' }, skill).step).toMatchObject({
      code: 'skill_practice',
      params: { grade: 'B2', topLevel: 4, leftOut: [{ name: '张三', level: 5 }] },
    });
    const all = narrowBySkill(pool, { grade: null }, { skill: { mustWinGrades: ['A1'], topLevel: 1 } }).step;
    expect(all).toMatchObject({ outcome: 'no_match', code: 'skill_practice', params: { grade: null, matching: 0 } });
  });

  it('the rotation line: the pick, where it stood, and who was not due yet', () => {
    const outcome = route({
      candidates: [rep('a', { name: '甲', weight: 2, department: '华东' }), rep('b', { name: '乙' })],
    });
    expect(outcome.explanation.at(-1)).toMatchObject({
      step: 'rotation',
      code: 'rotation',
      params: {
        rep: '甲',
        weight: 2,
        received: 0,
        department: '华东',
        pool: 2,
        balance: 'weight',
        notDue: [{ name: '乙', weight: 1, received: 0 }],
        notDueCount: 1,
      },
    });
  });

  it('dispatch lines: an empty roster, and nobody fitting with the counts', () => {
    expect(route({ candidates: [] }).explanation.at(-1)).toMatchObject({ code: 'dispatch_no_reps', params: {} });
    const full = route({ candidates: [rep('a', { eligible: false }), rep('b', { openMqls: 10 })] });
    expect(full.explanation.at(-1)).toMatchObject({
      code: 'dispatch_nobody_fits',
      params: { notEligible: 1, suspended: 0, atCapacity: 1, badWeight: 0 },
    });
  });

  it('every line of a decision has a code', () => {
    const outcome = route({
      lead: lead({ regionCode: '31', industry: '制造', grade: 'A1' }),
      candidates: [rep('a', { regions: ['31'] }), rep('b', { eligible: false })],
      policy: policy({ skill: { mustWinGrades: ['A1'], topLevel: 4 } }),
    });
    expect(outcome.explanation.map((s) => s.code)).toEqual([
      'account_none',
      'rep_skipped',
      'region',
      'industry',
      'skill_must_win',
      'rotation',
    ]);
  });
});
