/**
 * /simulate in real Chromium (issue 9 item 5, SPEC §8.6): a leader replays March's real leads
 * through a stricter MQL definition (the pending version 2: a company name too) next to the
 * definition in force and reads both columns, the fairness chart and the changed leads with
 * their reasons; a bad candidate and a backwards period are shown on their fields with what was
 * typed kept. The pending version's card in settings simulates the last 3 months inline.
 *
 * Set-up (March 2026, Shanghai, server clock then on 2 April): reps 张三 (weight 1) and 李四
 * (weight 3) eligible in March; 客户0–7 CEOs with BANT all "yes", the even ones with a company;
 * 客户8–11 unqualified. In force (v1, LeadLoop default): 8 MQLs; v2 (pending): 4 MQLs.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BANT_YES } from '../support/flows.js';
import { makeUser, startTestServer, type TestServer } from '../support/server.js';
import { buildConsole, launchChromium, newPage, screenshot, seriousViolations, signIn } from './browser.js';

const password = 'Sim-Passw0rd';
const people = { ops: 'ops.sim@example.cn', marketing: 'mkt.sim@example.cn' };

let t: TestServer;
let browser: Browser;
const ids: string[] = [];
const reps: Record<string, string> = {};
let v2Criteria: unknown[] = [];

/** The same simulation through the API, for the numbers the page must show. */
const repName = (id: string) => Object.keys(reps).find((name) => reps[name] === id);

const simulateV2 = async () =>
  (
    await t.admin('POST', '/simulations', {
      kind: 'definition',
      candidate: { criteria: v2Criteria },
      from: '2026-01-01',
      to: '2026-04-01',
    })
  ).body;

async function open(email: string, locale: 'zh-CN' | 'en-US', path: string) {
  const { context, page } = await newPage(browser, t.server.url, locale);
  await signIn(page, email, password, locale);
  await page.goto(path);
  return { page, close: () => context.close() };
}

/** The cells of the first row of a table (by its region) whose text matches, or that links to a lead by name. */
async function cells(page: Page, region: string, row: RegExp | { lead: string }): Promise<string[]> {
  const rows = page.getByRole('region', { name: region }).getByRole('row');
  const line =
    row instanceof RegExp
      ? rows.filter({ hasText: row })
      : rows.filter({ has: page.getByRole('link', { name: row.lead, exact: true }) });
  await line.first().waitFor();
  return (await line.first().getByRole('cell').allInnerTexts()).map((s) => s.trim());
}

beforeAll(async () => {
  buildConsole();
  t = await startTestServer('pglite');
  browser = await launchChromium();
  for (const [role, name, email] of [
    ['sales_ops', '钱销管', people.ops],
    ['marketing', '林市场', people.marketing],
  ]) {
    const r = await t.admin('POST', '/users', { name, email, role, password });
    expect(r.status, r.text).toBe(201);
  }
  const sdr = await makeUser(t, 'sdr', { team: '华东SDR组' });
  for (const [name, weight] of [
    ['张三', 1],
    ['李四', 3],
  ] as const) {
    const rep = await makeUser(t, 'sales', { name });
    reps[name] = rep.id;
    const r = await t.admin('PUT', `/reps/${rep.id}`, {
      regions: ['上海'],
      industries: [],
      level: 2,
      weight,
      capacity: 100,
      department: '华东一部',
    });
    expect(r.status, r.text).toBe(200);
  }
  expect((await t.admin('PUT', '/eligibility/2026-03', { repIds: Object.values(reps) })).status).toBe(200);

  for (let i = 0; i < 12; i++) {
    const r = await t.admin('POST', '/leads', {
      name: `客户${i}`,
      phone: String(13900070000 + i),
      channel: 'sem',
      region: '上海',
      title: 'CEO',
      ...(i % 2 === 0 ? { company: `上海模拟${i}有限公司` } : {}),
    });
    expect(r.status, r.text).toBe(201);
    ids.push(r.body.lead.id);
    if (i < 8) {
      const q = await sdr.call('PUT', `/leads/${r.body.lead.id}/qualification`, {
        framework: 'BANT',
        answers: BANT_YES,
      });
      expect(q.status, q.text).toBe(200);
    }
    t.clock.advance(60_000);
  }
  // Version 2, awaiting approval: the definition in force plus a company name.
  const inForce = (await t.admin('GET', '/definitions/mql/versions')).body.items[0].criteria;
  const v2 = await t.admin('POST', '/definitions/mql/versions', {
    criteria: [...inForce, { kind: 'field', field: 'company' }],
    note: '须有公司名称',
  });
  expect(v2.status, v2.text).toBe(201);
  v2Criteria = v2.body.criteria;
  // April: March is the last full month.
  t.clock.set(new Date('2026-04-02T02:00:00.000Z'));
});

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

