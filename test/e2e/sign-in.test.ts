/**
 * The console's sign-in and shell in real Chromium (SPEC §10.2, issue 8 item 1): found by
 * role and accessible name, as a person would.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminEmail, adminPassword, startTestServer, type TestServer } from '../support/server.js';
import { buildConsole, launchChromium, newPage, screenshot } from './browser.js';

let t: TestServer;
let browser: Browser;
let origin: string;

async function addUser(role: string, email: string, password: string) {
  const r = await t.admin('POST', '/users', { name: `${role} 测试`, email, role, password });
  expect(r.status, r.text).toBe(201);
}

async function signIn(page: Page, email: string, password: string, labels = { email: 'Email', password: 'Password' }) {
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: labels.email === 'Email' ? 'Log in' : '登录' }).click();
}

beforeAll(async () => {
  buildConsole();
  t = await startTestServer('pglite');
  origin = t.server.url;
  browser = await launchChromium();
  await addUser('sales', 'rep.e2e@example.cn', 'Rep-Passw0rd');
  await addUser('sdr', 'sdr.e2e@example.cn', 'Sdr-Passw0rd');
  await addUser('sdr', 'throttle.e2e@example.cn', 'Right-Passw0rd');
});

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

describe('sign-in page', () => {
  it('speaks the browser language first and remembers the language chosen', async () => {
    const { context, page } = await newPage(browser, origin, 'zh-CN');
    await page.goto('/login');
    await page.getByRole('button', { name: '登录' }).waitFor();
    await expect(page.getByLabel('邮箱').isVisible()).resolves.toBe(true);
    await expect(page.getByLabel('密码', { exact: true }).isVisible()).resolves.toBe(true);
    await screenshot(page, 'login-zh');

    await page.getByRole('combobox', { name: '语言' }).selectOption({ label: 'English' });
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    expect(await page.getByLabel('Email').isVisible()).toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await screenshot(page, 'login-en');
    await context.close();
  });

  it('says plainly when the e-mail or the password is wrong', async () => {
    const { context, page } = await newPage(browser, origin, 'en-US');
    await page.goto('/login');
    await signIn(page, adminEmail, 'not-the-password');
    await expect(
      page.getByRole('alert').filter({ hasText: 'The e-mail or the password is not right' }).waitFor(),
    ).resolves.toBeUndefined();
    expect(page.url()).toMatch(/\/login$/);
    await context.close();
  });

  it('signs in by keyboard alone', async () => {
    const { context, page } = await newPage(browser, origin, 'en-US');
    await page.goto('/login');
    await page.getByLabel('Email').focus();
    await page.keyboard.type(adminEmail);
    await page.keyboard.press('Tab');
    await page.keyboard.type(adminPassword);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/queue$/);
    await context.close();
  });

  it('tells to wait after repeated failures (429)', async () => {
    const { context, page } = await newPage(browser, origin, 'en-US');
    await page.goto('/login');
    for (let i = 0; i < 5; i++) {
      await signIn(page, 'throttle.e2e@example.cn', `wrong-${i}`);
      await page.getByRole('alert').filter({ hasText: 'not right' }).waitFor();
      // The alert of one try must go before the next is judged.
      await page.getByLabel('Password', { exact: true }).fill('');
    }
    await signIn(page, 'throttle.e2e@example.cn', 'Right-Passw0rd');
    const alert = page.getByRole('alert').filter({ hasText: /Too many failed attempts: try again in \d+ s/ });
    await alert.waitFor();
    expect(page.url()).toMatch(/\/login$/);
    await context.close();
  });
});

describe('the signed-in shell', () => {
  it('shows the admin every area; the shell in Chinese and English', async () => {
    const { context, page } = await newPage(browser, origin, 'zh-CN');
    await page.goto('/');
    await page.getByRole('button', { name: '登录' }).waitFor();
    expect(page.url()).toBe(`${origin}/login?next=%2F`);
    await signIn(page, adminEmail, adminPassword, { email: '邮箱', password: '密码' });
    await page.waitForURL(/\/queue$/);
    const nav = page.getByRole('navigation', { name: '主导航' });
    for (const name of ['工作台', '公海池', '收件箱', '派单', '看板', '产能规划', '设置']) {
      await nav.getByRole('link', { name }).waitFor();
    }
    // The work queue (the admin's own: empty here) says so, with no made-up data.
    await page.getByRole('heading', { level: 2, name: '工作台' }).waitFor();
    await page.getByText('队列里没有线索').waitFor();
    await screenshot(page, 'shell-queue-zh');
    await nav.getByRole('link', { name: '设置' }).click();
    await page.getByRole('cell', { name: adminEmail }).waitFor();
    await screenshot(page, 'shell-settings-zh');
    await page.getByRole('combobox', { name: '语言' }).selectOption({ label: 'English' });
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Settings' }).waitFor();
    await screenshot(page, 'shell-settings-en');
    await context.close();
  });

  it('shows a sales user the inbox, not settings; settings by address answer a clear 403', async () => {
    const { context, page } = await newPage(browser, origin, 'en-US');
    await page.goto('/login');
    await signIn(page, 'rep.e2e@example.cn', 'Rep-Passw0rd');
    await page.waitForURL(/\/inbox$/);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Inbox' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Settings' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Queue' }).count()).toBe(0);
    await page.goto('/settings');
    await page.getByText('Not allowed').waitFor();
    expect(await page.getByText('Your role may not see this.').isVisible()).toBe(true);
    await screenshot(page, 'forbidden-en');
    await page.goto('/queue');
    await page.getByText('Not allowed').waitFor();
    await context.close();
  });

  it('keeps a deep link through sign-in: /queue → /login?next=/queue → /queue', async () => {
    const { context, page } = await newPage(browser, origin, 'en-US');
    await page.goto('/queue');
    await page.waitForURL(/\/login\?next=%2Fqueue$/);
    await signIn(page, 'sdr.e2e@example.cn', 'Sdr-Passw0rd');
    await page.waitForURL(/\/queue$/);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Queue' }).waitFor();
    await nav.getByRole('link', { name: 'Pool' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Inbox' }).count()).toBe(0);
    await context.close();
  });

  it('sends an expired session to /login with the return path, and back after signing in', async () => {
    const { context, page } = await newPage(browser, origin, 'en-US');
    await page.goto('/login');
    await signIn(page, 'sdr.e2e@example.cn', 'Sdr-Passw0rd');
    await page.waitForURL(/\/queue$/);
    await page.waitForLoadState('networkidle'); // the shell's own session check is done
    t.clock.advance(9 * 3600_000); // idle longer than 8 h
    // The next request finds the session expired: usually the one the click on Pool makes, but on a
    // busy machine a background refetch of the queue may get there first — either way the person
    // lands on /login with the page they were going to, and comes back to it.
    const pool = page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Pool' });
    await pool.click({ timeout: 5_000 }).catch(() => undefined);
    await page.waitForURL(/\/login\?next=%2F(pool|queue)$/);
    const next = new URL(page.url()).searchParams.get('next') as string;
    await signIn(page, 'sdr.e2e@example.cn', 'Sdr-Passw0rd');
    await page.waitForURL((url) => url.pathname === next);
    await context.close();
  });

  it('changes the own password and signs out', async () => {
    await addUser('sdr', 'pw.e2e@example.cn', 'Old-Passw0rd');
    const { context, page } = await newPage(browser, origin, 'en-US');
    await page.goto('/login');
    await signIn(page, 'pw.e2e@example.cn', 'Old-Passw0rd');
    await page.waitForURL(/\/queue$/);
    await page.getByRole('link', { name: /sdr 测试/ }).click();
    await page.getByLabel('Current password').fill('wrong-one');
    await page.getByLabel('New password', { exact: true }).fill('New-Passw0rd');
    await page.getByLabel('Confirm new password').fill('New-Passw0rd');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('The current password is not right').waitFor();
    expect(await page.getByLabel('New password', { exact: true }).inputValue()).toBe('New-Passw0rd'); // nothing typed is lost
    await page.getByLabel('Current password').fill('Old-Passw0rd');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed').waitFor();
    await screenshot(page, 'account-en');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login$/);
    await page.goto('/queue');
    await page.waitForURL(/\/login\?next=%2Fqueue$/);
    await signIn(page, 'pw.e2e@example.cn', 'Old-Passw0rd');
    await page.getByRole('alert').filter({ hasText: 'not right' }).waitFor();
    await page.getByLabel('Password', { exact: true }).fill('New-Passw0rd');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(/\/queue$/);
    await context.close();
  });
});
