import { describe, expect, it } from 'vitest';
import { chooseRep, narrowPool } from './choose-rep.js';
import { applyPick, emptyRotationState } from './rotation.js';
import type { AccountMatch, RepCandidate, RotationState, RoutingLead, RoutingPolicy } from './routing-types.js';
import { lead, policy, rep } from './test-reps.js';

const now = new Date('2026-03-02T01:00:00Z');

/** Rotation state kept per pool key, as storage keeps it. */
function store() {
  const states = new Map<string, RotationState>();
  return {
    states,
    rotation: (key: string) => states.get(key) ?? emptyRotationState(),
    route(args: {
      lead?: RoutingLead;
      candidates: RepCandidate[];
      policy?: RoutingPolicy;
      account?: AccountMatch | null;
    }) {
      const outcome = chooseRep({
        lead: args.lead ?? lead(),
        account: args.account ?? null,
        candidates: args.candidates,
        rotation: this.rotation,
        policy: args.policy ?? policy(),
        now,
      });
      if (outcome.rotation && outcome.poolKey) {
        states.set(outcome.poolKey, applyPick(this.rotation(outcome.poolKey), outcome.rotation));
      }
      return outcome;
    },
  };
}

const roster = (): RepCandidate[] => [
  rep('sh1', { name: '张三', regions: ['31'], industries: ['制造'], level: 5, weight: 2, department: '华东一部' }),
  rep('sh2', { name: '李四', regions: ['31'], industries: ['金融'], level: 2, department: '华东二部' }),
  rep('sh3', { name: '王五', regions: ['31'], industries: ['制造'], level: 1, department: '华东二部' }),
  rep('zj1', { name: '赵六', regions: ['33'], industries: ['制造'], level: 4, department: '华东一部' }),
  rep('bj1', { name: '钱七', regions: ['11'], industries: ['教育'], level: 3, department: '华北部' }),
];