describe('/simulate (en)', () => {
  it('a sales ops leader simulates the stricter pending definition: both columns, the chart, the changed leads', async () => {
    const { page, close } = await open(people.ops, 'en-US', '/simulate');
    await page.getByRole('heading', { level: 2, name: 'Policy simulation' }).waitFor();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Simulate' }).waitFor();
    expect(await page.getByLabel('What to simulate').inputValue()).toBe('definition');
    // The last 3 full months of the server's clock, the end not included.
    expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe('2026-01-01');
    expect(await page.getByLabel('To', { exact: true }).inputValue()).toBe('2026-04-01');
    const editor = page.getByLabel('Candidate (JSON)');
    await expect.poll(async () => (await editor.inputValue()).length).toBeGreaterThan(0);
    const inForce = (await t.admin('GET', '/definitions/mql/versions')).body.items[0].criteria;
    expect(JSON.parse(await editor.inputValue())).toEqual({ criteria: inForce });

    // A criterion BANT does not have: refused, named, nothing lost.
    const bad = JSON.stringify({
      criteria: [...inForce, { kind: 'answer', framework: 'BANT', key: 'budgett', oneOf: ['yes'] }],
    });
    await editor.fill(bad);
    await page.getByRole('button', { name: 'Run simulation' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'The candidate was not accepted' });
    await refused.waitFor();
    expect(await refused.innerText()).toMatch(/candidate\.criteria\.5\.key: /);
    expect(await editor.inputValue()).toBe(bad);
    expect(await page.getByRole('region', { name: 'Simulation result' }).count()).toBe(0);

    // A backwards period: the error on "To".
    await page.getByRole('button', { name: 'Start from version 1 in force' }).click();
    await page.getByLabel('To', { exact: true }).fill('2025-12-01');
    await page.getByRole('button', { name: 'Run simulation' }).click();
    await page.getByText('must be after from').waitFor();
    await expect.poll(() => refused.count()).toBe(0); // the candidate's error fades out
    await page.getByLabel('To', { exact: true }).fill('2026-04-01');

    // The pending version 2 in one click, then run.
    await page.getByRole('button', { name: 'Start from version 2 (awaiting approval)' }).click();
    expect(JSON.parse(await editor.inputValue()).criteria.at(-1)).toEqual({ kind: 'field', field: 'company' });
    await page.getByRole('button', { name: 'Run simulation' }).click();
    const result = page.getByRole('region', { name: 'Simulation result' });
    await result.waitFor();
    await expect.poll(() => page.getByText('must be after from').count()).toBe(0);
    const answer = await simulateV2();
    // Four leads drop out; the rotation also hands some of the others to the other rep.
    expect(answer.diff.changed).toBeGreaterThan(4);
    await result
      .getByText(new RegExp(`MQL definition · .* · 12 real leads · ${answer.diff.changed} leads would change`))
      .waitFor();

    const table = 'In force vs candidate';
    expect(await cells(page, table, /^Leads/)).toEqual(['Leads', '12', '12', '0']);
    expect(await cells(page, table, /^MQLs/)).toEqual(['MQLs', '8', '4', '-4']);
    expect(await cells(page, table, /^Hand-offs to sales/)).toEqual(['Hand-offs to sales', '8', '4', '-4']);
    expect(await cells(page, table, /^Manual dispatches/)).toEqual(['Manual dispatches', '0', '0', '0']);
    expect((await cells(page, table, /^Expected SLA breaches/))[1]).toMatch(
      /no real hand-offs to estimate from|estimated from the load/,
    );
    expect(await cells(page, table, /^Expected SQLs/)).toEqual([
      'Expected SQLs',
      'no active model',
      'no active model',
      '—',
    ]);
    expect((await cells(page, table, /^Fairness: max deviation/))[1]).toBe('0%');
    const header = await page.getByRole('region', { name: table }).getByRole('columnheader').allInnerTexts();
    expect(header.map((h) => h.trim())).toEqual([
      'Metric',
      'Current (version 1)',
      'Candidate (as edited)',
      'Difference',
    ]);

    // Per-rep load, 1:3 by weight now; the chart names every rep.
    const chart = page.getByRole('img', { name: /^Share of hand-offs per rep vs weight share: / });
    await chart.locator('canvas').first().waitFor();
    expect(await chart.getAttribute('aria-label')).toContain('张三: current 25%');
    expect(await chart.getAttribute('aria-label')).toContain('李四: current 75%');
    const zhang = await cells(page, 'Hand-offs per rep', /张三/);
    const li = await cells(page, 'Hand-offs per rep', /李四/);
    expect(zhang.slice(0, 3)).toEqual(['张三', '25%', '2 · 25%']);
    expect(li.slice(0, 3)).toEqual(['李四', '75%', '6 · 75%']);
    const candidateLoad = [zhang[3], li[3]].map((c) => Number(c.split(' · ')[0]));
    expect(candidateLoad[0] + candidateLoad[1]).toBe(4);

    // The four leads without a company drop out, each with the unmet criterion.
    const changed = page.getByRole('region', { name: 'Leads that would change' });
    await changed.getByText(`${answer.diff.changed} leads would change.`).waitFor();
    for (const i of [1, 3, 5, 7]) {
      const row = await cells(page, 'Leads that would change', { lead: `客户${i}` });
      expect(row[1]).toMatch(/ · MQL · SDR queue · to (张三|李四)$/);
      expect(row[2]).toMatch(/ · not an MQL · SDR queue$/);
      expect(row[3]).toContain('no longer an MQL: the candidate definition is not met — company is not filled in');
      const link = changed.getByRole('link', { name: `客户${i}` });
      expect(await link.getAttribute('href')).toBe(`/leads/${ids[i]}`);
    }
    expect(await changed.getByRole('row').count()).toBe(answer.diff.changedLeads.length + 1);
    // The rotation's turn moved: worded from the catalogue, reps by name (the API's own text
    // quotes the routing step as the server writes it).
    const moved = answer.diff.changedLeads.filter((x: any) => x.current.mql && x.candidate.mql);
    expect(moved.length).toBeGreaterThan(0);
    for (const c of moved) {
      const row = await cells(page, 'Leads that would change', { lead: `${c.name} · ${c.company}` });
      expect(row[3]).toBe(
        `rep: now rotation, to ${repName(c.current.repId)}; candidate rotation, to ${repName(c.candidate.repId)}`,
      );
    }

    await screenshot(page, 'simulate-en');
    expect(await seriousViolations(page)).toEqual([]);

    // The routing in force as the candidate, unchanged: nothing moves. Back on the definition,
    // its edited candidate is still there.
    await page.getByLabel('What to simulate').selectOption('routing');
    const routing = (await t.admin('GET', '/routing/rules')).body;
    await expect.poll(async () => editor.inputValue()).toContain('"policy"');
    expect(JSON.parse(await editor.inputValue())).toEqual({ rules: routing.rules, policy: routing.policy });
    await page.getByRole('button', { name: 'Run simulation' }).click();
    await result.getByText(/^Routing rules · .* · 12 real leads · 0 leads would change$/).waitFor();
    expect(await cells(page, table, /^Hand-offs to sales/)).toEqual(['Hand-offs to sales', '8', '8', '0']);
    await page.getByLabel('What to simulate').selectOption('definition');
    expect(JSON.parse(await editor.inputValue()).criteria.at(-1)).toEqual({ kind: 'field', field: 'company' });

    // Read-only: nothing changed in force.
    const overview = (await t.admin('GET', '/definitions')).body.items.find((i: any) => i.kind === 'mql');
    expect(overview.inForce.version).toBe(1);
    expect(overview.pending.map((p: any) => p.version)).toEqual([2]);
    await close();
  });
});

