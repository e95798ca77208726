import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, expectProblem, makeUser, startTestServer, type TestServer } from '../support/server.js';

type User = Awaited<ReturnType<typeof makeUser>>;
const hour = 3_600_000;
const day = 24 * hour;

const looserMql = [
  { kind: 'answer', framework: 'BANT', key: 'budget', oneOf: ['yes'] },
  { kind: 'answer', framework: 'BANT', key: 'authority', oneOf: ['yes'] },
  { kind: 'answer', framework: 'BANT', key: 'need', oneOf: ['yes'] },
  { kind: 'contact', require: 'phone_or_email' },
];

describe.each(engines())('versioned stage definitions (%s)', (engine) => {
  let t: TestServer;
  let marketing: User;
  let marketing2: User;
  let salesOps: User;
  let salesManager: User;
  let sdr: User;
  let sdrLead: User;
  let sales: User;

  const lead = async (phone: string) =>
    (await t.admin('POST', '/leads', { name: '线索', phone, channel: 'sem' })).body.lead.id as string;
  const mqlOf = async (leadId: string) =>
    (await sdr.call('GET', `/leads/${leadId}/definitions`)).body.items.find((i: any) => i.kind === 'mql');
  const inForce = async (at?: string) => {
    const r = await sdr.call('GET', `/definitions${at ? `?at=${encodeURIComponent(at)}` : ''}`);
    expect(r.status).toBe(200);
    return r.body.items.find((i: any) => i.kind === 'mql');
  };

  beforeAll(async () => {
    t = await startTestServer(engine);
    [marketing, marketing2, salesOps, salesManager, sdr, sdrLead, sales] = await Promise.all([
      makeUser(t, 'marketing'),
      makeUser(t, 'marketing'),
      makeUser(t, 'sales_ops'),
      makeUser(t, 'sales_manager'),
      makeUser(t, 'sdr'),
      makeUser(t, 'sdr_lead'),
      makeUser(t, 'sales'),
    ]);
  });
  afterAll(async () => t?.stop());

  it('starts with version 1 of each kind, the §4.2 default MQL, in force from the beginning', async () => {
    const r = await sdr.call('GET', '/definitions');
    expect(r.status).toBe(200);
    expect(r.body.items.map((i: any) => [i.kind, i.inForce.version])).toEqual([
      ['valid_lead', 1],
      ['mql', 1],
      ['sql', 1],
      ['opportunity', 1],
    ]);
    const mql = r.body.items[1];
    expect(mql.inForce).toMatchObject({
      status: 'approved',
      effectiveFrom: '1970-01-01T00:00:00.000Z',
      proposedBy: null,
      criteria: [
        { kind: 'answer', framework: 'BANT', key: 'budget', oneOf: ['yes'] },
        { kind: 'answer', framework: 'BANT', key: 'authority', oneOf: ['yes'] },
        { kind: 'answer', framework: 'BANT', key: 'need', oneOf: ['yes'] },
        { kind: 'answer', framework: 'BANT', key: 'timing', oneOf: ['yes'] },
        { kind: 'contact', require: 'phone_or_email' },
      ],
    });
    expect(mql.pending).toEqual([]);
  });

  it('names the unmet MQL criteria of a lead, which pass once BANT is four yes', async () => {
    const id = await lead('13812350001');
    const before = await sdr.call('GET', `/leads/${id}/definitions`);
    expect(before.status).toBe(200);
    const byKind = Object.fromEntries(before.body.items.map((i: any) => [i.kind, i]));
    expect(byKind.valid_lead).toMatchObject({ version: 1, passed: true, unmet: [] });
    expect(byKind.mql.passed).toBe(false);
    expect(byKind.mql.unmet.map((u: any) => u.criterion)).toEqual([
      'BANT.budget',
      'BANT.authority',
      'BANT.need',
      'BANT.timing',
    ]);
    expect(byKind.mql.unmet[0].message).toEqual({
      en: 'BANT budget is not answered, needs "yes"',
      zh: 'BANT budget 未填写，需要“是”',
    });
    expect(byKind.sql.unmet.map((u: any) => u.criterion)).toEqual(['milestone.accepted_by_sales']);
    expect(byKind.opportunity.unmet.map((u: any) => u.criterion)).toEqual(['milestone.opportunity_registered']);

    await sdr.call('PUT', `/leads/${id}/qualification`, {
      framework: 'BANT',
      answers: { budget: 'yes', authority: 'yes', need: 'yes', timing: 'no' },
    });
    const partly = await mqlOf(id);
    expect(partly.unmet).toEqual([
      {
        criterion: 'BANT.timing',
        message: { en: 'BANT timing is "no", needs "yes"', zh: 'BANT timing 为“否”，需要“是”' },
      },
    ]);
    await sdr.call('PUT', `/leads/${id}/qualification`, {
      framework: 'BANT',
      answers: { budget: 'yes', authority: 'yes', need: 'yes', timing: 'yes' },
    });
    expect(await mqlOf(id)).toMatchObject({ version: 1, passed: true, unmet: [] });
  });

  it('refuses a lead the caller may not see (403) and a lead that does not exist (404)', async () => {
    const id = await lead('13812350002');
    expectProblem(await sales.call('GET', `/leads/${id}/definitions`), 403);
    expectProblem(await sdr.call('GET', '/leads/nope/definitions'), 404);
  });

  it('refuses bad proposals with a 400 naming the criterion, and roles that may not propose (403)', async () => {
    const badKey = await marketing.call('POST', '/definitions/mql/versions', {
      criteria: [{ kind: 'answer', framework: 'BANT', key: 'budjet', oneOf: ['yes'] }],
    });
    expectProblem(badKey, 400);
    expect(badKey.body.errors[0].field).toBe('criteria.0.key');
    const badValue = await marketing.call('POST', '/definitions/mql/versions', {
      criteria: [
        { kind: 'contact', require: 'phone_or_email' },
        { kind: 'answer', framework: 'BANT', key: 'timing', oneOf: ['maybe'] },
      ],
    });
    expect(badValue.body.errors.map((e: any) => e.field)).toEqual(['criteria.1.oneOf.0']);
    const typo = await marketing.call('POST', '/definitions/mql/versions', {
      criteria: [{ kind: 'minScore', minimum: 40 }],
    });
    expect(typo.body.errors.map((e: any) => e.field)).toEqual(['criteria.0.minimum']);
    const empty = await marketing.call('POST', '/definitions/mql/versions', { criteria: [] });
    expect(empty.body.errors.map((e: any) => e.field)).toEqual(['criteria']);
    const past = await marketing.call('POST', '/definitions/mql/versions', {
      criteria: looserMql,
      effectiveFrom: new Date(t.clock.now().getTime() - hour).toISOString(),
    });
    expectProblem(past, 400);
    expect(past.body.errors[0].field).toBe('effectiveFrom');
    expectProblem(await marketing.call('POST', '/definitions/nql/versions', { criteria: looserMql }), 400);

    const bySdr = await sdr.call('POST', '/definitions/mql/versions', { criteria: looserMql });
    expectProblem(bySdr, 403);
    expect(bySdr.body.detail).toMatch(/sdr may not propose/);
    expectProblem(await sales.call('POST', '/definitions/mql/versions', { criteria: looserMql }), 403);
    const versions = await sdr.call('GET', '/definitions/mql/versions');
    expect(versions.body.items.map((v: any) => v.version)).toEqual([1]);
  });

  it('puts a version in force only once marketing and sales approved it, from its date; earlier dates keep the old one', async () => {
    const id = await lead('13812350003');
    await sdr.call('PUT', `/leads/${id}/qualification`, {
      framework: 'BANT',
      answers: { budget: 'yes', authority: 'yes', need: 'yes', timing: 'unknown' },
    });
    const proposedAt = t.clock.now();
    const effectiveFrom = new Date(proposedAt.getTime() + 2 * day).toISOString();
    const proposed = await marketing.call('POST', '/definitions/mql/versions', {
      criteria: looserMql,
      effectiveFrom,
      note: 'Q3 推广：不再要求明确的时间计划',
    });
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({
      kind: 'mql',
      version: 2,
      status: 'pending',
      proposedBy: { userId: marketing.id, role: 'marketing' },
      requestedEffectiveFrom: effectiveFrom,
      awaiting: ['marketing', 'sales'],
      approvals: [],
    });
    expect((await inForce()).pending.map((v: any) => v.version)).toEqual([2]);

    // The proposer may approve their own side; alone, that puts nothing in force.
    t.clock.advance(hour);
    const byMarketing = await marketing.call('POST', '/definitions/mql/versions/2/approve');
    expect(byMarketing.status).toBe(200);
    expect(byMarketing.body).toMatchObject({ status: 'pending', awaiting: ['sales'] });
    expect(byMarketing.body.approvals).toEqual([
      { side: 'marketing', userId: marketing.id, role: 'marketing', at: t.clock.now().toISOString() },
    ]);

    const twice = await marketing.call('POST', '/definitions/mql/versions/2/approve');
    expectProblem(twice, 409);
    expect(twice.body.detail).toMatch(/already approved/);
    expectProblem(await marketing2.call('POST', '/definitions/mql/versions/2/approve'), 409);
    const byAdmin = await t.admin('POST', '/definitions/mql/versions/2/approve');
    expectProblem(byAdmin, 403);
    expect(byAdmin.body.detail).toMatch(/admin cannot stand in/);
    expectProblem(await sdrLead.call('POST', '/definitions/mql/versions/2/approve'), 403);
    expectProblem(await sales.call('POST', '/definitions/mql/versions/2/approve'), 403);
    expectProblem(await salesOps.call('POST', '/definitions/mql/versions/9/approve'), 404);

    // Still version 1 after three days of marketing-only approval.
    t.clock.advance(3 * day);
    expect((await inForce()).inForce.version).toBe(1);
    expect((await mqlOf(id)).passed).toBe(false);

    // The date asked for has passed while it waited: it takes effect at the approval, never before.
    const approvedAt = t.clock.now().toISOString();
    const bySalesOps = await salesOps.call('POST', '/definitions/mql/versions/2/approve');
    expect(bySalesOps.status).toBe(200);
    expect(bySalesOps.body).toMatchObject({
      status: 'approved',
      awaiting: [],
      approvedAt,
      effectiveFrom: approvedAt,
      requestedEffectiveFrom: effectiveFrom,
    });
    expect(bySalesOps.body.approvals.map((a: any) => [a.side, a.role])).toEqual([
      ['marketing', 'marketing'],
      ['sales', 'sales_ops'],
    ]);
    expect(await mqlOf(id)).toMatchObject({ version: 2, passed: true });
    expectProblem(await salesManager.call('POST', '/definitions/mql/versions/2/approve'), 409);

    // The past still answers with the version that counted then.
    expect((await inForce(new Date(Date.parse(approvedAt) - 1).toISOString())).inForce.version).toBe(1);
    expect((await inForce(approvedAt)).inForce.version).toBe(2);
    const history = await sdr.call('GET', '/definitions/mql/versions');
    expect(history.body.inForce).toBe(2);
    expect(history.body.items.map((v: any) => [v.version, v.status, v.effectiveFrom])).toEqual([
      [1, 'approved', '1970-01-01T00:00:00.000Z'],
      [2, 'approved', approvedAt],
    ]);
    expect(history.body.items[0].criteria).toHaveLength(5);

    const audit = await t.admin('GET', '/audit?entityType=definition&entityId=definition:mql:2');
    expect(audit.body.items.map((e: any) => [e.action, e.actorId])).toEqual([
      ['definition.proposed', marketing.id],
      ['definition.approval_recorded', marketing.id],
      ['definition.approval_recorded', salesOps.id],
      ['definition.approved', salesOps.id],
      ['definition.took_effect', null],
    ]);
    expect(audit.body.items[3].reason).toMatch(/never retroactively/);
  });

  it('schedules a version for a future date: in force only from that date', async () => {
    const effectiveFrom = new Date(t.clock.now().getTime() + day).toISOString();
    const v3 = await salesManager.call('POST', '/definitions/mql/versions', {
      criteria: [...looserMql, { kind: 'answer', framework: 'BANT', key: 'timing', oneOf: ['yes'] }],
      effectiveFrom,
    });
    expect(v3.body.version).toBe(3);
    await salesManager.call('POST', '/definitions/mql/versions/3/approve');
    const approved = await marketing2.call('POST', '/definitions/mql/versions/3/approve');
    expect(approved.body).toMatchObject({ status: 'approved', effectiveFrom });
    const now = await inForce();
    expect(now.inForce.version).toBe(2);
    expect(now.scheduled.map((v: any) => v.version)).toEqual([3]);
    expect((await inForce(effectiveFrom)).inForce.version).toBe(3);
    const audit = async () =>
      (await t.admin('GET', '/audit?entityType=definition&entityId=definition:mql:3')).body.items.map(
        (e: any) => e.action,
      );
    expect(await audit()).not.toContain('definition.took_effect');

    t.clock.advance(day);
    const later = await inForce();
    expect(later.inForce.version).toBe(3);
    expect(later.scheduled).toEqual([]);
    const entries = (await t.admin('GET', '/audit?entityType=definition&entityId=definition:mql:3')).body.items;
    const tookEffect = entries.find((e: any) => e.action === 'definition.took_effect');
    expect(tookEffect).toMatchObject({ at: effectiveFrom, to: { kind: 'mql', version: 3, effectiveFrom } });
  });

  it('rejects a pending version with a reason; it never counts and cannot be approved afterwards', async () => {
    const v4 = await sdrLead.call('POST', '/definitions/sql/versions', {
      criteria: [
        { kind: 'milestone', milestone: 'accepted_by_sales' },
        { kind: 'minScore', min: 60 },
      ],
    });
    expect(v4.status).toBe(201);
    expect(v4.body.version).toBe(2);
    expectProblem(await sdr.call('POST', '/definitions/sql/versions/2/reject', { reason: '不同意' }), 403);
    expectProblem(await t.admin('POST', '/definitions/sql/versions/2/reject', { reason: '不同意' }), 403);
    const noReason = await salesOps.call('POST', '/definitions/sql/versions/2/reject', {});
    expectProblem(noReason, 400);
    expect(noReason.body.errors[0].field).toBe('reason');
    await marketing.call('POST', '/definitions/sql/versions/2/approve');
    const rejected = await salesOps.call('POST', '/definitions/sql/versions/2/reject', {
      reason: '评分模型还没校准，60 分门槛会卡住大部分线索',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      awaiting: [],
      rejection: { userId: salesOps.id, reason: '评分模型还没校准，60 分门槛会卡住大部分线索' },
    });
    const approveRejected = await salesManager.call('POST', '/definitions/sql/versions/2/approve');
    expectProblem(approveRejected, 409);
    expect(approveRejected.body.detail).toMatch(/rejected/);
    expectProblem(await marketing.call('POST', '/definitions/sql/versions/2/reject', { reason: 'again' }), 409);
    expectProblem(await marketing.call('POST', '/definitions/mql/versions/2/reject', { reason: 'too late' }), 409);
    const sql = (await sdr.call('GET', '/definitions')).body.items.find((i: any) => i.kind === 'sql');
    expect(sql).toMatchObject({ inForce: { version: 1 }, pending: [], scheduled: [] });

    // The proposer may withdraw their own proposal; the next proposal takes the next number.
    const v3 = await sdrLead.call('POST', '/definitions/sql/versions', {
      criteria: [
        { kind: 'milestone', milestone: 'accepted_by_sales' },
        { kind: 'field', field: 'company' },
      ],
    });
    expect(v3.body.version).toBe(3);
    const withdrawn = await sdrLead.call('POST', '/definitions/sql/versions/3/reject', { reason: '撤回，重新起草' });
    expect(withdrawn.body.status).toBe('rejected');
    const actions = (await t.admin('GET', '/audit?entityType=definition&entityId=definition:sql:2')).body.items.map(
      (e: any) => e.action,
    );
    expect(actions).toEqual(['definition.proposed', 'definition.approval_recorded', 'definition.rejected']);
  });
});
