/**
 * Settings in real Chromium (issue 8 item 7, first screens): users and tokens, the rep roster
 * with the monthly eligibility list, the SLA policy and the business calendar — every change
 * checked through the API, every bad value shown next to its field.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminEmail, adminPassword, makeUser, startTestServer, type TestServer } from '../support/server.js';
import { buildConsole, launchChromium, newPage, screenshot, seriousViolations, signIn } from './browser.js';

let t: TestServer;
let browser: Browser;
let repId: string;

beforeAll(async () => {
  buildConsole();
  t = await startTestServer('pglite');
  browser = await launchChromium();
  const rep = await makeUser(t, 'sales', { name: '王销售', team: '华东销售' });
  repId = rep.id;
  const p = await t.admin('PUT', `/reps/${repId}`, {
    regions: ['上海'],
    capacity: 20,
    weight: 1,
    department: '华东一部',
  });
  expect(p.status, p.text).toBe(200);
});

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

/** The error antd shows under a form field (its aria-describedby), once there is one. */
async function fieldError(page: Page, label: string): Promise<string> {
  const input = page.getByLabel(label, { exact: true });
  await expect.poll(() => input.getAttribute('aria-invalid')).toBe('true');
  const describedBy = (await input.getAttribute('aria-describedby')) ?? '';
  return page.locator(`[id="${describedBy.split(' ')[0]}"]`).innerText();
}

async function openAsAdmin(locale: 'zh-CN' | 'en-US', path: string): Promise<{ page: Page; close(): Promise<void> }> {
  const { context, page } = await newPage(browser, t.server.url, locale);
  await signIn(page, adminEmail, adminPassword, locale);
  await page.goto(path);
  return { page, close: () => context.close() };
}