describe('/simulate (zh)', () => {
  it('marketing simulates pending version 2 from its card in settings, then opens the full comparison', async () => {
    const { page, close } = await open(people.marketing, 'zh-CN', '/settings/definitions');
    const card = page.getByRole('region', { name: '第 2 版' });
    await card.getByRole('button', { name: '模拟过去 3 个月' }).click();
    await card.getByText(`${(await simulateV2()).diff.changed} 条（共 12 条线索）`).waitFor();
    await card.getByText('8 → 4（-4）').waitFor();
    expect(await card.getByText('无启用的预测模型').count()).toBe(1);
    await screenshot(page, 'simulate-definition-pending-zh');
    expect(await seriousViolations(page)).toEqual([]);

    await card.getByRole('link', { name: '在模拟页查看完整对比' }).click();
    await page.waitForURL(/\/simulate\?kind=definition&version=2&from=2026-01-01&to=2026-04-01$/);
    await page.getByRole('heading', { level: 2, name: '策略模拟' }).waitFor();
    const editor = page.getByLabel('候选版本（JSON）');
    await expect.poll(async () => (await editor.inputValue()).includes('"company"')).toBe(true);
    await page.getByRole('button', { name: '运行模拟' }).click();
    const result = page.getByRole('region', { name: '模拟结果' });
    await result.waitFor();
    expect(await cells(page, '现行与候选对比', /^MQL/)).toEqual(['MQL', '8', '4', '-4']);
    const header = await page.getByRole('region', { name: '现行与候选对比' }).getByRole('columnheader').allInnerTexts();
    expect(header.map((h) => h.trim())).toEqual(['指标', '现行（第 1 版）', '候选（编辑稿）', '差异']);
    // Marketing may not list users, but reads colleagues' names: reps by name, not id.
    const chart = page.getByRole('img', { name: /^每位销售的交接份额与权重份额：/ });
    await chart.locator('canvas').first().waitFor();
    expect(await chart.getAttribute('aria-label')).toContain('张三：现行 25%');
    expect(await chart.getAttribute('aria-label')).not.toContain(reps.张三);
    const row = await cells(page, '会变化的线索', { lead: '客户1' });
    expect(row[2]).toMatch(/ · 非 MQL · SDR 队列$/);
    expect(row[3]).toContain('不再是 MQL：不满足候选定义——company 未填写');
    expect(row[3]).not.toMatch(/[a-z]{3,} (is|not|the) /);
    const moved = (await simulateV2()).diff.changedLeads.find((x: any) => x.current.mql && x.candidate.mql);
    expect((await cells(page, '会变化的线索', { lead: `${moved.name} · ${moved.company}` }))[3]).toBe(
      `销售：现行 轮转，交给 ${repName(moved.current.repId)}；候选 轮转，交给 ${repName(moved.candidate.repId)}`,
    );
    await screenshot(page, 'simulate-zh');
    expect(await seriousViolations(page)).toEqual([]);
    await close();
  });
});
