/**
 * Settings → definitions and scoring in real Chromium (issue 8 item 7): a new MQL definition
 * proposed by marketing and put in force by the joint marketing + sales approval (SPEC §4.2),
 * a bad proposal shown with its field path; candidate scoring rules previewed on real leads
 * and then saved (SPEC §4.3). Every outcome is checked through the API too.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { buildConsole, launchChromium, newPage, screenshot, seriousViolations, signIn } from './browser.js';

let t: TestServer;
let browser: Browser;
const password = 'Defs-Passw0rd';
const people = {
  marketing: 'mkt.defs@example.cn',
  marketing2: 'mkt2.defs@example.cn',
  salesManager: 'sm.defs@example.cn',
  salesOps: 'ops.defs@example.cn',
};

async function addUser(role: string, name: string, email: string) {
  const r = await t.admin('POST', '/users', {
    name,
    email,
    role,
    password,
    team: role === 'sales_manager' ? '华东销售' : undefined,
  });
  expect(r.status, r.text).toBe(201);
}

async function open(email: string, locale: 'zh-CN' | 'en-US', path: string) {
  const { context, page } = await newPage(browser, t.server.url, locale);
  await signIn(page, email, password, locale);
  await page.goto(path);
  return { page, close: () => context.close() };
}

const mqlInForce = async () =>
  (await t.admin('GET', '/definitions')).body.items.find((i: any) => i.kind === 'mql').inForce.version as number;

beforeAll(async () => {
  buildConsole();
  t = await startTestServer('pglite');
  browser = await launchChromium();
  await addUser('marketing', '林市场', people.marketing);
  await addUser('marketing', '吴市场', people.marketing2);
  await addUser('sales_manager', '郑经理', people.salesManager);
  await addUser('sales_ops', '钱销管', people.salesOps);
  const leads = [
    { name: '王总监', phone: '13900030001', company: '上海云图', title: 'IT Director', employees: 300 },
    { name: '李总监', phone: '13900030002', company: '杭州数澜', title: '销售总监', employees: 30 },
    { name: '陈经理', phone: '13900030003', company: '苏州精工', title: '采购经理', employees: 300 },
    { name: '周总', phone: '13900030004', company: '北京远景', title: 'CEO', employees: 2000 },
  ];
  for (const lead of leads) {
    const r = await t.admin('POST', '/leads', { channel: 'sem', ...lead });
    expect(r.status, r.text).toBe(201);
    t.clock.advance(60_000);
  }
});

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

const bantWithout = (drop: string) =>
  ['budget', 'authority', 'need', 'timing']
    .filter((k) => k !== drop)
    .map((key) => ({ kind: 'answer', framework: 'BANT', key, oneOf: ['yes'] }))
    .concat([{ kind: 'contact', require: 'phone_or_email' } as any]);

async function criteriaErrors(page: Page): Promise<string> {
  const alert = page.getByRole('alert').filter({ hasText: 'The proposal was not accepted' });
  await alert.waitFor();
  return alert.innerText();
}

describe('definitions (en)', () => {
  it('marketing proposes a looser MQL; a bad proposal names its field; sales and marketing approve; the version in force changes', async () => {
    expect(await mqlInForce()).toBe(1);
    const mkt = await open(people.marketing, 'en-US', '/settings/definitions');
    const page = mkt.page;
    await page.getByRole('heading', { name: 'Stage definitions and joint approval' }).waitFor();
    await page.getByRole('tab', { name: /MQL · v1/ }).waitFor();
    await page.getByText('No proposal awaits approval.').waitFor();
    const editor = page.getByLabel('Criteria (JSON)');
    expect(JSON.parse(await editor.inputValue())).toHaveLength(5);

    // A criterion the BANT form does not have: refused, with its field path.
    await editor.fill(
      JSON.stringify([...bantWithout('timing'), { kind: 'answer', framework: 'BANT', key: 'budgett' }], null, 2),
    );
    await page.getByRole('button', { name: 'Submit proposal' }).click();
    expect(await criteriaErrors(page)).toMatch(/criteria\.4\.key: must be a criterion of BANT/);
    expect((await t.admin('GET', '/definitions/mql/versions')).body.items).toHaveLength(1);
    // What was typed is still there.
    expect(await editor.inputValue()).toContain('budgett');

    await editor.fill(JSON.stringify(bantWithout('timing'), null, 2));
    await page.getByLabel('Note on the proposal (optional)').fill('No timeline needed for the spring campaign');
    await page.getByRole('button', { name: 'Submit proposal' }).click();
    const proposal = page.getByRole('region', { name: 'Version 2' });
    await proposal.waitFor();
    await expect(proposal.getByText('No timeline needed for the spring campaign').isVisible()).resolves.toBe(true);
    expect(await proposal.getByText('nobody yet').isVisible()).toBe(true);
    // The diff marks the dropped criterion on the in-force side.
    const diff = proposal.getByRole('region', { name: 'Compared with the version in force' });
    expect(await diff.innerText()).toMatch(/-\s+\{[^\n]*"key":"timing"/);
    expect(await diff.innerText()).not.toMatch(/-\s+\{[^\n]*"key":"need"/);
    // The proposer may approve for marketing, but marketing2 will; the proposer sees the button.
    expect(await proposal.getByRole('button', { name: 'Approve' }).isVisible()).toBe(true);
    expect(await mqlInForce()).toBe(1);

    // The sales side: a sales manager approves.
    const sm = await open(people.salesManager, 'en-US', '/settings/definitions');
    const smProposal = sm.page.getByRole('region', { name: 'Version 2' });
    await smProposal.getByRole('button', { name: 'Approve' }).click();
    await sm.page.getByText('Version 2 approved').waitFor();
    await smProposal.getByText(/Sales \(sales manager or sales ops\): 郑经理/).waitFor();
    await expect(smProposal.getByRole('button', { name: 'Approve' }).count()).resolves.toBe(0);
    expect(await mqlInForce()).toBe(1);
    await sm.page.getByText('Version 2 approved').waitFor({ state: 'hidden' });
    await screenshot(sm.page, 'settings-definitions-en');
    expect(await seriousViolations(sm.page)).toEqual([]);
    await sm.close();

    // The marketing side: another marketing user approves; version 2 is now in force.
    const mkt2 = await open(people.marketing2, 'en-US', '/settings/definitions');
    await mkt2.page.getByRole('region', { name: 'Version 2' }).getByRole('button', { name: 'Approve' }).click();
    await mkt2.page.getByText('Version 2 is approved by both sides').waitFor();
    await mkt2.page.getByRole('tab', { name: /MQL · v2/ }).waitFor();
    await mkt2.page.getByText('No proposal awaits approval.').waitFor();
    expect(await mqlInForce()).toBe(2);
    const history = (await t.admin('GET', '/definitions/mql/versions')).body.items;
    expect(history[1]).toMatchObject({ version: 2, status: 'approved', awaiting: [] });
    expect(history[1].approvals.map((a: any) => a.side).sort()).toEqual(['marketing', 'sales']);
    expect(history[1].criteria.map((c: any) => c.key ?? c.kind)).toEqual(['budget', 'authority', 'need', 'contact']);
    // The history table says so.
    await mkt2.page.getByRole('cell', { name: 'Approved' }).first().waitFor();
    await mkt2.close();
    await mkt.close();
  });

  it('a sales ops user rejects a proposal with a reason', async () => {
    const r = await t.admin('POST', '/definitions/sql/versions', {
      criteria: [{ kind: 'milestone', milestone: 'opportunity_registered' }],
    });
    expect(r.status, r.text).toBe(201);
    const ops = await open(people.salesOps, 'en-US', '/settings/definitions');
    await ops.page.getByRole('tab', { name: /SQL · v1 \(\+1\)/ }).click();
    const proposal = ops.page.getByRole('region', { name: 'Version 2' });
    await proposal.getByRole('button', { name: 'Reject' }).click();
    const dialog = ops.page.getByRole('dialog', { name: 'Reject version 2' });
    await dialog.getByRole('button', { name: 'Reject' }).click();
    await dialog.getByText('Give a reason').waitFor();
    await dialog.getByLabel('Reason for rejecting').fill('An SQL is accepted by sales, not yet an opportunity');
    await dialog.getByRole('button', { name: 'Reject' }).click();
    await ops.page.getByText('Version 2 rejected').waitFor();
    const history = (await t.admin('GET', '/definitions/sql/versions')).body.items;
    expect(history[1]).toMatchObject({ status: 'rejected', rejection: { reason: expect.stringMatching(/not yet/) } });
    await ops.close();
  });
});

describe('definitions (zh)', () => {
  it('shows a pending proposal with who approved and who must, in Chinese', async () => {
    const r = await t.as(null)('GET', '/health');
    expect(r.status).toBeLessThan(500);
    const proposed = await t.admin('POST', '/definitions/mql/versions', {
      criteria: [...bantWithout('timing'), { kind: 'minScore', min: 30 }],
      note: '加上最低评分 30',
    });
    expect(proposed.status, proposed.text).toBe(201);
    const mkt = await open(people.marketing, 'zh-CN', '/settings/definitions');
    const proposal = mkt.page.getByRole('region', { name: '第 3 版' });
    await proposal.getByText('加上最低评分 30').waitFor();
    await proposal.getByText('销售（销售经理或销管）').waitFor();
    await mkt.page.getByRole('tab', { name: /MQL（市场认可线索） · v2 \(\+1\)/ }).waitFor();
    await screenshot(mkt.page, 'settings-definitions-zh');
    expect(await seriousViolations(mkt.page)).toEqual([]);
    await mkt.close();
  });
});

async function rulesWithDirector(points: number) {
  const rules = (await t.admin('GET', '/scoring/rules')).body.rules;
  return { ...rules, fit: { ...rules.fit, seniority: { ...rules.fit.seniority, director: points } } };
}

describe('scoring (en)', () => {
  it('previews a candidate rule on real leads, shows the changed scores, then saves', async () => {
    const before = (await t.admin('GET', '/scoring/rules')).body;
    expect(before.version).toBe(0);
    const mkt = await open(people.marketing, 'en-US', '/settings/scoring');
    const page = mkt.page;
    await page.getByText('Rules in force: LeadLoop defaults').waitFor();
    await page.getByRole('cell', { name: 'Director', exact: true }).waitFor();
    const editor = page.getByLabel('Scoring rules (JSON)');
    expect(JSON.parse(await editor.inputValue())).toEqual(before.rules);

    // A bad candidate: the field named, nothing previewed.
    await editor.fill(JSON.stringify(await rulesWithDirector(5000), null, 2));
    await page.getByRole('button', { name: 'Preview on real leads' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'The rules were not accepted' });
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/rules\.fit\.seniority\.director: must be between/);

    // Directors +30: exactly the two director leads change.
    await editor.fill(JSON.stringify(await rulesWithDirector(before.rules.fit.seniority.director + 30), null, 2));
    await page.getByRole('button', { name: 'Preview on real leads' }).click();
    const preview = page.getByRole('region', { name: 'Preview: the 4 most recent leads' });
    await preview.getByText('2 leads would change score or grade').waitFor();
    for (const name of ['王总监', '李总监']) {
      const row = preview.getByRole('row').filter({ hasText: name });
      expect(await row.getByRole('cell', { name: '+30' }).count(), name).toBe(1);
    }
    for (const name of ['陈经理', '周总']) {
      const row = preview.getByRole('row').filter({ hasText: name });
      expect(await row.getByRole('cell', { name: '0', exact: true }).count(), name).toBe(1);
    }
    await expect.poll(() => alert.count()).toBe(0);
    // Nothing written by the preview.
    expect((await t.admin('GET', '/scoring/rules')).body.version).toBe(0);
    await screenshot(page, 'settings-scoring-en');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Save rules' }).click();
    await page.getByText(/Version 1 saved/).waitFor();
    await page.getByText('Rules in force: version 1', { exact: false }).waitFor();
    const after = (await t.admin('GET', '/scoring/rules')).body;
    expect(after.version).toBe(1);
    expect(after.rules.fit.seniority.director).toBe(before.rules.fit.seniority.director + 30);
    await mkt.close();
  });
});

describe('scoring (zh)', () => {
  it('previews a candidate in Chinese', async () => {
    const mkt = await open(people.marketing, 'zh-CN', '/settings/scoring');
    const page = mkt.page;
    await page.getByText('现行规则：第 1 版', { exact: false }).waitFor();
    const rules = (await t.admin('GET', '/scoring/rules')).body.rules;
    const candidate = { ...rules, fit: { ...rules.fit, seniority: { ...rules.fit.seniority, manager: 25 } } };
    await page.getByLabel('评分规则（JSON）').fill(JSON.stringify(candidate, null, 2));
    await page.getByRole('button', { name: '在真实线索上预览' }).click();
    await page.getByText('1 条线索的评分或等级会改变', { exact: false }).waitFor();
    await screenshot(page, 'settings-scoring-zh');
    expect(await seriousViolations(page)).toEqual([]);
    await mkt.close();
  });
});
