/**
 * The pool (/pool, SPEC §7) and the dispatch board (/dispatch, §5.2 steps 5–6) in real
 * Chromium, found by role and accessible name: an SDR claims within the limits shown, a claim
 * beyond the daily limit says why, a segment is saved and picked, a lead is released with a
 * reason; sales ops reads a dispatch request with its reason and candidates, comments, and
 * resolves it to a rep. Axe scans and screenshots in both languages.
 */
import { randomBytes } from 'node:crypto';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qualifyAndTransfer } from '../support/flows.js';
import { enrolShanghaiReps } from '../support/roster.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { buildConsole, launchChromium, newPage, screenshot, seriousViolations, signIn } from './browser.js';

let t: TestServer;
let browser: Browser;
let origin: string;
let phone = 13600060000;

/** A user who can sign in (password) and call the API (token). */
async function person(role: string, name: string, team?: string) {
  const email = `${role}.${randomBytes(4).toString('hex')}@example.cn`;
  const password = `Pw-${randomBytes(6).toString('hex')}`;
  const user = await t.admin('POST', '/users', { name, email, role, password, team });
  expect(user.status, user.text).toBe(201);
  const token = await t.admin('POST', `/users/${user.body.id}/tokens`, {});
  expect(token.status, token.text).toBe(201);
  return { id: user.body.id as string, email, password, call: t.as(token.body.token) };
}

async function capture(lead: Record<string, unknown>) {
  phone += 1;
  const r = await t.admin('POST', '/leads', { phone: String(phone), ...lead });
  expect(r.status, r.text).toBe(201);
  return r.body.lead as { id: string; status: string };
}

const pooled = async (name: string, industry: string) => {
  const lead = await capture({ name, industry, company: `${name}有限公司`, channel: 'nurture_list' });
  expect(lead.status).toBe('nurturing');
  return lead.id;
};

/** Waits until the locator's text contains every piece (fails the test on timeout). */
async function waitForText(locator: Locator, ...pieces: string[]) {
  await expect
    .poll(async () => (await locator.textContent()) ?? '', { timeout: 10_000 })
    .toSatisfy((text: string) => pieces.every((p) => text.includes(p)));
}

const row = (page: Page | Locator, name: string) => page.getByRole('row').filter({ hasText: name });

