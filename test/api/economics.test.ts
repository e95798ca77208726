/**
 * Channel economics (SPEC §8.2): spend per channel, campaign and month (PUT /spend/{month},
 * GET /spend, POST /spend/import) and GET /reports/channels, on a small workspace built through
 * the public API. March 2026 (clock from 2026-03-02 09:00 Beijing), all leads in 上海 → rep A:
 *
 * | lead | channel       | campaign | what happens                                  |
 * |------|---------------|----------|-----------------------------------------------|
 * | L1   | sem           | spring   | SDR → rep A: accepted, opportunity, won 100,000.50 |
 * | L2   | sem           | spring   | SDR → rep A: rejected                         |
 * | L3   | sem           | –        | nothing                                       |
 * | L4   | event_offline | expo     | SDR → rep A: accepted, opportunity (open)     |
 * | L5   | event_offline | expo     | nothing                                       |
 * | L6   | event_offline | expo     | nothing                                       |
 * | L7   | outbound      | –        | created by the SDR                            |
 *
 * March spend: sem/spring 1000.10, sem (no campaign) 2000.00, event_offline/expo 1000.10,
 * brand_zone (no leads) 300.00; April: sem 500.00. Hand-computed below; costs are spend ÷ count
 * rounded to the fen half away from zero (1000.10 / 3 = 333.3666… → 333.37), ROI to 4 decimals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gbk, utf8WithBom, xlsx } from '../../src/services/import-file/test-fixtures.js';
import { qualifyAndTransfer } from '../support/flows.js';
import { enrolShanghaiReps } from '../support/roster.js';
import {
  type Client,
  engines,
  expectProblem,
  makeUser,
  type Reply,
  startTestServer,
  type TestServer,
} from '../support/server.js';

type User = Awaited<ReturnType<typeof makeUser>>;

const HOUR = 3_600_000;
const MARCH = 'from=2026-03-01&to=2026-03-31';

function upload(call: Client, bytes: Uint8Array, fileName: string): Promise<Reply> {
  const form = new FormData();
  form.append('file', new Blob([bytes as BlobPart]), fileName);
  return call('POST', '/spend/import', form);
}

const csv = (lines: string[]) => `${lines.join('\r\n')}\r\n`;

function expectFieldError(r: Reply, field: string) {
  expectProblem(r, 400);
  expect(r.body.errors, r.text).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
}

/** [spend, leads, mqls, sqls, opportunities, won, revenue, roi] */
const figures = (row: any) => [
  row.spend,
  row.leads,
  row.mqls,
  row.sqls,
  row.opportunities,
  row.won,
  row.revenue,
  row.roi,
];
/** [lead, mql, sql, opportunity, won] */
const costs = (row: any) => [
  row.costPer.lead,
  row.costPer.mql,
  row.costPer.sql,
  row.costPer.opportunity,
  row.costPer.won,
];

