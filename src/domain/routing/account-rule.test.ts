import { describe, expect, it } from 'vitest';
import { decideByAccount } from './account-rule.js';
import type { AccountMatch } from './routing-types.js';
import { policy, rep } from './test-reps.js';

const now = new Date('2026-03-02T01:00:00Z');
const DAY = 86_400_000;
const daysAgo = (d: number) => new Date(now.getTime() - d * DAY);

const account = (over: Partial<AccountMatch> = {}): AccountMatch => ({
  accountId: 'acc-1',
  accountName: '杭州云帆科技有限公司',
  matchedOn: 'credit_code',
  ownerId: 'owner',
  lastActivityAt: daysAgo(5),
  contacts: [{ name: '王五', title: 'IT经理' }],
  ...over,
});

const decide = (a: AccountMatch | null, contactTitle: string | null, candidates = [rep('owner', { name: '李四' })]) =>
  decideByAccount({ account: a, contactTitle, candidates, policy: policy(), now });

describe('account match first (SPEC §5.2 step 1, conflict rules N = 30, M = 3)', () => {
  it('decides nothing without an account, or when the account has no active owner', () => {
    const none = decide(null, 'CTO');
    expect(none.decision).toBeNull();
    expect(none.steps).toEqual([expect.objectContaining({ step: 'account', outcome: 'no_match' })]);
    const ownerless = decide(account({ ownerId: null }), 'CTO');
    expect(ownerless.decision).toBeNull();
    expect(ownerless.steps[0].message).toContain('无在职负责人');
  });

  it('assigns to an owner idle for N days with full credit and a first contact due in M days', () => {
    for (const lastActivityAt of [daysAgo(30), daysAgo(45), null]) {
      const { decision, steps } = decide(account({ lastActivityAt }), '销售专员');
      expect(decision).toMatchObject({ kind: 'assign', repId: 'owner', credit: 1, poolKey: null });
      expect(decision?.firstContactDueAt).toEqual(new Date(now.getTime() + 3 * DAY));
      expect(steps[0].message).toContain('assign, credit 1');
    }
  });

  it('counts activity within the last N days as active', () => {
    expect(decide(account({ lastActivityAt: daysAgo(29.9) }), '销售专员').decision?.kind).toBe('sync');
  });

  it('syncs with full credit when the new contact is more senior than every contact of the owner', () => {
    const { decision, steps } = decide(account(), '技术总监');
    expect(decision).toMatchObject({ kind: 'sync', repId: 'owner', credit: 1, firstContactDueAt: null });
    expect(steps[0].message).toContain('技术总监 (总监 director) 高于所有对接联系人 (more senior)');
    expect(steps[0].message).toContain('王五 IT经理 (经理 manager)');
  });

  it('syncs with partial credit when the new contact is not more senior than some contact', () => {
    const contacts = [
      { name: '王五', title: 'IT经理' },
      { name: '赵总', title: 'CIO' },
    ];
    for (const title of ['技术总监', 'IT经理', '采购专员', null, 'Marketing']) {
      const { decision, steps } = decide(account({ contacts }), title);
      expect(decision).toMatchObject({ kind: 'sync', credit: 1 / 3 });
      expect(steps[0].message).toContain('sync, credit 1/3');
    }
  });

  it('treats an owner with no recorded contacts as outranked by any readable title, never by an unreadable one', () => {
    expect(decide(account({ contacts: [] }), '经理').decision?.credit).toBe(1);
    expect(decide(account({ contacts: [] }), null).decision?.credit).toBe(1 / 3);
    expect(decide(account({ contacts: [{ name: '某人', title: null }] }), '专员').decision?.credit).toBe(1);
  });

  it('uses the configured partial credit', () => {
    const result = decideByAccount({
      account: account(),
      contactTitle: '专员',
      candidates: [],
      policy: policy({ partialCredit: 0.5 }),
      now,
    });
    expect(result.decision?.credit).toBe(0.5);
    expect(result.steps[0].message).toContain('credit 0.5');
  });

  it('says the owner bypasses eligibility and capacity, and notes what the roster says of them', () => {
    const owner = rep('owner', { name: '李四', eligible: false, openMqls: 10, capacity: 10 });
    const { decision, steps } = decide(account(), '专员', [owner]);
    expect(decision?.repId).toBe('owner');
    expect(steps[1]).toMatchObject({ step: 'account', outcome: 'picked', repId: 'owner' });
    expect(steps[1].message).toContain('eligibility, capacity and rotation do not apply');
    expect(steps[1].message).toContain("李四 不在本月名单 (not on this month's list), 未决 MQL 10/10 (at capacity)");
  });

  it('names an owner missing from the roster by id', () => {
    expect(decide(account(), '专员', []).steps[0].message).toContain('负责人 owner ');
  });
});
