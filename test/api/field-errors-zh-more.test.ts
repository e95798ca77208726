/**
 * Bad input answers in both languages, continued (issue 8, "Languages" and "Bad input"): the
 * import's row errors and file errors, and the settings forms — MQL definitions, scoring and
 * routing rules, tracking, enrichment providers, transfer and simulation — carry the Chinese
 * `messageZh` next to the English `message`, so the console's Chinese pages show them in Chinese.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, expectProblem, makeUser, type Reply, startTestServer, type TestServer } from '../support/server.js';

type User = Awaited<ReturnType<typeof makeUser>>;
type FieldError = { field: string; message: string; messageZh?: string };

/** The one field error of a 400 about `field`. */
function fieldError(r: Reply, field: string): FieldError {
  expectProblem(r, 400);
  const found = (r.body.errors ?? []).find((e: FieldError) => e.field === field);
  expect(found, r.text).toBeDefined();
  return found;
}

const csv = (lines: string[]) => new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);

function upload(t: TestServer, bytes: Uint8Array, fileName: string): Promise<Reply> {
  const form = new FormData();
  form.append('file', new Blob([bytes as BlobPart]), fileName);
  return t.admin('POST', '/imports', form);
}

describe.each(engines())('more field errors in English and Chinese (%s)', (engine) => {
  let t: TestServer;
  let sdr: User;
  let marketing: User;
  let ops: User;
  beforeAll(async () => {
    t = await startTestServer(engine);
    sdr = await makeUser(t, 'sdr');
    marketing = await makeUser(t, 'marketing');
    ops = await makeUser(t, 'sales_ops');
  });
  afterAll(async () => t?.stop());

  it('an import keeps the Chinese of each row error, in its answer and when read again', async () => {
    const r = await upload(
      t,
      csv([
        '姓名,手机,员工数,渠道',
        '王一,13900050001,50,sem',
        '王二,13900050002,很多,sem',
        '王三,13900050003,20,sem,多出来的',
        '王四,13900050004,10,抖音',
      ]),
      'leads.csv',
    );
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({ created: 1, failed: 3 });
    expect(r.body.errors).toEqual([
      {
        rowNumber: 3,
        field: 'employees',
        message: '"很多" is not a number of employees',
        messageZh: '“很多”不是有效的员工人数',
      },
      {
        rowNumber: 4,
        field: '_row',
        message: expect.stringContaining('This row has 5 cells but the header has 4 columns'),
        messageZh:
          '这一行有 5 个单元格，但表头只有 4 列，无法把值对应到列上。多半是某个值里有未加引号的分隔符（如公司名称或地址中的逗号）。',
      },
      { rowNumber: 5, field: 'channel', message: 'unknown channel "抖音"', messageZh: '未知渠道“抖音”' },
    ]);
    const again = await t.admin('GET', `/imports/${r.body.id}`);
    expect(again.status).toBe(200);
    expect(again.body.errors).toEqual(r.body.errors);

    // The downloadable report stays English: its columns are row, field, message.
    const report = await t.admin('GET', r.body.errorReportUrl.replace(/^\/api\/v1/, ''));
    expect(report.status).toBe(200);
    const lines = report.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('row,field,message');
    expect(lines[1]).toBe('3,employees,"""很多"" is not a number of employees"');
  });

  it('a file that cannot be imported, and a history file without an outcome column', async () => {
    const empty = await upload(t, new Uint8Array(), 'empty.csv');
    expect(fieldError(empty, 'file')).toEqual({
      field: 'file',
      message: '"empty.csv" is empty.',
      messageZh: '文件“empty.csv”是空的。',
    });
    const form = new FormData();
    form.append('mode', 'history');
    form.append('file', new Blob([csv(['姓名,手机', '王五,13900050005']) as BlobPart]), 'history.csv');
    const history = await t.admin('POST', '/imports', form);
    expect(fieldError(history, 'outcome').messageZh).toBe(
      '历史文件需要一列“结果”（outcome），写明每条线索走到了哪一步：sql、opportunity、won、lost、converted 或 not_converted（留空表示仍在跟进）',
    );
  });

  it('a bad MQL definition', async () => {
    const r = await marketing.call('POST', '/definitions/mql/versions', {
      criteria: [{ kind: 'answer', framework: 'BANT', key: 'budjet', oneOf: ['yes'] }],
    });
    expect(fieldError(r, 'criteria.0.key')).toEqual({
      field: 'criteria.0.key',
      message: 'must be a criterion of BANT: "budget", "authority", "need", "timing"',
      messageZh: '须为 BANT 中的一项标准：budget、authority、need、timing',
    });
    const typo = await marketing.call('POST', '/definitions/mql/versions', {
      criteria: [{ kind: 'minScore', minimum: 40 }],
    });
    expect(fieldError(typo, 'criteria.0.minimum').messageZh).toBe('不是已知属性');
    const past = await marketing.call('POST', '/definitions/mql/versions', {
      criteria: [{ kind: 'minScore', min: 40 }],
      effectiveFrom: '2026-01-01T00:00:00Z',
    });
    expect(fieldError(past, 'effectiveFrom').messageZh).toBe(
      '不能早于当前时间（现在是 2026-03-02T01:00:00.000Z）：已有的历史不会被改写',
    );
  });

  it('a bad scoring rule', async () => {
    const rules = (await marketing.call('GET', '/scoring/rules')).body.rules;
    const bad = structuredClone(rules);
    bad.grades.fit = { A: 10, B: 30, C: 5 };
    const r = await marketing.call('PUT', '/scoring/rules', { rules: bad });
    expect(fieldError(r, 'rules.grades.fit.B')).toEqual({
      field: 'rules.grades.fit.B',
      message: 'must not be above A (10)',
      messageZh: '不能高于 A（10）',
    });
  });

  it('a bad routing rule', async () => {
    const current = (await ops.call('GET', '/routing/rules')).body;
    const r = await ops.call('PUT', '/routing/rules', {
      rules: [{ condition: { field: 'channel', op: 'lt', value: 1 }, path: 'pool' }, ...current.rules],
      policy: current.policy,
    });
    expect(fieldError(r, 'rules[0].condition.op')).toEqual({
      field: 'rules[0].condition.op',
      message: 'channel is text; lt compares numbers',
      messageZh: 'channel 是文本；lt 只比较数字',
    });
  });

  it('a bad tracking event and a bad tracking site', async () => {
    const track = (body: unknown) =>
      fetch(`${t.base}/track`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${marketing.token}` },
        body: JSON.stringify(body),
      }).then(async (res) => ({ status: res.status, body: await res.json(), text: '', headers: res.headers }));
    const anonymous = await track({ type: 'page_view' });
    expect(fieldError(anonymous, 'visitorId')).toEqual({
      field: 'visitorId',
      message: 'an event needs an identity: send visitorId, leadId or email',
      messageZh: '事件须注明是谁：请传 visitorId、leadId 或 email',
    });
    const future = await track({ visitorId: 'v1', type: 'page_view', occurredAt: '2027-01-01T00:00:00Z' });
    expect(fieldError(future, 'occurredAt')).toEqual({
      field: 'occurredAt',
      message: 'is in the future',
      messageZh: '是将来的时间',
    });
    const site = await marketing.call('POST', '/tracking-sites', {
      name: 'site',
      allowedOrigins: ['ftp://www.example.cn'],
    });
    expect(fieldError(site, 'allowedOrigins[0]')).toEqual({
      field: 'allowedOrigins[0]',
      message: 'must start with https:// or http://',
      messageZh: '须以 https:// 或 http:// 开头',
    });
  });

  it('a bad enrichment provider configuration', async () => {
    const r = await t.admin('POST', '/enrichment/providers', {
      id: 'bad1',
      kind: 'http_json',
      urlTemplate: 'http://h/lookup?name={companyName}',
      fieldMap: { industry: 'data.industry' },
      headers: { Host: 'h' },
    });
    expect(fieldError(r, 'urlTemplate')).toEqual({
      field: 'urlTemplate',
      message: 'unknown placeholder {companyName} (allowed: {company}, {companyKey}, {creditCode}, {website})',
      messageZh: '未知的占位符 {companyName}（可用：{company}、{companyKey}、{creditCode}、{website}）',
    });
    expect(fieldError(r, 'headers.Host').messageZh).toBe('由 HTTP 客户端自动设置，不能自定义');
    const noMap = await t.admin('POST', '/enrichment/providers', {
      id: 'bad2',
      kind: 'http_json',
      urlTemplate: 'http://h/{company}',
    });
    expect(fieldError(noMap, 'fieldMap')).toEqual({
      field: 'fieldMap',
      message: 'is required for an http_json provider',
      messageZh: 'http_json 类型的数据源必填',
    });
  });

  it('a manual transfer without a reason', async () => {
    const lead = await t.admin('POST', '/leads', { name: '客户', phone: '13900050010', channel: 'sem' });
    expect(lead.status, lead.text).toBe(201);
    const r = await sdr.call('POST', `/leads/${lead.body.lead.id}/transfer`, { mode: 'manual' });
    expect(fieldError(r, 'reason')).toEqual({
      field: 'reason',
      message: 'a manual dispatch needs a reason the dispatcher can act on',
      messageZh: '人工分派须写明理由，方便分派人据此处理',
    });
  });

  it('a simulation over a period that ends before it starts, and one with a bad candidate', async () => {
    const backwards = await marketing.call('POST', '/simulations', {
      kind: 'scoring',
      candidate: 'scoring:0',
      from: '2026-03-01',
      to: '2026-02-01',
    });
    expect(fieldError(backwards, 'to')).toEqual({
      field: 'to',
      message: 'must be after from',
      messageZh: '须晚于开始时间（from）',
    });
    const badCandidate = await marketing.call('POST', '/simulations', {
      kind: 'definition',
      candidate: { criteria: [{ kind: 'milestone', milestone: 'won' }] },
      from: '2026-03-01',
      to: '2026-04-01',
    });
    expect(fieldError(badCandidate, 'candidate.criteria.0.milestone')).toEqual({
      field: 'candidate.criteria.0.milestone',
      message: 'must be one of "accepted_by_sales", "opportunity_registered"',
      messageZh: '须为以下之一：accepted_by_sales、opportunity_registered',
    });
  });

  it('a model that cannot be trained yet says why in Chinese too (422)', async () => {
    const r = await t.admin('POST', '/models/train', { target: 'won' });
    expectProblem(r, 422);
    const target = (r.body.errors ?? []).find((e: FieldError) => e.field === 'target');
    expect(target.message).toMatch(/^not enough history to train a model for won/);
    expect(target.messageZh).toMatch(/^历史数据不足，无法训练 won 模型：已知结果的线索 \d+ 条/);
    expect(target.messageZh).toContain('再 200 条已知结果的线索、再 30 条到达 won 的线索、再 30 条未到达的线索');
  });
});
