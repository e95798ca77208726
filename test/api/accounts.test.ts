import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, expectProblem, makeUser, startTestServer, type TestServer } from '../support/server.js';

type User = Awaited<ReturnType<typeof makeUser>>;

const PDD_CODE = '91310000MA1FL4XJ2B';

describe.each(engines())('CRM accounts (%s)', (engine) => {
  let t: TestServer;
  let ops: User;
  let rep: User;
  let rep2: User;
  let sdr: User;
  let marketing: User;
  beforeAll(async () => {
    t = await startTestServer(engine);
    ops = await makeUser(t, 'sales_ops');
    rep = await makeUser(t, 'sales');
    rep2 = await makeUser(t, 'sales');
    sdr = await makeUser(t, 'sdr');
    marketing = await makeUser(t, 'marketing');
  });
  afterAll(async () => t?.stop());

  const audit = async (id: string) => (await t.admin('GET', `/audit?entityType=account&entityId=${id}`)).body.items;

  it('creates an account with aliases, credit code, owner, last activity and contacts (201)', async () => {
    const r = await ops.call('POST', '/accounts', {
      name: '上海寻梦信息技术有限公司',
      aliases: ['拼多多', 'Pinduoduo'],
      creditCode: ` ${PDD_CODE.toLowerCase()} `,
      ownerId: rep.id,
      lastActivityAt: '2026-02-20T10:00:00+08:00',
      contacts: [{ name: '王总', title: 'CEO' }, { name: '李工', title: '采购经理' }, { name: '赵敏' }],
    });
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({
      id: expect.any(String),
      name: '上海寻梦信息技术有限公司',
      aliases: ['拼多多', 'Pinduoduo'],
      creditCode: PDD_CODE,
      ownerId: rep.id,
      lastActivityAt: '2026-02-20T02:00:00.000Z',
      contacts: [
        { name: '王总', title: 'CEO', seniority: 'c_level' },
        { name: '李工', title: '采购经理', seniority: 'manager' },
        { name: '赵敏', title: null, seniority: 'unknown' },
      ],
    });
    expect((await ops.call('GET', `/accounts/${r.body.id}`)).body).toEqual(r.body);
    const entries = await audit(r.body.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'account.created', actorId: ops.id, to: { ownerId: rep.id } });
  });

  it('upserts on the credit code: a CRM sync of the same account updates it (200) and audits the change', async () => {
    const first = (await ops.call('GET', `/accounts?q=${PDD_CODE}`)).body.items[0];
    t.clock.advance(60_000);
    const r = await ops.call('POST', '/accounts', {
      name: '上海寻梦信息技术股份有限公司',
      creditCode: PDD_CODE,
      ownerId: rep2.id,
      lastActivityAt: '2026-03-01T09:00:00Z',
    });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({
      id: first.id,
      name: '上海寻梦信息技术股份有限公司',
      ownerId: rep2.id,
      aliases: ['拼多多', 'Pinduoduo'], // left out: kept
      lastActivityAt: '2026-03-01T09:00:00.000Z',
    });
    expect(r.body.contacts).toHaveLength(3); // left out: kept
    const entries = await audit(first.id);
    expect(entries).toHaveLength(2);
    expect(entries[1]).toMatchObject({
      action: 'account.updated',
      from: { ownerId: rep.id, name: '上海寻梦信息技术有限公司', lastActivityAt: '2026-02-20T02:00:00.000Z' },
      to: { ownerId: rep2.id, name: '上海寻梦信息技术股份有限公司', lastActivityAt: '2026-03-01T09:00:00.000Z' },
    });
    expect(entries[1].from).not.toHaveProperty('contacts');

    // The same again changes nothing and writes nothing.
    const same = await ops.call('POST', '/accounts', {
      name: '上海寻梦信息技术股份有限公司',
      creditCode: PDD_CODE,
      ownerId: rep2.id,
    });
    expect(same.status).toBe(200);
    expect(await audit(first.id)).toHaveLength(2);
  });

  it('upserts on the normalised name without a credit code, and a later code attaches to that account', async () => {
    const a = await ops.call('POST', '/accounts', {
      name: '字节跳动科技（北京）有限公司',
      ownerId: rep.id,
      contacts: [{ name: '张三', title: '销售总监' }],
    });
    expect(a.status, a.text).toBe(201);
    const b = await ops.call('POST', '/accounts', {
      name: '字节跳动科技股份有限公司',
      ownerId: rep.id,
      contacts: [{ name: 'Li Si', title: 'VP of Sales' }],
    });
    expect(b.status, b.text).toBe(200);
    expect(b.body.id).toBe(a.body.id);
    expect(b.body.contacts).toEqual([{ name: 'Li Si', title: 'VP of Sales', seniority: 'vp' }]);
    const c = await ops.call('POST', '/accounts', {
      name: '字节跳动科技有限公司',
      creditCode: '91110108MA00A1B2C3',
      ownerId: rep.id,
    });
    expect(c.status, c.text).toBe(200);
    expect(c.body).toMatchObject({ id: a.body.id, creditCode: '91110108MA00A1B2C3' });
  });

  it('keeps two legal entities of one name apart by credit code, and asks which one without it (409)', async () => {
    const one = await ops.call('POST', '/accounts', {
      name: '华为技术有限公司',
      creditCode: '914403001922038216',
      ownerId: rep.id,
    });
    const two = await ops.call('POST', '/accounts', {
      name: '华为技术有限公司',
      creditCode: '91440300MA5DC7QX1E',
      ownerId: rep2.id,
    });
    expect([one.status, two.status]).toEqual([201, 201]);
    expect(two.body.id).not.toBe(one.body.id);
    const which = await ops.call('POST', '/accounts', { name: '华为技术有限公司', ownerId: rep.id });
    expectProblem(which, 409);
    expect(which.body.detail).toMatch(/creditCode/);
  });

  it('names the field at fault (400)', async () => {
    const base = { name: '测试科技有限公司', ownerId: rep.id };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, ownerId: 'no-such-user' }, 'ownerId'],
      [{ name: '测试科技有限公司' }, 'ownerId'],
      [{ ownerId: rep.id }, 'name'],
      [{ ...base, name: '' }, 'name'],
      [{ ...base, name: '!!!' }, 'name'],
      [{ ...base, creditCode: '12345' }, 'creditCode'],
      [{ ...base, creditCode: '91310000MA1FL4XJ2O' }, 'creditCode'],
      [{ ...base, aliases: ['ok', '？？'] }, 'aliases[1]'],
      [{ ...base, lastActivityAt: 'yesterday' }, 'lastActivityAt'],
      [{ ...base, contacts: [{ title: 'CEO' }] }, 'contacts[0].name'],
      [{ ...base, contacts: 'CEO' }, 'contacts'],
      [{ ...base, owner: rep.id }, 'owner'],
    ];
    for (const [body, field] of cases) {
      const r = await ops.call('POST', '/accounts', body);
      expectProblem(r, 400);
      expect(
        r.body.errors.map((e: any) => e.field),
        JSON.stringify(body),
      ).toContain(field);
    }
    expect((await ops.call('GET', '/accounts?q=测试科技')).body.items).toEqual([]);
  });

  it('lets only sales ops and admins write (403), finds accounts by name, alias, code and owner', async () => {
    for (const who of [sdr, rep, marketing])
      expectProblem(await who.call('POST', '/accounts', { name: '某公司', ownerId: rep.id }), 403);
    expectProblem(await marketing.call('GET', '/accounts'), 403);
    expectProblem(await ops.call('GET', '/accounts/no-such-account'), 404);

    const names = async (who: User, query: string) =>
      (await who.call('GET', `/accounts${query}`)).body.items.map((a: any) => a.name).sort();
    expect(await names(sdr, `?q=${encodeURIComponent('拼多多')}`)).toEqual(['上海寻梦信息技术股份有限公司']);
    expect(await names(sdr, '?q=pinduoduo')).toEqual(['上海寻梦信息技术股份有限公司']);
    expect(await names(sdr, `?q=${encodeURIComponent('寻梦')}`)).toEqual(['上海寻梦信息技术股份有限公司']);
    expect(await names(sdr, `?q=${encodeURIComponent('字节跳动科技（北京）')}`)).toEqual(['字节跳动科技有限公司']);
    expect(await names(ops, `?ownerId=${rep2.id}`)).toEqual(['上海寻梦信息技术股份有限公司', '华为技术有限公司']);

    // A rep sees the accounts they own, not a colleague's.
    expect(await names(rep2, '')).toEqual(['上海寻梦信息技术股份有限公司', '华为技术有限公司']);
    expectProblem(await rep2.call('GET', `/accounts?ownerId=${rep.id}`), 403);
    const repsOwn = (await ops.call('GET', `/accounts?ownerId=${rep.id}`)).body.items[0];
    expectProblem(await rep2.call('GET', `/accounts/${repsOwn.id}`), 403);
    expect((await rep.call('GET', `/accounts/${repsOwn.id}`)).status).toBe(200);

    const page1 = await ops.call('GET', '/accounts?limit=2');
    expect(page1.body.items).toHaveLength(2);
    const page2 = await ops.call('GET', `/accounts?limit=2&cursor=${page1.body.nextCursor}`);
    expect(page2.body.items[0].id).not.toBe(page1.body.items[1].id);
    expectProblem(await ops.call('GET', '/accounts?cursor=garbage'), 400);
  });

  it('bulk-upserts a CRM sync: created, updated, unchanged and failed by index', async () => {
    const r = await ops.call('POST', '/accounts/bulk', {
      accounts: [
        { name: '深圳市腾讯计算机系统有限公司', creditCode: '91440300708461136T', ownerId: rep.id, aliases: ['腾讯'] },
        { name: '上海寻梦信息技术股份有限公司', creditCode: PDD_CODE, ownerId: rep.id },
        { name: '无主公司' },
        { name: '深圳市腾讯计算机系统有限公司', creditCode: '91440300708461136T', ownerId: rep2.id },
        { name: '字节跳动科技有限公司', creditCode: '91110108MA00A1B2C3', ownerId: rep.id },
        { name: '某公司', ownerId: 'ghost' },
        { name: '公海客户有限公司', ownerId: null },
      ],
    });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ created: 2, updated: 2, unchanged: 1 });
    expect(r.body.failed).toEqual([
      { index: 2, errors: [{ field: 'ownerId', message: 'is required', messageZh: '必填' }] },
      {
        index: 5,
        errors: [{ field: 'ownerId', message: expect.stringMatching(/ghost/), messageZh: '没有 id 为“ghost”的用户' }],
      },
    ]);
    const byIndex = Object.fromEntries(r.body.results.map((x: any) => [x.index, x]));
    expect(byIndex[0].outcome).toBe('created');
    expect(byIndex[3]).toEqual({ index: 3, id: byIndex[0].id, outcome: 'updated' });
    expect(byIndex[4].outcome).toBe('unchanged');
    const tencent = await ops.call('GET', `/accounts/${byIndex[0].id}`);
    expect(tencent.body).toMatchObject({ ownerId: rep2.id, aliases: ['腾讯'] });
    expect((await audit(byIndex[0].id)).map((e: any) => e.action)).toEqual(['account.created', 'account.updated']);
    expect((await ops.call('GET', '/accounts?ownerId=none')).body.items.map((a: any) => a.name)).toEqual([
      '公海客户有限公司',
    ]);
  });

  it('takes 10,000 accounts in one call and refuses more (400)', async () => {
    const accounts = Array.from({ length: 10_000 }, (_, i) => ({
      name: `批量客户${i}有限公司`,
      ownerId: i % 2 ? rep.id : rep2.id,
      contacts: [{ name: `联系人${i}`, title: '经理' }],
    }));
    const r = await ops.call('POST', '/accounts/bulk', { accounts });
    expect(r.status, r.text.slice(0, 500)).toBe(200);
    expect(r.body).toMatchObject({ created: 10_000, updated: 0, failed: [] });
    const again = await ops.call('POST', '/accounts/bulk', { accounts });
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 10_000 });
    const tooMany = await ops.call('POST', '/accounts/bulk', { accounts: [...accounts, accounts[0]] });
    expectProblem(tooMany, 400);
    expect(tooMany.body.errors[0].field).toBe('accounts');
    expectProblem(await ops.call('POST', '/accounts/bulk', { accounts: [] }), 400);
    expectProblem(await sdr.call('POST', '/accounts/bulk', { accounts: [{ name: 'x', ownerId: null }] }), 403);
  }, 120_000);
});