describe.each(engines())('channel economics (%s)', (engine) => {
  let t: TestServer;
  let sdr: User;
  let ops: User;
  let marketing: User;
  let repA: User;
  let phone = 13900070000;

  const marchSpend = [
    { channel: 'sem', campaign: 'spring', amount: 1000.1 },
    { channel: 'sem', amount: '2,000.00' },
    { channel: 'event_offline', campaign: 'expo', amount: '1000.10' },
    { channel: 'brand_zone', campaign: '', amount: 300 },
  ];

  const capture = async (by: User | 'admin', body: Record<string, unknown>) => {
    phone += 1;
    const r = await (by === 'admin' ? t.admin : by.call)('POST', '/leads', {
      name: '王经理',
      phone: String(phone),
      region: '上海',
      ...body,
    });
    expect(r.status, r.text).toBe(201);
    return r.body.lead.id as string;
  };
  const transfer = async (id: string) => {
    const handoff = await qualifyAndTransfer(sdr, id);
    expect(handoff.repId).toBe(repA.id);
    return handoff.id as string;
  };
  const decide = async (handoffId: string, decision: string, body: object = {}) => {
    const r = await repA.call('POST', `/handoffs/${handoffId}/${decision}`, body);
    expect(r.status, r.text).toBe(200);
  };
  const openOpportunity = async (id: string, amount: number) => {
    const r = await repA.call('POST', `/leads/${id}/opportunities`, { amount });
    expect(r.status, r.text).toBe(201);
    return r.body.id as string;
  };
  const putSpend = async (month: string, items: object[], who: User | 'admin' = marketing) => {
    const r = await (who === 'admin' ? t.admin : who.call)('PUT', `/spend/${month}`, { items });
    expect(r.status, r.text).toBe(200);
    return r.body;
  };
  const report = async (query: string, who: User = marketing) => {
    const r = await who.call('GET', `/reports/channels?${query}`);
    expect(r.status, r.text).toBe(200);
    return r.body;
  };
  const rowOf = (body: any, key: string | null) => body.rows.find((r: any) => r.key === key);

  beforeAll(async () => {
    t = await startTestServer(engine);
    sdr = await makeUser(t, 'sdr', { name: '林晓', team: '华东SDR组' });
    ops = await makeUser(t, 'sales_ops', { name: '运营小周' });
    marketing = await makeUser(t, 'marketing', { name: '市场小王' });
    repA = await makeUser(t, 'sales', { name: '张三', team: '华东销售' });
    await enrolShanghaiReps(ops, [repA], ['2026-03', '2026-04']);

    const l1 = await capture('admin', { channel: 'sem', utm: { source: 'baidu', campaign: 'spring' } });
    const l2 = await capture('admin', { channel: 'sem', utm: { campaign: 'spring' } });
    await capture('admin', { channel: 'sem' });
    const l4 = await capture('admin', { channel: 'event_offline', utm: { campaign: 'expo' } });
    await capture('admin', { channel: 'event_offline', utm: { campaign: 'expo' } });
    await capture('admin', { channel: 'event_offline', utm: { campaign: 'expo' } });
    await capture(sdr, { channel: 'outbound' });

    t.clock.advance(HOUR);
    const h1 = await transfer(l1);
    const h2 = await transfer(l2);
    const h4 = await transfer(l4);
    t.clock.advance(2 * HOUR);
    await decide(h1, 'accept');
    await decide(h2, 'reject', { reason: 'no_budget' });
    await decide(h4, 'accept');
    t.clock.advance(24 * HOUR);
    const o1 = await openOpportunity(l1, 120000);
    await openOpportunity(l4, 80000);
    t.clock.advance(24 * HOUR);
    const won = await repA.call('POST', `/opportunities/${o1}/win`, { amount: 100000.5 });
    expect(won.status, won.text).toBe(200);
  });
  afterAll(async () => t?.stop());

  it('PUT /spend/{month} replaces the month’s entries; GET /spend lists them with an exact total; audited', async () => {
    const first = await putSpend('2026-03', [
      { channel: 'sem', amount: 1 },
      { channel: 'referral', campaign: 'old', amount: 2 },
    ]);
    expect(first.total).toBe(3);
    const body = await putSpend('2026-03', marchSpend);
    expect(body.month).toBe('2026-03');
    expect(body.items).toEqual([
      { month: '2026-03', channel: 'brand_zone', campaign: null, amount: 300 },
      { month: '2026-03', channel: 'event_offline', campaign: 'expo', amount: 1000.1 },
      { month: '2026-03', channel: 'sem', campaign: null, amount: 2000 },
      { month: '2026-03', channel: 'sem', campaign: 'spring', amount: 1000.1 },
    ]);
    expect(body.total).toBe(4300.2);
    await putSpend('2026-04', [{ channel: 'sem', amount: 500 }], 'admin');
    // 0.1 + 0.2 in floating point is 0.30000000000000004: sums are in fen.
    await putSpend('2026-05', [
      { channel: 'sem', amount: 0.1 },
      { channel: 'partner', amount: 0.2 },
    ]);
    const may = await marketing.call('GET', '/spend?from=2026-05&to=2026-05');
    expect(may.status, may.text).toBe(200);
    expect(may.body.total).toBe(0.3);

    const spring = await marketing.call('GET', '/spend?from=2026-03&to=2026-04');
    expect(spring.status, spring.text).toBe(200);
    expect(spring.body.items).toHaveLength(5);
    expect(spring.body.total).toBe(4800.2);
    expect(spring.body.items.some((i: any) => i.channel === 'referral')).toBe(false);

    const audit = await t.admin('GET', '/audit?entityType=spend&entityId=2026-03');
    expect(audit.status, audit.text).toBe(200);
    expect(audit.body.items.map((a: any) => [a.action, a.actorId])).toEqual([
      ['spend.replaced', marketing.id],
      ['spend.replaced', marketing.id],
    ]);
    const last = audit.body.items[1];
    expect(JSON.stringify(last)).toContain('referral');
    expect(JSON.stringify(last)).toContain('4300.2');
  });

  it('bad spend input → 400 naming the field; nothing changes', async () => {
    expectFieldError(
      await marketing.call('PUT', '/spend/2026-03', {
        items: [
          { channel: 'sem', amount: 1 },
          { channel: 'partner', amount: 2 },
          { channel: 'tiktok_ads', amount: 3 },
        ],
      }),
      'items[2].channel',
    );
    expectFieldError(
      await marketing.call('PUT', '/spend/2026-03', { items: [{ channel: 'sem', amount: 1.005 }] }),
      'items[0].amount',
    );
    expectFieldError(
      await marketing.call('PUT', '/spend/2026-03', { items: [{ channel: 'sem', amount: -5 }] }),
      'items[0].amount',
    );
    expectFieldError(
      await marketing.call('PUT', '/spend/2026-03', { items: [{ channel: 'sem', amount: '12abc' }] }),
      'items[0].amount',
    );
    expectFieldError(
      await marketing.call('PUT', '/spend/2026-03', {
        items: [
          { channel: 'sem', campaign: 'spring', amount: 1 },
          { channel: 'sem', campaign: ' spring ', amount: 2 },
        ],
      }),
      'items[1].campaign',
    );
    expectFieldError(await marketing.call('PUT', '/spend/2026-13', { items: [] }), 'path.month');
    expectFieldError(await marketing.call('PUT', '/spend/2026-03', { items: [{ amount: 1 }] }), 'items[0].channel');
    expectFieldError(await marketing.call('GET', '/spend?from=2026-04&to=2026-03'), 'query.from');
    expectFieldError(await marketing.call('GET', '/spend?from=March'), 'query.from');
    const march = await marketing.call('GET', '/spend?from=2026-03&to=2026-03');
    expect(march.body.total).toBe(4300.2);
  });

  it('roles: marketing and admin manage spend; reading needs reports.read; others get 403 with a reason', async () => {
    const denied = await ops.call('PUT', '/spend/2026-03', { items: [] });
    expectProblem(denied, 403);
    expect(denied.text).toContain('spend');
    expectProblem(await sdr.call('PUT', '/spend/2026-03', { items: [] }), 403);
    expectProblem(await upload(repA.call, utf8WithBom(csv(['month,channel,amount', '2026-01,sem,1'])), 's.csv'), 403);
    expectProblem(await sdr.call('GET', '/spend'), 403);
    expectProblem(await repA.call('GET', `/reports/channels?${MARCH}`), 403);
    expectProblem(await sdr.call('GET', `/reports/channels?${MARCH}`), 403);
    // sales ops reads spend and the report.
    expect((await ops.call('GET', '/spend?from=2026-03&to=2026-03')).status).toBe(200);
    expect((await ops.call('GET', `/reports/channels?${MARCH}`)).status).toBe(200);
  });

  it('GET /reports/channels by channel: spend, funnel counts, cost per stage, revenue, ROI and totals', async () => {
    const body = await report(`${MARCH}&by=channel`);
    expect(body).toMatchObject({
      by: 'channel',
      cohort: 'capture',
      currency: 'CNY',
      period: { from: '2026-03-01T00:00:00.000Z', to: '2026-03-31T23:59:59.999Z' },
      spendMonths: { first: '2026-03', last: '2026-03' },
    });
    // Most spend first.
    expect(body.rows.map((r: any) => r.key)).toEqual(['sem', 'event_offline', 'brand_zone', 'outbound']);
    const sem = rowOf(body, 'sem');
    expect(sem.label).toBe('Search ads (SEM)');
    // 3000.10 / 3 = 1000.0333 → 1000.03; / 2 = 1500.05; ROI (100000.50 − 3000.10) / 3000.10 = 32.33239… → 32.3324.
    expect(figures(sem)).toEqual([3000.1, 3, 2, 1, 1, 1, 100000.5, 32.3324]);
    expect(costs(sem)).toEqual([1000.03, 1500.05, 3000.1, 3000.1, 3000.1]);
    expect(sem.wonAmount).toBe(100000.5);
    expect(sem.wonAmountOtherCurrencies).toEqual({});
    // 1000.10 / 3 = 333.3666… → 333.37; no win: cost per won deal null, ROI (0 − 1000.10) / 1000.10 = −1.
    const expo = rowOf(body, 'event_offline');
    expect(figures(expo)).toEqual([1000.1, 3, 1, 1, 1, 0, 0, -1]);
    expect(costs(expo)).toEqual([333.37, 1000.1, 1000.1, 1000.1, null]);
    // Spend without leads: every cost null.
    const brand = rowOf(body, 'brand_zone');
    expect(brand.label).toBe('Brand zone');
    expect(figures(brand)).toEqual([300, 0, 0, 0, 0, 0, 0, -1]);
    expect(costs(brand)).toEqual([null, null, null, null, null]);
    // Leads without spend: cost 0 per lead, ROI null (nothing spent).
    const outbound = rowOf(body, 'outbound');
    expect(figures(outbound)).toEqual([0, 1, 0, 0, 0, 0, 0, null]);
    expect(costs(outbound)).toEqual([0, null, null, null, null]);
    // Totals: 4300.20 / 7 = 614.314… → 614.31; / 3 = 1433.40; / 2 = 2150.10; ROI 9570030 / 430020 → 22.2548.
    expect(body.total.key).toBeNull();
    expect(figures(body.total)).toEqual([4300.2, 7, 3, 2, 2, 1, 100000.5, 22.2548]);
    expect(costs(body.total)).toEqual([614.31, 1433.4, 2150.1, 2150.1, 4300.2]);

    // The counts are the funnel's (capture cohort, same slices).
    const funnel = await marketing.call('GET', `/reports/funnel?${MARCH}&by=channel&cohort=capture`);
    expect(funnel.status, funnel.text).toBe(200);
    for (const f of funnel.body.rows) {
      expect([f.leads, f.mqls, f.sqls, f.opportunities, f.won]).toEqual(figures(rowOf(body, f.key)).slice(1, 6));
    }
  });

  it('by campaign: spend without a campaign meets the leads without one', async () => {
    const body = await report(`${MARCH}&by=campaign`);
    expect(body.by).toBe('campaign');
    expect(body.rows.map((r: any) => r.key)).toEqual([null, 'expo', 'spring']);
    // sem without a campaign 2000 + brand_zone 300 = 2300 over L3 and L7.
    expect(figures(rowOf(body, null))).toEqual([2300, 2, 0, 0, 0, 0, 0, -1]);
    expect(costs(rowOf(body, null))).toEqual([1150, null, null, null, null]);
    // 1000.10 / 2 = 500.05; ROI (100000.50 − 1000.10) / 1000.10 = 98.99050… → 98.9905.
    expect(figures(rowOf(body, 'spring'))).toEqual([1000.1, 2, 2, 1, 1, 1, 100000.5, 98.9905]);
    expect(costs(rowOf(body, 'spring'))).toEqual([500.05, 500.05, 1000.1, 1000.1, 1000.1]);
    expect(costs(rowOf(body, 'expo'))).toEqual([333.37, 1000.1, 1000.1, 1000.1, null]);
    expect(figures(body.total)).toEqual([4300.2, 7, 3, 2, 2, 1, 100000.5, 22.2548]);
  });

  it('a period counts every month it overlaps, whole; from after to → 400', async () => {
    const body = await report('from=2026-03-15&to=2026-04-10&by=channel');
    expect(body.spendMonths).toEqual({ first: '2026-03', last: '2026-04' });
    // No lead was captured in the period: spend only. sem: 3000.10 + 500 in April.
    expect(figures(rowOf(body, 'sem'))).toEqual([3500.1, 0, 0, 0, 0, 0, 0, -1]);
    expect(body.total.spend).toBe(4800.2);
    expect(body.total.leads).toBe(0);
    expect(costs(body.total)).toEqual([null, null, null, null, null]);

    const wide = await report('from=2026-03-01&to=2026-04-30');
    // 3500.10 / 3 = 1166.70.
    expect(costs(rowOf(wide, 'sem'))).toEqual([1166.7, 1750.05, 3500.1, 3500.1, 3500.1]);

    expectFieldError(await marketing.call('GET', '/reports/channels?from=2026-04-01&to=2026-03-01'), 'query.from');
    expectFieldError(await marketing.call('GET', '/reports/channels?by=region'), 'query.by');
  });

  it('POST /spend/import: GBK with Chinese headers, per-row errors by sheet row, valid rows set their entries', async () => {
    const file = gbk(
      csv([
        '月份,渠道,活动,金额',
        '2026-01,sem,春季,"1,000.10"',
        '2026年1月,线下活动,,￥2000',
        '2026/2,sem,春季,300.5',
        '2026-13,sem,,1',
        '2026-01,抖音,,1',
        '2026-02,sem,,1.005',
        '2026-02,partner,,',
        '2026-01,Search ads (SEM),春季,9',
      ]),
    );
    const r = await upload(marketing.call, file, '投放.csv');
    expect(r.status, r.text).toBe(200);
    expect(r.body.imported).toBe(3);
    expect(r.body.months).toEqual(['2026-01', '2026-02']);
    expect(r.body.failed.map((f: any) => [f.row, f.errors.map((e: any) => e.field)])).toEqual([
      [5, ['month']],
      [6, ['channel']],
      [7, ['amount']],
      [8, ['amount']],
      [9, ['campaign']],
    ]);
    expect(r.body.failed[4].errors[0].message).toContain('row 2');

    const jan = await marketing.call('GET', '/spend?from=2026-01&to=2026-02');
    expect(jan.body.items).toEqual([
      { month: '2026-01', channel: 'event_offline', campaign: null, amount: 2000 },
      { month: '2026-01', channel: 'sem', campaign: '春季', amount: 1000.1 },
      { month: '2026-02', channel: 'sem', campaign: '春季', amount: 300.5 },
    ]);
    expect(jan.body.total).toBe(3300.6);

    // UTF-8 with BOM, English header: sets one entry, leaves the others; importing again changes nothing.
    const again = utf8WithBom(csv(['month,channel,campaign,amount', '2026-02,sem,春季,400']));
    for (let i = 0; i < 2; i++) {
      const r2 = await upload(marketing.call, again, 'spend.csv');
      expect(r2.status, r2.text).toBe(200);
      expect(r2.body).toEqual({ imported: 1, months: ['2026-02'], failed: [] });
    }
    const feb = await marketing.call('GET', '/spend?from=2026-01&to=2026-02');
    expect(feb.body.total).toBe(3400.1);

    const audit = await t.admin('GET', '/audit?entityType=spend&entityId=2026-02');
    expect(audit.body.items.map((a: any) => a.action)).toEqual(['spend.imported', 'spend.imported', 'spend.imported']);
  });

  it('import: XLSX, where Excel made the month a date and the amount a number', async () => {
    const file = await xlsx((wb) => {
      const ws = wb.addWorksheet('投放');
      ws.addRow(['Month', 'Channel', 'Campaign', 'Amount']);
      ws.addRow([new Date(Date.UTC(2025, 11, 1)), 'partner', '渠道大会', 1234.56]);
      ws.addRow(['2025-12', 'nowhere', '', 1]);
    });
    const r = await upload(marketing.call, file, 'spend.xlsx');
    expect(r.status, r.text).toBe(200);
    expect(r.body.imported).toBe(1);
    expect(r.body.failed).toEqual([{ row: 3, errors: [expect.objectContaining({ field: 'channel' })] }]);
    const dec = await marketing.call('GET', '/spend?from=2025-12&to=2025-12');
    expect(dec.body.items).toEqual([{ month: '2025-12', channel: 'partner', campaign: '渠道大会', amount: 1234.56 }]);
  });

  it('the OpenAPI document describes the endpoints', async () => {
    const r = await t.as(null)('GET', '/openapi.json');
    expect(r.status).toBe(200);
    expect(r.body.paths['/api/v1/reports/channels']).toHaveProperty('get');
    expect(r.body.paths['/api/v1/spend/{month}']).toHaveProperty('put');
    expect(r.body.paths['/api/v1/spend/import']).toHaveProperty('post');
    expect(r.body.paths['/api/v1/spend']).toHaveProperty('get');
  });

  it('import: a file without the needed columns or without a file → 400 naming file', async () => {
    expectFieldError(await upload(marketing.call, utf8WithBom(csv(['月份,渠道', '2026-01,sem'])), 'x.csv'), 'file');
    expectFieldError(await upload(marketing.call, new Uint8Array(), 'x.csv'), 'file');
    expectFieldError(await marketing.call('POST', '/spend/import', { items: [] }), 'file');
  });
});
