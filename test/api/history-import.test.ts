/**
 * History import over HTTP (SPEC §10.1 "History import", `externalId`, `fields`): POST /imports
 * with `mode=history` loads past leads to learn from — no contact details needed, a required
 * `outcome` (结果) column mapped to a stage, a capture date, typed custom fields, idempotent
 * re-import by external id — and keeps them out of live work (queue, pool, reports, hand-offs).
 */
import { execSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  engines,
  expectProblem,
  makeUser,
  type Reply,
  startTestServer,
  type TestServer,
} from '../support/server.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
/** GBK bytes as Chinese Excel writes them, encoded by Python's codec (not by the code under test). */
const gbk = (text: string): Uint8Array =>
  new Uint8Array(
    execSync(`python3 -c "import sys; sys.stdout.buffer.write(sys.stdin.read().encode('gbk'))"`, { input: text }),
  );
const csv = (lines: string[]) => `${lines.join('\r\n')}\r\n`;

/** POST /imports as multipart; `modeFirst` puts the mode field before the file part. */
function upload(
  call: Client,
  bytes: Uint8Array,
  fileName: string,
  { mode = 'history', modeFirst = true }: { mode?: string | null; modeFirst?: boolean } = {},
): Promise<Reply> {
  const form = new FormData();
  if (mode !== null && modeFirst) form.append('mode', mode);
  form.append('file', new Blob([bytes as BlobPart]), fileName);
  if (mode !== null && !modeFirst) form.append('mode', mode);
  return call('POST', '/imports', form);
}

