/**
 * An axe-core scan of the console's pages so far (issue 8): no critical or serious violations,
 * in both languages.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminEmail, adminPassword, startTestServer, type TestServer } from '../support/server.js';
import { buildConsole, launchChromium, newPage, seriousViolations } from './browser.js';

let t: TestServer;
let browser: Browser;

beforeAll(async () => {
  buildConsole();
  t = await startTestServer('pglite');
  browser = await launchChromium();
  const r = await t.admin('POST', '/users', {
    name: '销售甲',
    email: 'rep.axe@example.cn',
    role: 'sales',
    password: 'Rep-Passw0rd',
  });
  expect(r.status, r.text).toBe(201);
});

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

describe.each([
  ['zh-CN', { email: '邮箱', password: '密码', submit: '登录', nav: '主导航' }],
  ['en-US', { email: 'Email', password: 'Password', submit: 'Log in', nav: 'Main navigation' }],
] as const)('accessibility (%s)', (locale, names) => {
  it('the sign-in page, the shell, settings, the account page and a 403 have no serious violations', async () => {
    const { context, page } = await newPage(browser, t.server.url, locale);
    await page.goto('/login');
    await page.getByRole('button', { name: names.submit }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel(names.email).fill(adminEmail);
    await page.getByLabel(names.password, { exact: true }).fill(adminPassword);
    await page.getByRole('button', { name: names.submit }).click();
    await page.waitForURL(/\/queue$/);
    await page.getByRole('navigation', { name: names.nav }).waitFor();
    await page.getByRole('heading', { level: 2 }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto('/settings');
    await page.getByRole('cell', { name: adminEmail }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto('/account');
    await page.getByRole('heading', { level: 3 }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();

    const rep = await newPage(browser, t.server.url, locale);
    await rep.page.goto('/settings');
    await rep.page.getByLabel(names.email).fill('rep.axe@example.cn');
    await rep.page.getByLabel(names.password, { exact: true }).fill('Rep-Passw0rd');
    await rep.page.getByRole('button', { name: names.submit }).click();
    await rep.page.getByText(locale === 'en-US' ? 'Not allowed' : '没有权限').waitFor();
    expect(await seriousViolations(rep.page)).toEqual([]);
    await rep.context.close();
  });
});