beforeAll(async () => {
  buildConsole();
  t = await startTestServer('pglite');
  origin = t.server.url;
  browser = await launchChromium();
  const channel = await t.admin('POST', '/channels', {
    id: 'nurture_list',
    name: 'Nurture list',
    kind: 'free',
    defaultPath: 'pool',
  });
  expect(channel.status, channel.text).toBe(201);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

describe('/pool', () => {
  it('claims within the limits shown, says why a claim is refused, saves and picks a segment, releases with a reason', async () => {
    const policy = (await t.admin('GET', '/pool/policy')).body.policy;
    const saved = await t.admin('PUT', '/pool/policy', { ...policy, claims: { ...policy.claims, dailyLimit: 2 } });
    expect(saved.status, saved.text).toBe(200);
    const sdr = await person('sdr', '王小明', '华东SDR组');
    await pooled('张制造', '制造');
    await pooled('李软件', '软件');
    await pooled('赵软件', '软件');
    await pooled('孙软件', '软件');
    await pooled('周制造', '制造');
    const back = await pooled('钱回流', '制造');
    const demo = await t.admin('POST', '/track', { leadId: back, type: 'demo_request' });
    expect(demo.status, demo.text).toBe(202);

    const { context, page } = await newPage(browser, origin, 'zh-CN');
    await page.goto('/login');
    await signIn(page, sdr.email, sdr.password, 'zh-CN');
    await page.goto('/pool');
    await page.getByRole('heading', { level: 2, name: '公海池' }).waitFor();
    const quota = page.getByRole('region', { name: '领取额度' });
    await waitForText(quota, '今日剩余可领取2 / 2', '剩余可持有200 / 200');
    await row(page, '张制造').waitFor();

    // One claim per row: the remaining quota follows the API's answer; the row leaves the pool.
    await row(page, '张制造').getByRole('button', { name: '领取', exact: true }).click();
    await waitForText(quota, '今日剩余可领取1 / 2', '剩余可持有199 / 200');
    await expect.poll(() => row(page, '张制造').count()).toBe(0);

    // Two selected, one left today: the first is claimed, the second refused with the API's reason.
    await page.getByLabel('选择 李软件').check();
    await page.getByLabel('选择 赵软件').check();
    await page.getByRole('button', { name: '领取所选（2）' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: '领取被拒绝' });
    await waitForText(refusal, '已领取 1 条', 'daily claim limit reached');
    await waitForText(quota, '今日剩余可领取0 / 2', '剩余可持有198 / 200');
    expect((await sdr.call('GET', '/pool/quota')).body).toMatchObject({ claimsToday: 2, openLeads: 2 });

    // Filters, then saved as a segment, then picked again after a reset.
    await page.getByRole('textbox', { name: '行业', exact: true }).fill('软件');
    await page.getByRole('button', { name: '筛选', exact: true }).click();
    await expect.poll(() => row(page, '周制造').count()).toBe(0);
    await row(page, '孙软件').waitFor();
    await page.getByRole('button', { name: '存为分群' }).click();
    await page.getByRole('dialog').getByLabel('分群名称').fill('软件行业培育');
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await page.getByRole('link', { name: '导出分群 CSV' }).waitFor();
    expect(await page.getByRole('link', { name: '导出分群 CSV' }).getAttribute('href')).toMatch(
      /^\/api\/v1\/pool\/segments\/[^/]+\/export$/,
    );
    const segments = (await sdr.call('GET', '/pool/segments')).body.items;
    expect(segments).toEqual([expect.objectContaining({ name: '软件行业培育', filters: { industry: '软件' } })]);
    await page.getByRole('button', { name: '重置' }).click();
    await row(page, '周制造').waitFor();
    expect(await page.getByRole('textbox', { name: '行业', exact: true }).inputValue()).toBe('');
    await page.getByRole('combobox', { name: '已存分群' }).click();
    await page.getByTitle('软件行业培育').click();
    await expect.poll(() => row(page, '周制造').count()).toBe(0);
    await row(page, '孙软件').waitFor();
    expect(await page.getByRole('textbox', { name: '行业', exact: true }).inputValue()).toBe('软件');

    // Re-surfaced leads carry their trigger.
    await page.getByRole('button', { name: '重置' }).click();
    await page.getByRole('tab', { name: '回流线索' }).click();
    await waitForText(row(page, '钱回流'), '回流', '关键行为：申请演示');

    // My leads: release needs a reason; afterwards the open-lead count goes down.
    await page.getByRole('tab', { name: '我的线索' }).click();
    await row(page, '张制造').getByRole('button', { name: '释放', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '释放', exact: true }).click();
    await dialog.getByText('请填写释放原因').waitFor();
    await dialog.getByLabel('释放原因').fill('客户暂无预算，半年后再联系');
    await dialog.getByRole('button', { name: '释放', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: '已释放，冷静期至' }).waitFor();
    await expect.poll(() => row(page, '张制造').count()).toBe(0);
    await waitForText(quota, '剩余可持有199 / 200');
    expect(await seriousViolations(page)).toEqual([]);
    const released = (await sdr.call('GET', `/leads?ownerId=me&status=working`)).body.items;
    expect(released.map((l: { name: string }) => l.name)).toEqual(['李软件']);

    await page.getByRole('tab', { name: '公海池' }).click();
    await row(page, '张制造').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'pool-zh');
    await context.close();

    const en = await newPage(browser, origin, 'en-US');
    await en.page.goto('/login');
    await signIn(en.page, sdr.email, sdr.password, 'en-US');
    await en.page.goto('/pool');
    await en.page.getByRole('heading', { level: 2, name: 'Pool' }).waitFor();
    await waitForText(en.page.getByRole('region', { name: 'Claim limits' }), 'Claims left today0 / 2');
    await row(en.page, '周制造').getByRole('button', { name: 'Claim', exact: true }).waitFor();
    expect(await seriousViolations(en.page)).toEqual([]);
    await screenshot(en.page, 'pool-en');
    await en.page.getByRole('tab', { name: 'Re-surfaced' }).click();
    await waitForText(row(en.page, '钱回流'), 'Re-surfaced', 'key behaviour: demo request');
    await screenshot(en.page, 'pool-resurfaced-en');
    expect(await seriousViolations(en.page)).toEqual([]);
    await en.context.close();
  }, 120_000);
});

describe('/pool paging', () => {
  it('keeps one server page of a large pool in the table and pages by cursor', async () => {
    const leads = Array.from({ length: 250 }, (_, i) => ({
      name: `批量客户${String(i).padStart(3, '0')}`,
      phone: String(13500050000 + i),
      industry: '批量',
      channel: 'nurture_list',
    }));
    const bulk = await t.admin('POST', '/leads/bulk', { leads });
    expect(bulk.status, bulk.text).toBe(200);
    expect(bulk.body.created).toBe(250);
    const reader = await person('sdr', '翻页员', '华东SDR组');

    const { context, page } = await newPage(browser, origin, 'zh-CN');
    await page.goto('/login');
    await signIn(page, reader.email, reader.password, 'zh-CN');
    await page.goto('/pool');
    await page.getByRole('textbox', { name: '行业', exact: true }).fill('批量');
    await page.getByRole('button', { name: '筛选', exact: true }).click();
    const bodyRows = page.getByRole('row').filter({ hasText: '批量客户' });
    await expect.poll(() => bodyRows.count()).toBe(50);
    const firstPage = await bodyRows.allTextContents();
    await page.getByRole('button', { name: '下一页' }).click();
    await page.getByText('第 2 页').waitFor();
    await expect.poll(async () => (await bodyRows.allTextContents()).some((r) => firstPage.includes(r))).toBe(false);
    expect(await bodyRows.count()).toBe(50);
    await page.getByRole('combobox', { name: '每页条数' }).click();
    await page.getByTitle('200').click();
    await page.getByText('第 1 页').waitFor();
    await expect.poll(() => bodyRows.count()).toBe(200);
    await page.getByRole('button', { name: '下一页' }).click();
    await expect.poll(() => bodyRows.count()).toBe(50);
    expect(await page.getByRole('button', { name: '下一页' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: '上一页' }).click();
    await expect.poll(() => bodyRows.count()).toBe(200);
    await context.close();
  }, 120_000);
});

describe('/dispatch', () => {
  it('shows sales ops a request with its reason and candidates, takes a comment, and resolves it to a rep', async () => {
    const ops = await person('sales_ops', '运营小周');
    const sdr = await person('sdr', '林晓', '华东SDR组');
    const repA = await person('sales', '张三');
    const repB = await person('sales', '李四');
    const repC = await person('sales', '王五');
    const repD = await person('sales', '赵六');
    // 赵六 alone on the list takes two inbound inquiries and lets both pass 48 h: suspended (§6.2).
    await enrolShanghaiReps(ops, [repD]);
    for (const name of ['询盘一', '询盘二']) {
      const inquiry = await capture({ name, region: '上海', channel: 'inbound_inquiry' });
      expect(inquiry.status).toBe('mql');
      const clock = await t.admin('POST', '/admin/clock', { advance: `${48 * 60 + 1}m` });
      expect(clock.status, clock.text).toBe(200);
    }
    const suspended = (await ops.call('GET', `/reps/${repD.id}/status`)).body;
    expect(suspended.suspendedUntil).not.toBeNull();
    await enrolShanghaiReps(ops, [repA, repB, repD]);
    const profileC = await ops.call('PUT', `/reps/${repC.id}`, {
      regions: ['北京'],
      industries: [],
      level: 3,
      weight: 1,
      capacity: 50,
      department: '华北部',
    });
    expect(profileC.status, profileC.text).toBe(200);

    // One routed MQL gives a rep some load; one manual request; one nobody could take.
    const routed = await capture({ name: '常规客户', region: '上海', channel: 'sem' });
    await qualifyAndTransfer(sdr, routed.id);
    const manual = await capture({ name: '钱多多', company: '大客户集团', region: '上海', channel: 'sem' });
    const request = await qualifyAndTransfer(sdr, manual.id, { mode: 'manual', reason: '客户点名要找张三' });
    expect(request).toMatchObject({ kind: 'dispatch', repId: null });
    const cleared = await ops.call('PUT', '/eligibility/2026-03', { repIds: [] });
    expect(cleared.status, cleared.text).toBe(200);
    const stuck = await capture({ name: '无人接', company: '冷门公司', region: '上海', channel: 'sem' });
    expect(await qualifyAndTransfer(sdr, stuck.id)).toMatchObject({ kind: 'dispatch', repId: null });
    await enrolShanghaiReps(ops, [repA, repB, repD]);

    const { context, page } = await newPage(browser, origin, 'zh-CN');
    await page.goto('/login');
    await signIn(page, ops.email, ops.password, 'zh-CN');
    await page.goto('/dispatch');
    await page.getByRole('heading', { level: 2, name: '派单' }).waitFor();
    const card = page.getByRole('article', { name: '派单请求：钱多多' });
    await waitForText(card, 'SDR 申请人工分配：客户点名要找张三', '提交人：林晓', '大客户集团');
    // Candidates: load against capacity, this month's list, suspension.
    await waitForText(row(card, '张三'), '在本月名单', '未暂停', '可接收');
    await waitForText(row(card, '王五'), '0 / 50', '不在本月名单', '未暂停', '不可接收');
    await waitForText(row(card, '赵六'), '2 / 100', '在本月名单', '暂停至 2026年4月', '不可接收');
    const loads = [await row(card, '张三').textContent(), await row(card, '李四').textContent()].join(' ');
    expect(loads).toContain('1 / 100');
    expect(loads).toContain('0 / 100');
    // The request nobody could take says why.
    await waitForText(
      page.getByRole('article', { name: '派单请求：无人接' }),
      '自动分配无人可接',
      '资格：跳过 王五 — 不在本月名单',
      '人工分派：无可分配销售 — ',
    );

    await card.getByLabel('评论').fill('我认识这位客户，可以协助');
    await card.getByRole('button', { name: '发表评论' }).click();
    await waitForText(card, '讨论（1）', '运营小周', '我认识这位客户，可以协助');
    const comments = (await ops.call('GET', '/dispatches')).body.items.find(
      (i: { handoff: { id: string } }) => i.handoff.id === request.id,
    ).comments;
    expect(comments).toEqual([expect.objectContaining({ userId: ops.id, body: '我认识这位客户，可以协助' })]);

    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'dispatch-zh');

    await card.getByRole('combobox', { name: '选择销售' }).click();
    await page.keyboard.type('张三');
    await page.keyboard.press('Enter');
    await card.getByRole('button', { name: '确认派单' }).click();
    await page.getByRole('alert').filter({ hasText: '已派给 张三' }).waitFor();
    await expect.poll(() => page.getByRole('article', { name: '派单请求：钱多多' }).count()).toBe(0);
    await page.getByRole('article', { name: '派单请求：无人接' }).waitFor();
    expect((await ops.call('GET', `/leads/${manual.id}`)).body).toMatchObject({ status: 'mql', ownerId: repA.id });
    const open = (await ops.call('GET', '/dispatches')).body.items.map(
      (i: { handoff: { id: string } }) => i.handoff.id,
    );
    expect(open).not.toContain(request.id);
    await context.close();

    const en = await newPage(browser, origin, 'en-US');
    await en.page.goto('/login');
    await signIn(en.page, ops.email, ops.password, 'en-US');
    await en.page.goto('/dispatch');
    await en.page.getByRole('heading', { level: 2, name: 'Dispatch' }).waitFor();
    const left = en.page.getByRole('article', { name: 'Dispatch request: 无人接' });
    await waitForText(left, 'No rep fitted automatically', 'Candidate reps', 'On this month’s list');
    // What routing tried, worded from each line's code in English: no Chinese but the reps' names.
    await waitForText(
      left,
      "Eligibility: skipped 王五 — not on this month's eligibility list",
      'Dispatch: nobody fits — ',
    );
    const reasons = await left.locator('ul > li').allTextContents();
    expect(reasons.length).toBeGreaterThanOrEqual(5);
    for (const line of reasons) expect(line.replace(/张三|李四|王五|赵六/g, '')).not.toMatch(/[\u4e00-\u9fff]/);
    await left.getByRole('button', { name: 'Resolve' }).waitFor();
    expect(await seriousViolations(en.page)).toEqual([]);
    await screenshot(en.page, 'dispatch-en');

    // "Already in CRM, owned by 李四": sync to the existing owner, partial credit.
    await left.getByRole('combobox', { name: 'Pick a rep' }).click();
    await en.page.keyboard.type('李四');
    await en.page.keyboard.press('Enter');
    await left.getByRole('radio', { name: 'Sync to the existing owner (partial credit)' }).check();
    await left.getByRole('button', { name: 'Resolve' }).click();
    await en.page.getByRole('alert').filter({ hasText: 'Dispatched to 李四' }).waitFor();
    await en.page.getByText('No dispatch requests are open').waitFor();
    const synced = (await ops.call('GET', `/leads/${stuck.id}/handoffs`)).body.items[0];
    expect(synced).toMatchObject({ repId: repB.id, kind: 'sync', status: 'pending' });
    expect(synced.credit).toBeCloseTo(1 / 3);
    await en.context.close();
  }, 120_000);
});