describe.each(engines())('history import (%s)', (engine) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(engine);
  });
  afterAll(async () => t?.stop());

  /** The lead holding this external id (live or history). */
  async function byExternalId(externalId: string) {
    const r = await t.admin('GET', `/leads?externalId=${encodeURIComponent(externalId)}`);
    expect(r.status, r.text).toBe(200);
    expect(r.body.items, `leads with external id ${externalId}`).toHaveLength(1);
    return r.body.items[0];
  }

  async function countLeads(query: string): Promise<number> {
    let n = 0;
    let cursor: string | null = null;
    do {
      const r: Reply = await t.admin(
        'GET',
        `/leads?limit=500&${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(r.status, r.text).toBe(200);
      n += r.body.items.length;
      cursor = r.body.nextCursor;
    } while (cursor);
    return n;
  }

  it('imports past leads without contact details: stage from the outcome, capture date, typed fields', async () => {
    const r = await upload(
      t.admin,
      utf8(
        csv([
          '外部编号,结果,创建时间,公司,地区,员工数,渠道,预算(元),是否参会,已付费,首次演示,来源活动,备注',
          'H-1,已转化,2025/3/4,上海云帆信息技术有限公司,上海,350,SEM,"12,500",是,1,2025-03-10,春季展会,',
          'H-2,未转化,2025-03-04 10:00,,Shanghai,,线下活动,800,否,0,2025/3/11,,跟进过',
          'H-3,,2025-04-01T08:30:00Z,北京星河科技有限公司,北京市,"1,200",sem,0.5,yes,0,2025-03-12,春季展会,',
          'H-4,opportunity,,,,,,,,1,,,',
        ]),
      ),
      'history.csv',
    );
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({
      status: 'completed',
      mode: 'history',
      totalRows: 4,
      created: 4,
      merged: 0,
      failed: 0,
      errors: [],
      fieldTypes: {
        '预算(元)': 'number',
        是否参会: 'yes_no',
        已付费: 'yes_no',
        首次演示: 'date',
        来源活动: 'category',
        备注: 'category',
      },
    });
    const again = await t.admin('GET', `/imports/${r.body.id}`);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ mode: 'history', fieldTypes: r.body.fieldTypes });

    const won = await byExternalId('H-1');
    expect(won).toMatchObject({
      history: true,
      outcome: 'won',
      status: 'won',
      ownerId: null,
      name: null,
      phone: null,
      email: null,
      company: '上海云帆信息技术有限公司',
      region: '上海市',
      regionCode: '31',
      employees: 350,
      channel: 'sem',
      createdAt: '2025-03-03T16:00:00.000Z', // 2025/3/4 in China time
      fields: { '预算(元)': 12500, 是否参会: true, 已付费: true, 首次演示: '2025-03-10', 来源活动: '春季展会' },
    });
    expect(won.originalSource).toMatchObject({ channel: 'sem', at: '2025-03-03T16:00:00.000Z' });
    expect(Object.keys(won.fields)).not.toContain('备注'); // an empty cell is no value

    expect(await byExternalId('H-2')).toMatchObject({
      outcome: 'not_converted',
      status: 'lost',
      region: '上海市',
      channel: 'event_offline',
      createdAt: '2025-03-04T02:00:00.000Z',
      fields: { '预算(元)': 800, 是否参会: false, 已付费: false, 首次演示: '2025-03-11', 备注: '跟进过' },
    });
    expect(await byExternalId('H-3')).toMatchObject({
      outcome: null,
      status: 'new',
      employees: 1200,
      regionCode: '11',
      createdAt: '2025-04-01T08:30:00.000Z',
      fields: { '预算(元)': 0.5, 是否参会: true, 已付费: false },
    });
    const open = await byExternalId('H-4');
    expect(open).toMatchObject({ outcome: 'opportunity', status: 'opportunity', channel: 'import' });
    expect(open.createdAt).toBe(t.clock.now().toISOString()); // no capture date: the import time
  });

  it.each([
    ['sql', 'sql', 'sql'],
    ['SQL ', 'sql', 'sql'],
    ['opportunity', 'opportunity', 'opportunity'],
    ['商机', 'opportunity', 'opportunity'],
    ['won', 'won', 'won'],
    ['Converted', 'won', 'won'],
    ['1', 'won', 'won'],
    ['已转化', 'won', 'won'],
    ['是', 'won', 'won'],
    ['赢单', 'won', 'won'],
    ['成交', 'won', 'won'],
    ['lost', 'lost', 'lost'],
    ['输单', 'lost', 'lost'],
    ['not_converted', 'not_converted', 'lost'],
    ['0', 'not_converted', 'lost'],
    ['未转化', 'not_converted', 'lost'],
    ['否', 'not_converted', 'lost'],
    ['', null, 'new'],
  ])('outcome "%s" → outcome %s, status %s', async (written, outcome, status) => {
    const externalId = `OUT-${Buffer.from(written).toString('hex') || 'empty'}`;
    const r = await upload(t.admin, utf8(csv(['externalId,outcome', `${externalId},${written}`])), 'outcomes.csv');
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({ created: 1, failed: 0 });
    expect(await byExternalId(externalId)).toMatchObject({ outcome, status, history: true });
  });

  it('reads a GBK CSV with the mode field after the file, and an XLSX with date and number cells', async () => {
    const g = await upload(
      t.admin,
      gbk(
        csv([
          '外部编号,结果,线索创建时间,行业,客户等级',
          'G-1,赢单,2025年5月6日,制造业,A',
          'G-2,输单,2025-05-07,软件,B',
        ]),
      ),
      '历史线索.csv',
      { modeFirst: false },
    );
    expect(g.status, g.text).toBe(201);
    expect(g.body).toMatchObject({ mode: 'history', created: 2, failed: 0, fieldTypes: { 客户等级: 'category' } });
    expect(await byExternalId('G-1')).toMatchObject({
      status: 'won',
      industry: '制造业',
      createdAt: '2025-05-05T16:00:00.000Z',
      fields: { 客户等级: 'A' },
    });
    expect(await byExternalId('G-2')).toMatchObject({ status: 'lost', outcome: 'lost' });

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('历史');
    sheet.addRow(['外部编号', '结果', '创建日期', '合同金额', '签约日期', '续约']);
    sheet.addRow(['X-1', 'won', new Date(Date.UTC(2025, 5, 1, 9, 30)), 120000, new Date(Date.UTC(2025, 6, 1)), true]);
    sheet.addRow(['X-2', 0, new Date(Date.UTC(2025, 5, 2)), 3500.5, new Date(Date.UTC(2025, 6, 2)), false]);
    const x = await upload(t.admin, new Uint8Array(await workbook.xlsx.writeBuffer()), 'history.xlsx');
    expect(x.status, x.text).toBe(201);
    expect(x.body).toMatchObject({
      created: 2,
      failed: 0,
      fieldTypes: { 合同金额: 'number', 签约日期: 'date', 续约: 'yes_no' },
    });
    expect(await byExternalId('X-1')).toMatchObject({
      status: 'won',
      createdAt: '2025-06-01T01:30:00.000Z', // 09:30 in the cell, China time
      fields: { 合同金额: 120000, 签约日期: '2025-07-01', 续约: true },
    });
    expect(await byExternalId('X-2')).toMatchObject({
      outcome: 'not_converted',
      fields: { 合同金额: 3500.5, 签约日期: '2025-07-02', 续约: false },
    });
  });

  it('refuses a file without an outcome column before writing anything', async () => {
    const leadsBefore = await countLeads('history=true');
    const importsBefore = (await t.admin('GET', '/audit?entityType=import&limit=1000')).body.items.length;
    const r = await upload(t.admin, utf8(csv(['外部编号,公司,创建时间', 'N-1,某公司,2025-01-01'])), 'no-outcome.csv');
    expectProblem(r, 400);
    expect(r.body.errors).toEqual([expect.objectContaining({ field: 'outcome' })]);
    expect(await countLeads('history=true')).toBe(leadsBefore);
    expect((await t.admin('GET', '/audit?entityType=import&limit=1000')).body.items).toHaveLength(importsBefore);
    expect((await t.admin('GET', '/leads?externalId=N-1')).body.items).toEqual([]);
  });

  it('an unknown mode is bad input naming mode', async () => {
    const r = await upload(t.admin, utf8(csv(['outcome', 'won'])), 'x.csv', { mode: 'past' });
    expectProblem(r, 400);
    expect(r.body.errors).toEqual([expect.objectContaining({ field: 'mode' })]);
  });

  it('reports bad values as row errors naming the field; the good rows land', async () => {
    const future = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
    const r = await upload(
      t.admin,
      utf8(
        csv([
          'externalId,outcome,createdAt,phone,email,employees,channel',
          'E-ok,won,2025-01-02,13900001111,Someone@Example.CN,10,',
          'E-1,maybe,,,,,',
          `E-2,won,${future},,,,`,
          'E-3,won,yesterday,,,,',
          'E-4,won,,12345,,,',
          'E-5,won,,,not-an-email,,',
          'E-6,won,,,,lots,',
          'E-7,won,,,,,no_such_channel',
        ]),
      ),
      'bad.csv',
    );
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({ created: 1, failed: 7 });
    expect(r.body.errors.map((e: any) => [e.rowNumber, e.field])).toEqual([
      [3, 'outcome'],
      [4, 'createdAt'],
      [5, 'createdAt'],
      [6, 'phone'],
      [7, 'email'],
      [8, 'employees'],
      [9, 'channel'],
    ]);
    expect(r.body.errorReportUrl).toBe(`/api/v1/imports/${r.body.id}/errors.csv`);
    expect(await byExternalId('E-ok')).toMatchObject({ phone: '+8613900001111', email: 'someone@example.cn' });
    expect((await t.admin('GET', '/leads?externalId=E-1')).body.items).toEqual([]);
  });

  it('re-importing a file updates its leads by external id (idempotent, counted as merged)', async () => {
    const first = await upload(
      t.admin,
      utf8(csv(['外部编号,结果,创建时间,行业,阶段备注', 'R-1,sql,2025-02-01,制造业,初访', 'R-2,,,软件,'])),
      'r.csv',
    );
    expect(first.body).toMatchObject({ created: 2, merged: 0 });
    const before = await byExternalId('R-2');

    await t.clock.advance(60_000);
    const second = await upload(
      t.admin,
      utf8(
        csv([
          '外部编号,结果,创建时间,行业,阶段备注',
          'R-1,won,2025-02-01,制造业,已签约',
          'R-2,lost,,软件,',
          'R-3,opportunity,,,',
          'R-3,won,,,',
        ]),
      ),
      'r.csv',
    );
    expect(second.status, second.text).toBe(201);
    expect(second.body).toMatchObject({ created: 1, merged: 3, failed: 0 });
    expect(await byExternalId('R-1')).toMatchObject({
      status: 'won',
      outcome: 'won',
      createdAt: '2025-01-31T16:00:00.000Z',
      fields: { 阶段备注: '已签约' },
    });
    const r2 = await byExternalId('R-2');
    expect(r2).toMatchObject({ id: before.id, status: 'lost', createdAt: before.createdAt }); // no date: kept
    expect(r2.updatedAt).not.toBe(before.updatedAt);
    expect(await byExternalId('R-3')).toMatchObject({ status: 'won' }); // the file's later row wins

    const audit = (await t.admin('GET', `/audit?entityId=${before.id}`)).body.items;
    expect(audit.map((e: any) => e.action)).toEqual(['lead.created', 'lead.updated']);
    expect(audit[1]).toMatchObject({
      from: { status: 'new', outcome: null },
      to: { status: 'lost', outcome: 'lost', history: true },
      reason: `history import ${second.body.id}`,
    });
    const imports = (await t.admin('GET', `/audit?entityType=import&entityId=${second.body.id}`)).body.items;
    expect(imports.map((e: any) => e.action)).toEqual(['import.started', 'import.completed']);
  });

  it('an external id is one lead: a live lead’s id is a row error, a history lead’s id is refused by capture', async () => {
    const live = await t.admin('POST', '/leads', {
      name: '现网客户',
      phone: '13900002222',
      channel: 'sem',
      externalId: 'CRM-LIVE-1',
    });
    expect(live.status, live.text).toBe(201);
    const r = await upload(t.admin, utf8(csv(['externalId,outcome', 'CRM-LIVE-1,won', 'CRM-HIST-1,won'])), 'c.csv');
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({ created: 1, merged: 0, failed: 1 });
    expect(r.body.errors).toEqual([expect.objectContaining({ rowNumber: 2, field: 'externalId' })]);
    expect(await byExternalId('CRM-LIVE-1')).toMatchObject({ id: live.body.lead.id, history: false, status: 'new' });

    const clash = await t.admin('POST', '/leads', {
      name: '另一个',
      phone: '13900003333',
      channel: 'sem',
      externalId: 'CRM-HIST-1',
    });
    expect(clash.status).toBeGreaterThanOrEqual(400);
    expect(clash.status).toBeLessThan(500);
    expect(JSON.stringify(clash.body.errors)).toContain('externalId');
    expect(await byExternalId('CRM-HIST-1')).toMatchObject({ history: true });
  });

  it('GET /leads lists live leads by default and history leads with history=true', async () => {
    const live = await t.admin('POST', '/leads', { name: '列表', phone: '13900004444', channel: 'sem' });
    expect(live.status).toBe(201);
    const page = async (query: string) => {
      const r = await t.admin('GET', `/leads?limit=500&${query}`);
      expect(r.status, r.text).toBe(200);
      return r.body.items as any[];
    };
    const liveList = await page('');
    expect(liveList.map((l) => l.id)).toContain(live.body.lead.id);
    expect(liveList.every((l) => l.history === false)).toBe(true);
    const historyList = await page('history=true');
    expect(historyList.length).toBeGreaterThan(10);
    expect(historyList.every((l) => l.history === true)).toBe(true);
    expect(historyList.map((l) => l.externalId)).toContain('H-1');
    expect((await page('history=true&status=won')).every((l) => l.status === 'won')).toBe(true);
    expect(await page('history=false&externalId=H-1')).toEqual([]);
    expect(await page('history=true&externalId=H-1')).toHaveLength(1);
  });

  it('history leads stay out of live work: queue, pool, funnel report, hand-offs, touches and events', async () => {
    const sdr = await makeUser(t, 'sdr', { team: '历史组' });
    const marketing = await makeUser(t, 'marketing');
    const funnel = async (from: string, to: string) => {
      const r = await marketing.call('GET', `/reports/funnel?from=${from}&to=${to}&by=channel`);
      expect(r.status, r.text).toBe(200);
      return r.body.rows.reduce((n: number, row: any) => n + row.leads, 0);
    };
    const now = t.clock.now();
    const window = [
      new Date(now.getTime() - 86_400_000).toISOString(),
      new Date(now.getTime() + 86_400_000).toISOString(),
    ];
    const liveBefore = await funnel(window[0], window[1]);

    // A live lead of the same channel is in the queue: the check below can see leads.
    const live = await t.admin('POST', '/leads', { name: '在队列', phone: '13900005555', channel: 'sem' });
    expect(live.status).toBe(201);
    const r = await upload(
      t.admin,
      utf8(csv(['externalId,outcome,channel,name,phone', 'Q-1,,sem,历史人,13900006666', 'Q-2,sql,sem,,'])),
      'q.csv',
    );
    expect(r.body).toMatchObject({ created: 2 });
    const historyIds = [(await byExternalId('Q-1')).id, (await byExternalId('Q-2')).id];

    const queue = await sdr.call('GET', '/queue');
    expect(queue.status, queue.text).toBe(200);
    const queued = queue.body.items.map((i: any) => i.lead.id);
    expect(queued).toContain(live.body.lead.id);
    for (const id of historyIds) expect(queued).not.toContain(id);

    const pool = await sdr.call('GET', '/pool?limit=500');
    expect(pool.status, pool.text).toBe(200);
    for (const id of historyIds) expect(JSON.stringify(pool.body)).not.toContain(id);

    // Captured in 2025 by the files above, and now: neither counts in the live funnel.
    expect(await funnel('2025-01-01T00:00:00Z', '2026-01-01T00:00:00Z')).toBe(0);
    expect(await funnel(window[0], window[1])).toBe(liveBefore + 1);

    for (const id of historyIds) {
      const handoffs = await t.admin('GET', `/leads/${id}/handoffs`);
      expect(handoffs.status, handoffs.text).toBe(200);
      expect(JSON.stringify(handoffs.body)).not.toContain('"id"');
      const audit = (await t.admin('GET', `/audit?entityId=${id}`)).body.items;
      expect(audit.map((e: any) => e.action)).toEqual(['lead.created']);
      expect(audit[0].reason).toBe(`history import ${r.body.id}`);
    }
    // Nobody works a history lead: no transfer to sales, no touch, no disqualification, no behaviour.
    const [open] = historyIds;
    expectProblem(await t.admin('POST', `/leads/${open}/transfer`, { mode: 'auto' }), 409);
    expectProblem(await t.admin('POST', `/leads/${open}/activities`, { type: 'call', durationSec: 60 }), 409);
    expectProblem(await t.admin('POST', `/leads/${open}/disqualify`, { reason: 'free_only' }), 409);
    expectProblem(await t.admin('POST', '/track', { leadId: open, type: 'page_view' }), 404);

    // Timers (SLA, speed-to-lead) would fire within the next days: none acts on history leads.
    await t.admin('POST', '/admin/clock', { advance: '3d' });
    for (const id of historyIds) {
      const lead = (await t.admin('GET', `/leads/${id}`)).body;
      expect(lead).toMatchObject({ history: true, ownerId: null, score: 0, flags: [] });
      expect((await t.admin('GET', `/audit?entityId=${id}`)).body.items).toHaveLength(1);
    }
  });
});
