/**
 * The browser suite's Chromium: Debian's `chromium` (installed by .ci/run) driven by
 * playwright-core, against a real test server that serves the built console (web/dist, built
 * here when missing or stale). Screenshots go to LEADLOOP_SCREENSHOTS (default .scratch/screens).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const screenshotDir = resolve(process.env.LEADLOOP_SCREENSHOTS ?? '.scratch/screens');

export function buildConsole(): void {
  const run = spawnSync(process.execPath, ['web/build-if-stale.mjs'], { stdio: 'inherit' });
  if (run.status !== 0) throw new Error('building the web console failed');
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.LEADLOOP_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function newPage(
  browser: Browser,
  origin: string,
  locale: 'zh-CN' | 'en-US',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: origin, locale, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  return { context, page };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: resolve(screenshotDir, `${name}.png`), fullPage: true, animations: 'disabled' });
}

const signInNames = {
  'zh-CN': { email: '邮箱', password: '密码', submit: '登录' },
  'en-US': { email: 'Email', password: 'Password', submit: 'Log in' },
} as const;

/** Signs in on /login by label and button name, as a person would, and waits to leave /login. */
export async function signIn(page: Page, email: string, password: string, locale: 'zh-CN' | 'en-US' = 'en-US') {
  const names = signInNames[locale];
  if (!page.url().includes('/login')) await page.goto('/login');
  await page.getByLabel(names.email).fill(email);
  await page.getByLabel(names.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: names.submit }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/**
 * axe-core's critical and serious violations on the page once it has settled, one line each: a
 * table still loading is drawn faded under its spinner (aria-busy), which no one is meant to read.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0, null, {
    timeout: 15_000,
  });
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/**
 * Chooses `option` in an antd select (`box`, its combobox) by typing and clicking it, as a person
 * would. The visible entry is clicked (antd's role=option elements are a hidden copy for screen
 * readers); `last`: the entry of the newest dropdown (a portal after the form), not another select
 * showing the same text. On a busy machine a click can land while antd is still filtering the
 * list, which then stays open: the entry is clicked again until the list closes on the choice.
 */
export async function chooseOption(page: Page, box: Locator, option: string, which: 'first' | 'last' = 'first') {
  await box.click();
  await box.pressSequentially(option);
  await expect
    .poll(
      async () => {
        const shown = page.getByTitle(option, { exact: true }).filter({ visible: true });
        const entry = which === 'first' ? shown.first() : shown.last();
        if ((await box.getAttribute('aria-expanded')) === 'true' && (await shown.count())) {
          await entry.click({ timeout: 2_000 }).catch(() => undefined);
        }
        return box.getAttribute('aria-expanded');
      },
      { timeout: 15_000 },
    )
    .toBe('false');
}