describe('settings (en)', () => {
  it('adds a user (a bad e-mail shown on its field) and issues a token that works', async () => {
    const { page, close } = await openAsAdmin('en-US', '/settings');
    await page.waitForURL(/\/settings\/users$/);
    await page.getByRole('cell', { name: adminEmail }).waitFor();
    await page.getByRole('button', { name: 'Add user' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add user' });
    await dialog.getByLabel('Name', { exact: true }).fill('李新人');
    await dialog.getByLabel('Email', { exact: true }).fill('not-an-email');
    await dialog.getByRole('button', { name: 'Save' }).click();
    expect(await fieldError(page, 'Email')).toBe('Invalid email address');
    expect(await dialog.getByLabel('Name', { exact: true }).inputValue()).toBe('李新人');
    await dialog.getByLabel('Email', { exact: true }).fill('li.xinren@example.cn');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('cell', { name: 'li.xinren@example.cn' }).waitFor();
    const users = await t.admin('GET', '/users');
    const added = users.body.items.find((u: { email: string }) => u.email === 'li.xinren@example.cn');
    expect(added).toMatchObject({ name: '李新人', role: 'sdr' });

    await page.getByRole('button', { name: 'Issue API token: 李新人' }).click();
    const tokenDialog = page.getByRole('dialog', { name: 'New token for 李新人' });
    await tokenDialog.getByLabel('What the token is for').fill('CRM sync');
    await tokenDialog.getByRole('button', { name: 'Issue API token' }).click();
    const token = (await tokenDialog.locator('code').innerText()).trim();
    const me = await t.as(token)('GET', '/users/me');
    expect(me.status, me.text).toBe(200);
    expect(me.body.email).toBe('li.xinren@example.cn');
    expect(await seriousViolations(page)).toEqual([]);
    await close();
  });

  it('edits a rep profile and the month’s eligibility list', async () => {
    const { page, close } = await openAsAdmin('en-US', '/settings/roster');
    await page.getByRole('cell', { name: '王销售', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Edit: 王销售' }).click();
    const dialog = page.getByRole('dialog', { name: 'Routing profile of 王销售' });
    await dialog.getByLabel('Weight').fill('0');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog
      .getByText(/weight|greater|>/i)
      .filter({ hasNotText: 'Weight' })
      .first()
      .waitFor();
    await dialog.getByLabel('Weight').fill('2');
    await dialog.getByLabel('Capacity (open MQLs)').fill('35');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('cell', { name: '0 / 35' }).waitFor();
    const rep = await t.admin('GET', `/reps/${repId}`);
    expect(rep.body.profile).toMatchObject({ weight: 2, capacity: 35, department: '华东一部' });

    await page.getByRole('checkbox', { name: '王销售' }).check();
    await page.getByRole('button', { name: 'Save eligibility list' }).click();
    await page.getByText(/Eligibility list of \d{4}-\d{2} saved \(1 reps\)/).waitFor();
    const month = new Date(t.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
    const list = await t.admin('GET', `/eligibility/${month}`);
    expect(list.body.repIds).toEqual([repId]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'settings-roster-en');
    await close();
  });

  it('saves the SLA policy as a version and refuses a bad value next to its field', async () => {
    const { page, close } = await openAsAdmin('en-US', '/settings/sla');
    await page.getByText('Defaults (never saved)').waitFor();
    const hours = page.getByLabel('Accept or reject within (hours)');
    await expect.poll(() => hours.inputValue()).toBe('48');
    await hours.fill('0');
    await page.getByRole('button', { name: 'Save SLA policy' }).click();
    expect(await fieldError(page, 'Accept or reject within (hours)')).not.toBe('');
    expect((await t.admin('GET', '/sla/policy')).body.version).toBe(0);
    await hours.fill('24');
    await page.getByRole('button', { name: 'Save SLA policy' }).click();
    await page.getByText('Version 1', { exact: true }).waitFor();
    const saved = await t.admin('GET', '/sla/policy');
    expect(saved.body).toMatchObject({ version: 1, policy: { acceptance: { hours: 24 } } });

    await page.getByRole('button', { name: 'Edit the 2026 calendar' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit the 2026 calendar' });
    const json = dialog.getByLabel('Calendar JSON');
    const calendar = JSON.parse(await json.inputValue());
    calendar.workHours = [{ start: '25:00', end: '18:00' }];
    await json.fill(JSON.stringify(calendar));
    await dialog.getByRole('button', { name: 'Save calendar' }).click();
    await dialog.getByText(/workHours\[0\]\.start/).waitFor();
    expect((await t.admin('GET', '/sla/calendars/2026')).body.origin).toBe('shipped');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'settings-sla-en');
    await close();
  });
});

describe('settings (zh-CN)', () => {
  it('shows the API’s field error in Chinese next to its field (issue 8)', async () => {
    const { page, close } = await openAsAdmin('zh-CN', '/settings/users');
    await page.getByRole('button', { name: '添加用户' }).click();
    const dialog = page.getByRole('dialog', { name: '添加用户' });
    await dialog.getByLabel('姓名', { exact: true }).fill('王新人');
    await dialog.getByLabel('邮箱', { exact: true }).fill('not-an-email');
    await dialog.getByRole('button', { name: '保存' }).click();
    expect(await fieldError(page, '邮箱')).toBe('不是有效的邮箱地址');
    expect(await dialog.getByLabel('姓名', { exact: true }).inputValue()).toBe('王新人');
    await close();
  });

  it('speaks Chinese and keeps settings out of a sales rep’s reach', async () => {
    const { page, close } = await openAsAdmin('zh-CN', '/settings/users');
    await page.getByRole('navigation', { name: '设置菜单' }).getByRole('link', { name: '销售名册与资格' }).click();
    await page.waitForURL(/\/settings\/roster$/);
    await page.getByRole('columnheader', { name: '本月资格' }).waitFor();
    await page.getByRole('checkbox', { name: '王销售' }).waitFor();
    await expect.poll(() => page.getByRole('button', { name: '保存资格名单' }).isEnabled()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'settings-roster-zh');
    await page.getByRole('link', { name: 'SLA 与工作日历' }).click();
    await page.getByRole('button', { name: '保存 SLA 策略' }).waitFor();
    await screenshot(page, 'settings-sla-zh');
    await close();

    const sales = await t.admin('POST', '/users', {
      name: '销售乙',
      email: 'sales.b@example.cn',
      role: 'sales',
      password: 'Sales-Passw0rd',
    });
    expect(sales.status, sales.text).toBe(201);
    const { context, page: repPage } = await newPage(browser, t.server.url, 'zh-CN');
    await signIn(repPage, 'sales.b@example.cn', 'Sales-Passw0rd', 'zh-CN');
    await repPage.goto('/settings/roster');
    await repPage.getByText('没有权限').waitFor();
    await context.close();
  });
});
