import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, expectProblem, makeUser, startTestServer, type TestServer } from '../support/server.js';

type User = Awaited<ReturnType<typeof makeUser>>;

describe.each(engines())('routing rules and policy: GET/PUT /routing/rules (%s)', (engine) => {
  let t: TestServer;
  let sdr: User;
  let ops: User;
  let rep: User;
  let phone = 13900070000;

  beforeAll(async () => {
    t = await startTestServer(engine);
    sdr = await makeUser(t, 'sdr', { name: '林晓' });
    ops = await makeUser(t, 'sales_ops', { name: '运营小周' });
    rep = await makeUser(t, 'sales', { name: '张三' });
    const r = await ops.call('PUT', `/reps/${rep.id}`, {
      regions: ['上海'],
      industries: ['制造'],
      level: 3,
      weight: 1,
      capacity: 100,
      department: '华东一部',
    });
    expect(r.status, r.text).toBe(200);
    const e = await ops.call('PUT', '/eligibility/2026-03', { repIds: [rep.id] });
    expect(e.status, e.text).toBe(200);
  });
  afterAll(async () => t?.stop());

  const capture = async (lead: Record<string, unknown> = {}) => {
    phone += 1;
    const r = await t.admin('POST', '/leads', {
      name: '客户',
      phone: String(phone),
      channel: 'sem',
      region: '上海',
      ...lead,
    });
    expect(r.status, r.text).toBe(201);
    return r.body.lead as { id: string; status: string };
  };

  let defaults: { rules: unknown[]; policy: Record<string, unknown> };

  it('reads the LeadLoop defaults as version 0 (anyone may read)', async () => {
    const r = await sdr.call('GET', '/routing/rules');
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({
      version: 0,
      savedAt: null,
      savedBy: null,
      policy: { conflictInactiveDays: 30, firstContactDays: 3, balance: 'weight', skill: null },
    });
    expect(r.body.policy.partialCredit).toBeCloseTo(1 / 3, 10);
    expect(r.body.rules.map((x: { id: string; path: string }) => [x.id, x.path])).toEqual([
      ['disqualified', 'disqualified'],
      ['direct-channels', 'direct_to_sales'],
      ['pool-channels', 'pool'],
      ['below-nurture-threshold', 'pool'],
      ['sdr-queue', 'sdr_queue'],
    ]);
    defaults = { rules: r.body.rules, policy: r.body.policy };
  });

  it('only admin and sales ops may save (403 for an SDR)', async () => {
    const r = await sdr.call('PUT', '/routing/rules', defaults);
    expectProblem(r, 403);
    expect((await t.admin('GET', '/routing/rules')).body.version).toBe(0);
  });

  it('refuses a bad rule with 400 naming the field, and saves nothing', async () => {
    const badOp = await ops.call('PUT', '/routing/rules', {
      rules: [{ condition: { field: 'channel', op: 'equals', value: 'sem' }, path: 'pool' }, ...defaults.rules],
      policy: defaults.policy,
    });
    expectProblem(badOp, 400);
    expect(badOp.body.errors).toContainEqual({
      field: 'rules[0].condition.op',
      message: expect.any(String),
      messageZh: expect.stringMatching(/^须为 eq、ne/),
    });

    const badField = await ops.call('PUT', '/routing/rules', {
      rules: [...defaults.rules.slice(0, 2), { condition: { field: 'colour', op: 'eq', value: 'red' }, path: 'pool' }],
      policy: defaults.policy,
    });
    expectProblem(badField, 400);
    expect(badField.body.errors).toContainEqual({
      field: 'rules[2].condition.field',
      message: expect.any(String),
      messageZh: expect.any(String),
    });

    const badPath = await ops.call('PUT', '/routing/rules', {
      rules: [{ condition: null, path: 'somewhere' }],
      policy: defaults.policy,
    });
    expectProblem(badPath, 400);
    expect(badPath.body.errors.map((e: { field: string }) => e.field)).toContain('rules[0].path');
    expect((await t.admin('GET', '/routing/rules')).body.version).toBe(0);
  });

  it('refuses a bad policy with 400 naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ conflictInactiveDays: 0 }, 'policy.conflictInactiveDays'],
      [{ conflictInactiveDays: 30.5 }, 'policy.conflictInactiveDays'],
      [{ firstContactDays: 91 }, 'policy.firstContactDays'],
      [{ partialCredit: 0 }, 'policy.partialCredit'],
      [{ partialCredit: 1.5 }, 'policy.partialCredit'],
      [{ balance: 'random' }, 'policy.balance'],
      [{ skill: { mustWinGrades: ['A5'], topLevel: 4 } }, 'policy.skill.mustWinGrades[0]'],
      [{ skill: { mustWinGrades: ['A1'], topLevel: 6 } }, 'policy.skill.topLevel'],
      [{ colour: 'red' }, 'policy.colour'],
    ];
    for (const [change, field] of cases) {
      const r = await ops.call('PUT', '/routing/rules', {
        rules: defaults.rules,
        policy: { ...defaults.policy, ...change },
      });
      expectProblem(r, 400);
      expect(
        r.body.errors.map((e: { field: string }) => e.field),
        JSON.stringify(change),
      ).toContain(field);
    }
    const missing = await ops.call('PUT', '/routing/rules', { rules: defaults.rules });
    expectProblem(missing, 400);
    expect(missing.body.errors).toContainEqual({ field: 'policy', message: 'is required', messageZh: '必填' });
  });

  it('saves rules that send sem leads to the pool: a captured sem lead is nurturing; audited', async () => {
    expect((await capture()).status).not.toBe('nurturing');
    const r = await ops.call('PUT', '/routing/rules', {
      rules: [
        { id: 'sem-to-pool', condition: { field: 'channel', op: 'eq', value: 'sem' }, path: 'pool' },
        ...defaults.rules,
      ],
      policy: defaults.policy,
    });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ version: 1, savedBy: ops.id, savedAt: t.clock.now().toISOString() });
    expect(r.body.rules[0]).toEqual({
      id: 'sem-to-pool',
      description: 'channel eq sem',
      condition: { field: 'channel', op: 'eq', value: 'sem' },
      path: 'pool',
    });
    expect((await sdr.call('GET', '/routing/rules')).body).toEqual(r.body);

    expect((await capture()).status).toBe('nurturing');
    expect((await capture({ channel: 'organic_search' })).status).not.toBe('nurturing');

    const audit = await t.admin('GET', '/audit?entityType=routing_settings');
    expect(audit.status, audit.text).toBe(200);
    expect(audit.body.items).toContainEqual(
      expect.objectContaining({
        action: 'routing.settings_changed',
        actorId: ops.id,
        from: { version: 0 },
        to: { version: 1 },
      }),
    );
  });

  it('a policy with partial credit 0.5 gives a sync to an active account owner credit 0.5', async () => {
    const current = (await ops.call('GET', '/routing/rules')).body;
    const saved = await t.admin('PUT', '/routing/rules', {
      rules: defaults.rules,
      policy: { ...current.policy, partialCredit: 0.5, skill: { mustWinGrades: ['A1', 'A2'], topLevel: 4 } },
    });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({
      version: 2,
      policy: { partialCredit: 0.5, skill: { mustWinGrades: ['A1', 'A2'], topLevel: 4 } },
    });

    const day = 86_400_000;
    const account = await ops.call('POST', '/accounts', {
      name: '苏州活跃制造股份有限公司',
      ownerId: rep.id,
      lastActivityAt: new Date(t.clock.now().getTime() - 5 * day).toISOString(),
      contacts: [{ name: '钱经理', title: '采购经理' }],
    });
    expect(account.status, account.text).toBe(201);
    const lead = await capture({ name: '孙专员', company: '苏州活跃制造有限公司', title: '采购专员' });
    const q = await sdr.call('PUT', `/leads/${lead.id}/qualification`, {
      framework: 'BANT',
      answers: { budget: 'yes', authority: 'yes', need: 'yes', timing: 'yes' },
    });
    expect(q.status, q.text).toBe(200);
    const r = await sdr.call('POST', `/leads/${lead.id}/transfer`, { mode: 'auto' });
    expect(r.status, r.text).toBe(201);
    expect(r.body.handoff).toMatchObject({ kind: 'sync', repId: rep.id, credit: 0.5 });
  });
});
