/**
 * /dashboard and /plan in real Chromium (issue 8 items 6 and 8, SPEC §8): a marketing user reads
 * the funnel of leads taken through the API, slices it, exports a table as CSV; plans capacity
 * with seed 001's worked example and sees a field error from the API next to its field.
 *
 * Set-up (March 2026, Shanghai): L1 sem → accepted, opportunity, won 100,000; L2 sem → rejected
 * (no_budget); L3 event_offline disqualified (spam); L4 event_offline untouched.
 * By channel: sem [2 leads, 2 valid, 2 MQL, 1 SQL, 1 opportunity, 1 won], event_offline [2, 1, 0…].
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qualifyAndTransfer } from '../support/flows.js';
import { enrolShanghaiReps } from '../support/roster.js';
import { makeUser, startTestServer, type TestServer } from '../support/server.js';
import { buildConsole, launchChromium, newPage, screenshot, seriousViolations, signIn } from './browser.js';

const HOUR = 3_600_000;
const MARKETING = { email: 'marketing.dash@example.cn', password: 'Mkt-Passw0rd' };
const MANAGER = { email: 'manager.dash@example.cn', password: 'Mgr-Passw0rd' };

let t: TestServer;
let browser: Browser;
let origin: string;

/** The cells of a table row as text. */
async function cells(page: Page, region: string, row: string | RegExp): Promise<string[]> {
  const line = page.getByRole('region', { name: region }).getByRole('row').filter({ hasText: row });
  await line.first().waitFor();
  return (await line.first().getByRole('cell').allInnerTexts()).map((s) => s.trim());
}

/** Picks an option of a button-styled radio group by clicking its label, as a person would. */
async function choose(page: Page, name: string) {
  await page.getByRole('radio', { name, exact: true }).locator('xpath=ancestor::label[1]').click();
  expect(await page.getByRole('radio', { name, exact: true }).isChecked()).toBe(true);
}

beforeAll(async () => {
  buildConsole();
  t = await startTestServer('pglite');
  origin = t.server.url;
  browser = await launchChromium();

  const created = await t.admin('POST', '/users', {
    name: '市场小王',
    email: MARKETING.email,
    role: 'marketing',
    password: MARKETING.password,
  });
  expect(created.status, created.text).toBe(201);
  const manager = await t.admin('POST', '/users', {
    name: '华东经理',
    email: MANAGER.email,
    role: 'sales_manager',
    team: '华东销售',
    password: MANAGER.password,
  });
  expect(manager.status, manager.text).toBe(201);
  const ops = await makeUser(t, 'sales_ops', { name: '运营小周' });
  const sdr = await makeUser(t, 'sdr', { name: '林晓', team: '华东SDR组' });
  const rep = await makeUser(t, 'sales', { name: '张三', team: '华东销售' });
  await enrolShanghaiReps(ops, [rep], ['2026-03']);

  const capture = async (phone: string, body: Record<string, unknown>) => {
    const r = await t.admin('POST', '/leads', { name: '王经理', phone, region: '上海', ...body });
    expect(r.status, r.text).toBe(201);
    return r.body.lead.id as string;
  };
  const l1 = await capture('13900080001', { channel: 'sem', industry: '制造' });
  const l2 = await capture('13900080002', { channel: 'sem', industry: '软件' });
  const l3 = await capture('13900080003', { channel: 'event_offline', industry: '制造' });
  await capture('13900080004', { channel: 'event_offline', industry: '制造' });

  t.clock.advance(HOUR);
  const h1 = await qualifyAndTransfer(sdr, l1);
  const h2 = await qualifyAndTransfer(sdr, l2);
  expect(h1.repId).toBe(rep.id);
  const dq = await sdr.call('POST', `/leads/${l3}/disqualify`, { reason: 'spam' });
  expect(dq.status, dq.text).toBe(200);

  t.clock.advance(2 * HOUR);
  expect((await rep.call('POST', `/handoffs/${h1.id}/accept`, {})).status).toBe(200);
  const rejected = await rep.call('POST', `/handoffs/${h2.id}/reject`, { reason: 'no_budget' });
  expect(rejected.status, rejected.text).toBe(200);

  t.clock.advance(24 * HOUR);
  const opp = await rep.call('POST', `/leads/${l1}/opportunities`, { amount: 120000 });
  expect(opp.status, opp.text).toBe(201);
  t.clock.advance(24 * HOUR);
  const won = await rep.call('POST', `/opportunities/${opp.body.id}/win`, { amount: 100000 });
  expect(won.status, won.text).toBe(200);
});

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