describe('chooseRep (SPEC §5.2)', () => {
  it('walks region → industry → skill and picks by rotation, explaining every step', () => {
    const s = store();
    const outcome = s.route({
      lead: lead({ regionCode: '3101', industry: '汽车制造', grade: 'B2' }),
      candidates: roster(),
      policy: policy({ skill: { mustWinGrades: ['A1'], topLevel: 4 } }),
    });
    expect(outcome).toMatchObject({
      kind: 'assign',
      repId: 'sh3',
      credit: 1,
      firstContactDueAt: null,
      poolKey: 'reps:sh3',
    });
    expect(outcome.explanation.map((s) => [s.step, s.outcome])).toEqual([
      ['account', 'no_match'],
      ['region', 'narrowed'],
      ['industry', 'narrowed'],
      ['skill', 'narrowed'],
      ['rotation', 'picked'],
    ]);
    expect(outcome.explanation[1].message).toBe(
      '地区 (region): 上海市 (3101) — 5 人中 3 人覆盖该地区 (3 of 5 reps cover it; narrowed); ' +
        '未覆盖 (left out, not covering it): 赵六 (浙江省)、钱七 (北京市)',
    );
    expect(outcome.explanation[2].message).toContain('无该行业案例 (left out, no cases in it): 李四 (金融)');
    expect(outcome.explanation[3].message).toContain(
      '留给必赢线索 (left out, kept for must-win leads at level ≥ 4): 张三 (级别 5)',
    );
    expect(outcome.explanation[4].message).toMatch(
      /^轮转 \(rotation\): 选中 王五 \(权重1, 已分配0, 应得1, 部门 华东二部\)/,
    );
  });

  it('rotates by weight within the narrowed pool and keeps its counts under one stable key', () => {
    const s = store();
    const picks: string[] = [];
    for (let i = 0; i < 30; i++) {
      picks.push(s.route({ lead: lead({ regionCode: '31', industry: '制造' }), candidates: roster() }).repId as string);
    }
    expect(picks.filter((p) => p === 'sh1')).toHaveLength(20);
    expect(picks.filter((p) => p === 'sh3')).toHaveLength(10);
    expect([...s.states.keys()]).toEqual(['reps:sh1,sh3']);
    expect(s.states.get('reps:sh1,sh3')?.received).toEqual({ sh1: 20, sh3: 10 });
    const line = s
      .route({ lead: lead({ regionCode: '31', industry: '制造' }), candidates: roster() })
      .explanation.at(-1);
    expect(line?.message).toContain(
      '选中 张三 (权重2, 已分配20, 应得20.67, 部门 华东一部) — 2 人池, 按权重 balance: weight',
    );
  });

  it('skips reps who are ineligible, suspended or at capacity, with a line each, and rotates among the rest', () => {
    const candidates = roster().map((r) =>
      r.id === 'sh1'
        ? { ...r, eligible: false }
        : r.id === 'sh2'
          ? { ...r, suspendedUntil: new Date('2026-04-01T00:00:00Z') }
          : r.id === 'zj1'
            ? { ...r, openMqls: 10 }
            : r,
    );
    const outcome = store().route({ lead: lead({ regionCode: '31' }), candidates });
    expect(outcome.repId).toBe('sh3');
    const skipped = outcome.explanation.filter((s) => s.outcome === 'skipped');
    expect(skipped.map((s) => [s.step, s.repId])).toEqual([
      ['eligibility', 'sh1'],
      ['suspension', 'sh2'],
      ['capacity', 'zj1'],
    ]);
  });

  it('names every candidate: skipped, left out by a rule, picked, or not yet due', () => {
    const candidates = roster().map((r) => (r.id === 'sh2' ? { ...r, eligible: false } : r));
    const outcome = store().route({ lead: lead({ regionCode: '31', industry: '制造' }), candidates });
    const text = outcome.explanation.map((s) => s.message).join('\n');
    for (const r of candidates) expect(text).toContain(r.name);
    expect(outcome.explanation.at(-1)?.message).toMatch(
      /^轮转 \(rotation\): 选中 张三 .* — 2 人池, 按权重 balance: weight; 未轮到 \(not due yet\): 王五 \(权重1, 已分配\d+(\.\d+)?\)$/,
    );
  });

  it('keeps the pool when a rule matches nobody, and says so', () => {
    const outcome = store().route({ lead: lead({ regionCode: '46', industry: '教育' }), candidates: roster() });
    expect(outcome.repId).toBe('bj1');
    expect(outcome.explanation.find((s) => s.step === 'region')).toMatchObject({ outcome: 'no_match' });
    expect(outcome.explanation.find((s) => s.step === 'industry')).toMatchObject({ outcome: 'narrowed' });
  });

  it('sends the lead to manual dispatch with the reasons when nobody fits', () => {
    const candidates = [
      rep('a', { eligible: false }),
      rep('b', { suspendedUntil: new Date('2026-03-05T00:00:00Z') }),
      rep('c', { openMqls: 3, capacity: 3 }),
    ];
    const outcome = store().route({ lead: lead({ regionCode: '31' }), candidates });
    expect(outcome).toMatchObject({ kind: 'dispatch', repId: null, credit: 1, poolKey: null, rotation: null });
    expect(outcome.explanation.at(-1)).toMatchObject({
      step: 'dispatch',
      outcome: 'dispatch',
      message:
        '人工分派 (dispatch): 无可分配销售 (nobody fits) — 1 人不在本月名单, 1 人暂停, 1 人满额 (1 not eligible, 1 suspended, 1 at capacity)',
    });
    expect(store().route({ candidates: [] }).explanation.at(-1)?.message).toContain('no reps on the roster');
  });

  it('lets an account with an active owner decide before the roster, even when the owner is unavailable', () => {
    const account: AccountMatch = {
      accountId: 'acc',
      accountName: '上海明远制造有限公司',
      matchedOn: 'alias',
      ownerId: 'bj1',
      lastActivityAt: new Date('2026-02-20T00:00:00Z'),
      contacts: [{ name: '周经理', title: '采购经理' }],
    };
    const candidates = roster().map((r) => (r.id === 'bj1' ? { ...r, openMqls: 10 } : r));
    const s = store();
    const senior = s.route({ lead: lead({ title: 'CEO', regionCode: '31' }), candidates, account });
    expect(senior).toMatchObject({ kind: 'sync', repId: 'bj1', credit: 1, poolKey: null, rotation: null });
    expect(senior.explanation.map((e) => e.step)).toEqual(['account', 'account']);
    expect(s.states.size).toBe(0);
    const junior = s.route({ lead: lead({ title: '采购专员' }), candidates, account });
    expect(junior).toMatchObject({ kind: 'sync', credit: 1 / 3 });
  });

  it('reads the new contact’s seniority from contactTitle when given', () => {
    const account: AccountMatch = {
      accountId: 'acc',
      accountName: 'X',
      matchedOn: 'name',
      ownerId: 'sh1',
      lastActivityAt: new Date('2026-03-01T00:00:00Z'),
      contacts: [{ name: '周经理', title: '采购经理' }],
    };
    const base = { account, candidates: roster(), rotation: () => emptyRotationState(), policy: policy(), now };
    expect(chooseRep({ ...base, lead: lead({ title: '专员' }), contactTitle: 'CTO' }).credit).toBe(1);
    expect(chooseRep({ ...base, lead: lead({ title: 'CTO' }), contactTitle: null }).credit).toBe(1 / 3);
  });

  it('goes on as marketing-sourced when the account has no owner', () => {
    const account: AccountMatch = {
      accountId: 'acc',
      accountName: 'X',
      matchedOn: 'name',
      ownerId: null,
      lastActivityAt: null,
      contacts: [],
    };
    const outcome = store().route({ lead: lead({ regionCode: '11' }), candidates: roster(), account });
    expect(outcome).toMatchObject({ kind: 'assign', repId: 'bj1' });
    expect(outcome.explanation[0].message).toContain('no active owner; marketing-sourced');
  });

  it('balances by department when the policy says so', () => {
    const s = store();
    const candidates = [
      rep('e1', { department: 'east', weight: 3 }),
      rep('w1', { department: 'west' }),
      rep('w2', { department: 'west' }),
    ];
    const picks = Array.from(
      { length: 20 },
      () => s.route({ candidates, policy: policy({ balance: 'department' }) }).repId,
    );
    expect(picks.filter((p) => p === 'e1')).toHaveLength(10);
    expect(picks.filter((p) => p === 'w1')).toHaveLength(5);
    expect([...s.states.keys()]).toEqual(['dept:e1,w1,w2']);
  });

  it('gives narrowPool the same pool and key chooseRep uses, so storage can lock it first', () => {
    const input = { lead: lead({ regionCode: '31', industry: '制造' }), candidates: roster(), policy: policy(), now };
    const pool = narrowPool(input);
    expect(pool.poolKey).toBe('reps:sh1,sh3');
    const seen: string[] = [];
    const outcome = chooseRep({
      ...input,
      account: null,
      rotation: (key) => {
        seen.push(key);
        return emptyRotationState();
      },
    });
    expect(seen).toEqual([pool.poolKey]);
    expect(outcome.poolKey).toBe(pool.poolKey);
  });
});
