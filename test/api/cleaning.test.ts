import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, expectProblem, makeUser, startTestServer, type TestServer } from '../support/server.js';

type User = Awaited<ReturnType<typeof makeUser>>;

let serial = 0;
/** A fresh, real-looking mobile (no runs, no repeated tails). */
const mobile = () => `1371357${String(1000 + serial++).padStart(4, '0')}`;

describe.each(engines())('cleaning (%s)', (engine) => {
  let t: TestServer;
  let sdr: User;
  let colleague: User;
  let sdrLead: User;
  let sales: User;
  const capture = (body: Record<string, unknown>) =>
    t.admin('POST', '/leads', { channel: 'sem', phone: mobile(), ...body });
  const timeline = async (id: string) => (await t.admin('GET', `/leads/${id}/timeline`)).body.items as any[];

  beforeAll(async () => {
    t = await startTestServer(engine);
    sdr = await makeUser(t, 'sdr', { team: '华东SDR组' });
    colleague = await makeUser(t, 'sdr', { team: '华东SDR组' });
    sdrLead = await makeUser(t, 'sdr_lead', { team: '华东SDR组' });
    sales = await makeUser(t, 'sales');
  });
  afterAll(async () => t?.stop());

  describe('reason taxonomy', () => {
    it('lists the disqualify reasons of SPEC §3 to everyone, in order', async () => {
      const r = await sales.call('GET', '/reasons/disqualify');
      expect(r.status).toBe(200);
      expect(r.body.kind).toBe('disqualify');
      expect(r.body.items.map((x: any) => x.code)).toEqual([
        'invalid_phone',
        'unreachable',
        'wrong_person',
        'unrelated_business',
        'competitor',
        'student_job_seeker',
        'free_only',
        'spam',
        'outside_icp',
        'test_data',
        'duplicate',
      ]);
      expect(r.body.items[0]).toEqual({
        code: 'invalid_phone',
        labelZh: '空号/错号',
        labelEn: 'Invalid or wrong number',
        active: true,
        position: 1,
        used: false,
      });
      expectProblem(await sdr.call('GET', '/reasons/no_such_kind'), 404);
    });

    it('lets an SDR lead replace the list: used reasons are deactivated, unused ones removed', async () => {
      const before = (await sdrLead.call('GET', '/reasons/disqualify')).body.items;
      // Give free_only to a lead, so it is in use.
      const lead = await capture({ name: '周小川', company: '南京启明软件有限公司' });
      expect(
        (await sdrLead.call('POST', `/leads/${lead.body.lead.id}/disqualify`, { reason: 'free_only' })).status,
      ).toBe(200);

      const kept = before.filter((x: any) => !['free_only', 'duplicate'].includes(x.code));
      kept.find((x: any) => x.code === 'competitor').labelZh = '竞品公司';
      const items = [...kept, { code: 'no_budget', labelZh: '无预算', labelEn: 'No budget' }];
      const put = await sdrLead.call('PUT', '/reasons/disqualify', { items });
      expect(put.status, put.text).toBe(200);
      const byCode = Object.fromEntries(put.body.items.map((x: any) => [x.code, x]));
      expect(byCode.competitor.labelZh).toBe('竞品公司');
      expect(byCode.no_budget).toMatchObject({ active: true, position: kept.length + 1, used: false });
      expect(byCode.free_only).toMatchObject({ active: false, used: true });
      expect(byCode.duplicate).toBeUndefined();
      expect(put.body.items.at(-1).code).toBe('free_only');

      // An inactive reason can no longer be given; the 400 lists what can.
      const other = await capture({ name: '孙立人', company: '苏州恒通物流有限公司' });
      const refused = await sdrLead.call('POST', `/leads/${other.body.lead.id}/disqualify`, { reason: 'free_only' });
      expectProblem(refused, 400);
      expect(refused.body.errors[0].field).toBe('reason');
      expect(refused.body.errors[0].message).toContain('no_budget');
      expect(refused.body.errors[0].message).not.toContain('duplicate');
    });

    it('refuses to drop a reason junk detection gives, bad items, and roles without the right', async () => {
      const items = (await sdrLead.call('GET', '/reasons/disqualify')).body.items;
      const noTestData = await sdrLead.call('PUT', '/reasons/disqualify', {
        items: items.filter((x: any) => x.code !== 'test_data'),
      });
      expectProblem(noTestData, 400);
      expect(noTestData.body.errors[0]).toMatchObject({
        field: 'items',
        message: expect.stringMatching(/test_data.*junk/),
      });
      const badCode = await sdrLead.call('PUT', '/reasons/disqualify', {
        items: [{ code: 'Has Spaces', labelZh: '坏', labelEn: 'bad' }, ...items],
      });
      expectProblem(badCode, 400);
      expect(badCode.body.errors.map((e: any) => e.field)).toContain('items[0].code');
      const missingLabel = await sdrLead.call('PUT', '/reasons/disqualify', {
        items: [{ code: 'x_y', labelZh: '坏' }],
      });
      expectProblem(missingLabel, 400);
      expect(missingLabel.body.errors[0].field).toBe('items[0].labelEn');
      expectProblem(await sdr.call('PUT', '/reasons/disqualify', { items }), 403);
      expectProblem(await sdrLead.call('PUT', '/reasons/nope', { items }), 404);
    });
  });

  describe('POST /leads/{id}/disqualify', () => {
    it('disqualifies the owning SDR’s lead with a reason and note; the lead is kept and the timeline says why', async () => {
      const own = await sdr.call('POST', '/leads', {
        name: '陈立',
        phone: mobile(),
        channel: 'outbound',
        company: '杭州数澜科技有限公司',
      });
      expect(own.body.lead).toMatchObject({ status: 'working', ownerId: sdr.id });
      const id = own.body.lead.id;
      t.clock.advance(60_000);
      const r = await sdr.call('POST', `/leads/${id}/disqualify`, {
        reason: 'competitor',
        note: '对方是同行，来打听价格',
      });
      expect(r.status, r.text).toBe(200);
      expect(r.body).toMatchObject({ id, status: 'disqualified', statusReason: 'competitor', ownerId: sdr.id });
      expect((await sdr.call('GET', `/leads/${id}`)).body).toMatchObject({ status: 'disqualified' });

      const entry = (await timeline(id)).find((e) => e.data.action === 'lead.disqualified');
      expect(entry).toMatchObject({
        type: 'change',
        actorId: sdr.id,
        data: {
          from: { status: 'working' },
          to: { status: 'disqualified', reason: 'competitor', note: '对方是同行，来打听价格' },
        },
      });
      expect(entry.data.reason).toContain('对方是同行');

      const again = await sdr.call('POST', `/leads/${id}/disqualify`, { reason: 'spam' });
      expectProblem(again, 409);
      expect(again.body.detail).toMatch(/already disqualified/);
    });

    it('answers 400 naming reason (with the valid codes), 403 with a reason, 404 for no such lead', async () => {
      const lead = await capture({ name: '郑和', company: '宁波远洋贸易有限公司' });
      const id = lead.body.lead.id;
      const bad = await sdr.call('POST', `/leads/${id}/disqualify`, { reason: 'not_a_reason' });
      expectProblem(bad, 400);
      expect(bad.body.errors[0]).toMatchObject({ field: 'reason', message: expect.stringContaining('invalid_phone') });
      const missing = await sdr.call('POST', `/leads/${id}/disqualify`, {});
      expectProblem(missing, 400);
      expect(missing.body.errors[0].field).toBe('reason');

      const bySales = await sales.call('POST', `/leads/${id}/disqualify`, { reason: 'spam' });
      expectProblem(bySales, 403);
      expect(bySales.body.detail).toMatch(/sales may not disqualify/);

      const owned = await colleague.call('POST', '/leads', { name: '吕方', phone: mobile(), channel: 'outbound' });
      const byOther = await sdr.call('POST', `/leads/${owned.body.lead.id}/disqualify`, { reason: 'wrong_person' });
      expectProblem(byOther, 403);
      expect(byOther.body.detail).toMatch(/owned by another/);
      expect((await t.admin('GET', `/leads/${owned.body.lead.id}`)).body.status).toBe('working');
      // The SDR lead may.
      expect(
        (await sdrLead.call('POST', `/leads/${owned.body.lead.id}/disqualify`, { reason: 'wrong_person' })).status,
      ).toBe(200);

      expectProblem(await sdr.call('POST', '/leads/no-such-lead/disqualify', { reason: 'spam' }), 404);
      // An unowned lead in the queue is any SDR's to triage.
      expect((await sdr.call('POST', `/leads/${id}/disqualify`, { reason: 'unreachable' })).status).toBe(200);
    });

    it('requalifies a mistaken disqualification back to the status it had (sdr_lead), audited', async () => {
      const own = await sdr.call('POST', '/leads', { name: '韩梅', phone: mobile(), channel: 'outbound' });
      const id = own.body.lead.id;
      await sdr.call('POST', `/leads/${id}/disqualify`, { reason: 'wrong_person' });
      expectProblem(await sdr.call('POST', `/leads/${id}/requalify`, { note: '弄错了' }), 403);
      const noNote = await sdrLead.call('POST', `/leads/${id}/requalify`, {});
      expectProblem(noNote, 400);
      expect(noNote.body.errors[0].field).toBe('note');
      const r = await sdrLead.call('POST', `/leads/${id}/requalify`, { note: '联系人没错，是同名同事接的电话' });
      expect(r.status, r.text).toBe(200);
      expect(r.body).toMatchObject({ status: 'working', statusReason: null, ownerId: sdr.id });
      const entry = (await timeline(id)).find((e) => e.data.action === 'lead.requalified');
      expect(entry).toMatchObject({ actorId: sdrLead.id, data: { to: { status: 'working' } } });
      expectProblem(await sdrLead.call('POST', `/leads/${id}/requalify`, { note: '再来' }), 409);
    });
  });

  describe('ICP rules', () => {
    it('ships conservative defaults: only the small-company flag is on', async () => {
      const r = await sdr.call('GET', '/icp-rules');
      expect(r.status).toBe(200);
      expect(r.body.rules.map((x: any) => [x.id, x.action, x.enabled])).toEqual([
        ['small-company', 'flag', true],
        ['state-or-foreign-owned', 'disqualify', false],
        ['foreign-subsidiary-name', 'flag', false],
      ]);
    });

    it('validates rules, naming the rule index and field', async () => {
      expectProblem(await sdr.call('PUT', '/icp-rules', { rules: [] }), 403);
      const bad = await sdrLead.call('PUT', '/icp-rules', {
        rules: [
          { description: 'ok', condition: { field: 'employees', op: 'lt', value: 20 }, action: 'flag' },
          {
            description: 'typo',
            condition: { field: 'employes', op: 'lt', value: 20 },
            action: 'disqualify',
            reason: 'nope',
          },
        ],
      });
      expectProblem(bad, 400);
      expect(bad.body.errors.map((e: any) => e.field)).toEqual(['rules[1].condition.field', 'rules[1].reason']);
      const notList = await sdrLead.call('PUT', '/icp-rules', { rules: 'all' });
      expectProblem(notList, 400);
      expect(notList.body.errors[0].field).toBe('rules');
    });

    it('disqualifies a 10-person company with outside_icp, flags a foreign enterprise, never acts on unknowns', async () => {
      const put = await sdrLead.call('PUT', '/icp-rules', {
        rules: [
          {
            id: 'small',
            description: '少于 20 人',
            condition: { field: 'employees', op: 'lt', value: 20 },
            action: 'disqualify',
          },
          {
            id: 'foreign',
            description: '外资企业',
            condition: {
              any: [
                { field: 'fields.企业类型', op: 'in', value: ['外资企业', '中外合资企业'] },
                { field: 'company', op: 'contains', value: '(中国)' },
              ],
            },
            action: 'flag',
            flag: 'ICP:外资',
          },
        ],
      });
      expect(put.status, put.text).toBe(200);
      expect(put.body.rules[0]).toMatchObject({
        id: 'small',
        reason: 'outside_icp',
        flag: 'ICP:employees<20',
        enabled: true,
      });
      expect((await sdr.call('GET', '/icp-rules')).body.rules.map((r: any) => r.id)).toEqual(['small', 'foreign']);

      const small = await capture({ name: '赵敏', company: '合肥小微网络工作室', employees: 10 });
      expect(small.status).toBe(201);
      expect(small.body.lead).toMatchObject({
        status: 'disqualified',
        statusReason: 'outside_icp',
        flags: ['ICP:employees<20'],
      });
      const entry = (await timeline(small.body.lead.id)).find((e) => e.data.action === 'lead.disqualified');
      expect(entry).toMatchObject({ actorId: null, data: { to: { reason: 'outside_icp', by: 'icp', rule: 'small' } } });

      const foreign = await capture({ name: '李安', company: '博世（中国）投资有限公司', employees: 3000 });
      expect(foreign.body.lead).toMatchObject({ status: 'new', statusReason: null, flags: ['ICP:外资'] });
      const byField = await capture({
        name: '何冰',
        company: '深圳海拓电子有限公司',
        employees: 800,
        fields: { 企业类型: '外资企业' },
      });
      expect(byField.body.lead).toMatchObject({ status: 'new', flags: ['ICP:外资'] });

      const unknown = await capture({ name: '林静', company: '厦门鹭岛软件有限公司' });
      expect(unknown.body.lead).toMatchObject({ status: 'new', flags: [] });
    });

    it('re-checks a lead when a repeat fills in its size, unless a person requalified it', async () => {
      const phone = mobile();
      const first = await capture({ name: '钟原', phone, company: '福州闽江文化传媒有限公司' });
      expect(first.body.lead.status).toBe('new');
      const repeat = await capture({ name: '钟原', phone, employees: 8 });
      expect(repeat.status).toBe(200);
      expect(repeat.body.lead).toMatchObject({
        id: first.body.lead.id,
        status: 'disqualified',
        statusReason: 'outside_icp',
      });

      await sdrLead.call('POST', `/leads/${first.body.lead.id}/requalify`, { note: '集团子公司，按集团规模算' });
      const third = await capture({ name: '钟原', phone, channel: 'event_offline' });
      expect(third.body.lead).toMatchObject({ status: 'new', flags: ['ICP:employees<20'] });
    });
  });

  describe('junk at capture', () => {
    it('disqualifies test entries, fake numbers and spam, and leaves real people alone', async () => {
      const junk = await capture({ name: '测试', company: '杭州云帆科技有限公司', employees: 100 });
      expect(junk.status).toBe(201);
      expect(junk.body.lead).toMatchObject({ status: 'disqualified', statusReason: 'test_data' });
      const entry = (await timeline(junk.body.lead.id)).find((e) => e.data.action === 'lead.disqualified');
      expect(entry).toMatchObject({ actorId: null, data: { to: { reason: 'test_data', by: 'junk' } } });
      expect(entry.data.reason).toContain('测试');

      const normal = await capture({ name: '王测', company: '测试科技有限公司', employees: 100 });
      expect(normal.body.lead).toMatchObject({ status: 'new', statusReason: null, flags: [] });

      const bulk = await t.admin('POST', '/leads/bulk', {
        leads: [
          { name: '刘洋', phone: '13333333333', channel: 'sem' },
          { name: 'asdf', phone: mobile(), channel: 'sem' },
          { name: '张伟', phone: mobile(), email: 'zw@mailinator.com', channel: 'sem', employees: 300 },
          { name: '周杰', phone: mobile(), channel: 'sem', fields: { 留言: '专业代开发票 加我' } },
          { name: '吴磊', email: 'test@test.com', channel: 'sem' },
          { name: '郭靖', phone: mobile(), channel: 'sem', employees: 50 },
        ],
      });
      expect(bulk.status, bulk.text).toBe(200);
      expect(bulk.body).toMatchObject({ created: 6, failed: [] });
      const leads = await Promise.all(
        bulk.body.results.map(async (r: any) => (await t.admin('GET', `/leads/${r.id}`)).body),
      );
      expect(leads.map((l: any) => [l.name, l.status, l.statusReason, l.flags])).toEqual([
        ['刘洋', 'disqualified', 'invalid_phone', []],
        ['asdf', 'disqualified', 'test_data', []],
        ['张伟', 'new', null, ['JUNK:disposable_email']],
        ['周杰', 'disqualified', 'spam', []],
        ['吴磊', 'disqualified', 'test_data', []],
        ['郭靖', 'new', null, []],
      ]);
    });

    it('flags rather than disqualifies junk on a lead an SDR created and holds', async () => {
      const r = await sdr.call('POST', '/leads', { name: '测试', phone: mobile(), channel: 'outbound' });
      expect(r.body.lead).toMatchObject({ status: 'working', flags: ['JUNK:test_name'] });
    });
  });

  it('lists disqualified leads with GET /leads?status=disqualified, apart from the others', async () => {
    const r = await t.admin('GET', '/leads?status=disqualified&limit=200');
    expect(r.status).toBe(200);
    const names = r.body.items.map((l: any) => l.name);
    expect(names).toEqual(expect.arrayContaining(['测试', '刘洋', 'asdf', '周杰', '吴磊', '赵敏', '陈立']));
    expect(names).not.toContain('王测');
    expect(r.body.items.every((l: any) => l.status === 'disqualified' && l.statusReason)).toBe(true);
    const fresh = await t.admin('GET', '/leads?status=new&limit=200');
    expect(fresh.body.items.map((l: any) => l.name)).toEqual(expect.arrayContaining(['王测', '郭靖', '林静']));
  });
});