describe('/dashboard', () => {
  it('draws the funnel, shows the counts set up, slices by region and exports CSV (en)', async () => {
    const { context, page } = await newPage(browser, origin, 'en-US');
    await page.goto('/login');
    await signIn(page, MARKETING.email, MARKETING.password, 'en-US');
    await page.goto('/dashboard');
    await page.getByRole('heading', { level: 2, name: 'Dashboard' }).waitFor();

    const chart = page.getByRole('img', { name: /^Funnel chart: Leads 4/ });
    await chart.waitFor();
    expect(await chart.getAttribute('aria-label')).toContain('MQL 2');
    await chart.locator('canvas').first().waitFor();
    expect(await chart.locator('canvas').count()).toBeGreaterThan(0);

    // Stage table: totals of the set-up.
    expect(await cells(page, 'Stage conversion', /^Leads/)).toEqual(['Leads', '4', '—', expect.any(String)]);
    expect((await cells(page, 'Stage conversion', /^Valid leads/)).slice(0, 3)).toEqual(['Valid leads', '3', '75%']);
    expect((await cells(page, 'Stage conversion', /^Won/)).slice(0, 3)).toEqual(['Won', '1', '100%']);

    // Slices by channel: leads, valid, MQL, SQL, opportunities, won, won amount.
    const sem = await cells(page, 'By Channel', /Search ads/);
    expect(sem.slice(1, 9)).toEqual(['2', '2', '2', '1', '1', '1', 'CN¥100,000.00', '—']);
    const offline = await cells(page, 'By Channel', /^(?!Search).*Offline|event_offline/i);
    expect(offline.slice(1, 7)).toEqual(['2', '1', '0', '0', '0', '0']);
    expect(await cells(page, 'Leakage reasons', /No budget/)).toEqual(['MQL', 'Rejected by sales', 'No budget', '1']);

    // CSV of the slices: BOM, the header as shown, one line per row.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV: By Channel' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('funnel-slices-channel.csv');
    const csv = readFileSync((await download.path()) as string, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe(
      'Channel,Leads,Valid leads,MQLs,SQLs,Opportunities,Won,Won amount,Won in other currencies,Lead → won',
    );
    expect(lines.find((l) => l.startsWith('Search ads'))).toMatch(/,2,2,2,1,1,1,100000,,0\.5$/);
    expect(lines.at(-1)).toMatch(/^Total,4,3,2,1,1,1,100000,,0\.25$/);
    expect(lines).toHaveLength(4);

    // Slice by region: one Shanghai row with all four leads.
    await choose(page, 'Region');
    await page.getByRole('heading', { name: 'By Region' }).waitFor();
    const shanghai = await cells(page, 'By Region', /上海|Shanghai/);
    expect(shanghai.slice(1, 7)).toEqual(['4', '3', '2', '1', '1', '1']);
    expect(await page.getByRole('region', { name: 'By Region' }).getByRole('row').count()).toBe(3); // header, 上海, total

    // The other tabs: economics, responsiveness, SDR scorecards.
    await page.getByRole('tab', { name: 'Channel economics' }).click();
    await page.getByRole('region', { name: 'Channel economics (by Channel)' }).waitFor();
    expect((await cells(page, 'Channel economics (by Channel)', /Search ads/)).slice(2, 3)).toEqual(['2']);
    await screenshot(page, 'dashboard-channels-en');
    await page.getByRole('tab', { name: 'Responsiveness' }).click();
    const rep = await cells(page, 'SLA compliance and rep responsiveness', /张三/);
    expect(rep.slice(1, 4)).toEqual(['2', '1', '1']);
    await page
      .getByRole('img', { name: /^SLA compliance: 张三/ })
      .locator('canvas')
      .first()
      .waitFor();
    await screenshot(page, 'dashboard-responsiveness-en');
    await page.getByRole('tab', { name: 'SDR scorecards' }).click();
    const sdrRow = await cells(page, 'SDR scorecards', /林晓/);
    expect(sdrRow[4]).toBe('2'); // MQLs transferred
    expect(sdrRow[5]).toBe('1'); // accepted
    await screenshot(page, 'dashboard-sdr-en');
    await page.getByRole('tab', { name: 'Funnel' }).click();
    await choose(page, 'Channel');
    await page.getByRole('heading', { name: 'By Channel' }).waitFor();

    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'dashboard-en');

    // Period: April 2026 captured nothing, so the funnel and the slices are empty.
    const from = page.getByLabel('Period');
    await from.click();
    await from.fill('2026-04-01');
    await from.press('Enter');
    const to = page.getByRole('textbox', { name: 'End date' });
    await to.fill('2026-04-30');
    await to.press('Enter');
    await page.getByRole('img', { name: /^Funnel chart: Leads 0/ }).waitFor();
    expect(await cells(page, 'By Channel', /^Total/)).toEqual([
      'Total',
      ...['0', '0', '0', '0', '0', '0'],
      'CN¥0.00',
      '—', // won in other currencies
      '—', // lead → won
    ]);
    expect(await page.getByRole('region', { name: 'By Channel' }).getByRole('row').count()).toBe(2);
    await context.close();
  });

  it('speaks Chinese (zh-CN)', async () => {
    const { context, page } = await newPage(browser, origin, 'zh-CN');
    await page.goto('/login');
    await signIn(page, MARKETING.email, MARKETING.password, 'zh-CN');
    await page.goto('/dashboard');
    await page.getByRole('heading', { level: 2, name: '看板' }).waitFor();
    await page
      .getByRole('img', { name: /^漏斗图：线索 4/ })
      .locator('canvas')
      .first()
      .waitFor();
    expect((await cells(page, '按渠道切分', /搜索|sem/i)).slice(1, 4)).toEqual(['2', '2', '2']);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'dashboard-zh');
    await context.close();
  });

  it("a sales manager reads their team's funnel: the two leads handed to 张三 (zh-CN)", async () => {
    const { context, page } = await newPage(browser, origin, 'zh-CN');
    await page.goto('/login');
    await signIn(page, MANAGER.email, MANAGER.password, 'zh-CN');
    await page.goto('/dashboard');
    await page.getByText('本团队的漏斗：团队持有或交接给团队的线索。').waitFor();
    await page
      .getByRole('img', { name: /^漏斗图：线索 2/ })
      .locator('canvas')
      .first()
      .waitFor();
    expect((await cells(page, '按渠道切分', /搜索|sem/i)).slice(1, 4)).toEqual(['2', '2', '2']);
    expect(
      await page
        .getByRole('region', { name: '按渠道切分' })
        .getByText(/线下活动|event_offline/)
        .count(),
    ).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});

const seedInputs = {
  en: {
    'Paying customers now': '600',
    'Average deal size (yuan a year)': '20000',
    'Growth multiple (target ÷ this year)': '4',
    'Renewal rate (0–1)': '0.5',
    'Lead → MQL': '0.2',
    'MQL → SQL': '0.5',
    'SQL → opportunity': '0.6',
    'Opportunity → won': '0.25',
    'MQLs one SDR hands over a month (optional)': '40',
  },
  zh: {
    现有付费客户数: '600',
    '客单价（元/年）': '20000',
    '增长倍数（目标 ÷ 今年收入）': '4',
    '续费率（0–1）': '0.5',
    '线索 → MQL': '0.2',
    'MQL → SQL': '0.5',
    'SQL → 商机': '0.6',
    '商机 → 赢单': '0.25',
    '每位 SDR 每月转出 MQL 数（选填）': '40',
  },
};

/** Calculates and waits for the answer and for the button's loading state to have faded. */
async function calculate(page: Page, name: string) {
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/plans/capacity'));
  await page.getByRole('button', { name }).click();
  await answered;
  // Off the button: antd's hover blue is lighter than the theme's (the shell's theme, not this page).
  await page.mouse.move(0, 0);
  await page.waitForTimeout(800);
}

async function fillPlan(page: Page, inputs: Record<string, string>) {
  for (const [label, value] of Object.entries(inputs)) await page.getByLabel(label, { exact: true }).fill(value);
}

/** The error text shown with a field (antd ties it to the input by aria-describedby). */
async function fieldError(page: Page, label: string): Promise<string> {
  const input = page.getByLabel(label, { exact: true });
  await page.waitForFunction((el) => el?.getAttribute('aria-invalid') === 'true', await input.elementHandle());
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.join(' ');
}

describe('/plan', () => {
  it("seed 001's example: 2,100 new customers, the funnel per month, measured rates beside it (en)", async () => {
    const { context, page } = await newPage(browser, origin, 'en-US');
    await page.goto('/login');
    await signIn(page, MARKETING.email, MARKETING.password, 'en-US');
    await page.goto('/plan');
    await page.getByRole('heading', { level: 2, name: 'Capacity planner (reverse funnel)' }).waitFor();
    await fillPlan(page, seedInputs.en);
    await calculate(page, 'Calculate');

    expect(await cells(page, 'Plan', 'New customers needed')).toEqual(['New customers needed', '2,100']);
    expect(await cells(page, 'Plan', 'Revenue from renewals')).toEqual(['Revenue from renewals', 'CN¥6,000,000.00']);
    expect(await cells(page, 'Plan', 'New revenue needed')).toEqual(['New revenue needed', 'CN¥42,000,000.00']);
    expect(await cells(page, 'Plan', 'SDRs needed')).toEqual(['SDRs needed', '59']);
    const funnel = 'Funnel needed vs measured';
    // Planned total, needed a month, measured a month (4 leads … 1 won over the last 12 months).
    expect(await cells(page, funnel, /^Leads/)).toEqual(['Leads', '140,000', '11,667', '0.3']);
    expect(await cells(page, funnel, /^MQLs/)).toEqual(['MQLs', '28,000', '2,334', '0.2']);
    expect(await cells(page, funnel, /^New customers/)).toEqual(['New customers (won)', '2,100', '175', '0.1']);
    const chart = page.getByRole('img', { name: /^Needed a month vs measured: New customers \(won\) 175/ });
    await chart.locator('canvas').first().waitFor();

    // Measured rates beside the planned ones; "use measured rates" puts them in the form.
    const rates = 'Conversion rates: planned and measured';
    expect(await cells(page, rates, 'Lead → MQL')).toEqual(['Lead → MQL', '20%', '50%']);
    expect(await cells(page, rates, 'SQL → opportunity')).toEqual(['SQL → opportunity', '60%', '100%']);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'plan-en');
    await page.getByRole('button', { name: 'Use measured rates' }).click();
    expect(await page.getByLabel('Lead → MQL', { exact: true }).inputValue()).toBe('0.50');
    expect(await page.getByLabel('Opportunity → won', { exact: true }).inputValue()).toBe('1.00');

    // A rate of 1.5: the API's field error next to the field; nothing typed is lost.
    await page.getByLabel('MQL → SQL', { exact: true }).fill('1.5');
    await calculate(page, 'Calculate');
    expect(await fieldError(page, 'MQL → SQL')).toContain('must be more than 0 and at most 1');
    expect(await page.getByLabel('MQL → SQL', { exact: true }).inputValue()).toBe('1.50');
    expect(await page.getByLabel('Paying customers now', { exact: true }).inputValue()).toBe('600');
    expect(await page.getByLabel('Lead → MQL', { exact: true }).getAttribute('aria-invalid')).not.toBe('true');

    // A first month: the plan month by month against what the funnel delivered (March: 4 leads,
    // 2 MQLs, 1 SQL, 1 opportunity, 1 won); the months not begun yet show a dash.
    await page.getByLabel('MQL → SQL', { exact: true }).fill('0.5');
    await page.getByLabel(/^First month/).fill('2026-03');
    await calculate(page, 'Calculate');
    const months = 'Month by month: delivered / planned (so far)';
    const march = await cells(page, months, '2026-03');
    expect(march[0]).toBe('2026-03');
    expect(march.slice(1, 6).map((c) => c.split(' / ')[0])).toEqual(['4', '2', '1', '1', '1']);
    expect(Number(march[6].replace(/[,−-]/g, ''))).toBeGreaterThan(0); // behind plan: a negative gap
    expect((await cells(page, months, '2026-04')).slice(1)).toEqual(['–', '–', '–', '–', '–', '–']);
    await screenshot(page, 'plan-by-month-en');
    await context.close();
  });

  it('speaks Chinese, and says the field error in Chinese (zh-CN)', async () => {
    const { context, page } = await newPage(browser, origin, 'zh-CN');
    await page.goto('/login');
    await signIn(page, MARKETING.email, MARKETING.password, 'zh-CN');
    await page.goto('/plan');
    await page.getByRole('heading', { level: 2, name: '产能规划（逆向漏斗）' }).waitFor();
    await fillPlan(page, seedInputs.zh);
    await calculate(page, '计算');
    expect(await cells(page, '规划结果', '需新增客户')).toEqual(['需新增客户', '2,100']);
    expect(await cells(page, '所需漏斗与实测对比', /^线索/)).toEqual(['线索', '140,000', '11,667', '0.3']);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'plan-zh');

    await page.getByLabel('线索 → MQL', { exact: true }).fill('1.5');
    await calculate(page, '计算');
    expect(await fieldError(page, '线索 → MQL')).toContain('须大于 0 且不超过 1');
    await context.close();
  });
});
