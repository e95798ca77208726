/**
 * Settings → channels and spend in real Chromium (issue 8 item 7): an admin adds a channel (a bad
 * id shown on its field), edits and deactivates it, enters a month's spend (a bad amount shown on
 * its field) and imports a spend CSV with a failing row — each change checked through the API.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminEmail, adminPassword, startTestServer, type TestServer } from '../support/server.js';
import {
  buildConsole,
  chooseOption,
  launchChromium,
  newPage,
  screenshot,
  seriousViolations,
  signIn,
} from './browser.js';

let t: TestServer;
let browser: Browser;

beforeAll(async () => {
  buildConsole();
  t = await startTestServer('pglite');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

async function openAsAdmin(locale: 'zh-CN' | 'en-US', path: string) {
  const { context, page } = await newPage(browser, t.server.url, locale);
  await signIn(page, adminEmail, adminPassword, locale);
  await page.goto(path);
  return { page, close: () => context.close() };
}

/** The error antd shows under a form field (its aria-describedby), once there is one. */
async function fieldError(page: Page, input: ReturnType<Page['getByLabel']>): Promise<string> {
  await expect.poll(() => input.getAttribute('aria-invalid')).toBe('true');
  const describedBy = (await input.getAttribute('aria-describedby')) ?? '';
  return page.locator(`[id="${describedBy.split(' ')[0]}"]`).innerText();
}

describe('settings → channels and spend (en)', () => {
  it('adds a channel (a bad id on its field), edits and deactivates it', async () => {
    const { page, close } = await openAsAdmin('en-US', '/settings/channels');
    await page.getByRole('cell', { name: 'Search ads (SEM)', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Add channel' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add channel' });
    await dialog.getByLabel('Channel ID', { exact: true }).fill('Trade Show!');
    await dialog.getByLabel('Chinese name', { exact: true }).fill('展会');
    await dialog.getByLabel('English name', { exact: true }).fill('Trade show');
    await dialog.getByRole('button', { name: 'Save' }).click();
    expect(await fieldError(page, dialog.getByLabel('Channel ID', { exact: true }))).toMatch(/a-z/);
    // Nothing typed is lost.
    expect(await dialog.getByLabel('English name', { exact: true }).inputValue()).toBe('Trade show');
    await dialog.getByLabel('Channel ID', { exact: true }).fill('trade_show');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('cell', { name: 'trade_show', exact: true }).waitFor();
    const added = (await t.admin('GET', '/channels')).body.items.find((c: { id: string }) => c.id === 'trade_show');
    expect(added).toMatchObject({ name: 'Trade show', nameZh: '展会', kind: 'paid', builtIn: false, active: true });

    await page.getByRole('button', { name: 'Edit: Trade show' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit channel: Trade show' });
    // The channel as it stands, the id not editable.
    expect(await edit.getByLabel('English name', { exact: true }).inputValue()).toBe('Trade show');
    expect(await edit.getByLabel('Channel ID', { exact: true }).isDisabled()).toBe(true);
    await chooseOption(page, edit.getByRole('combobox', { name: 'Default path' }), 'Pool');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(
        async () => (await t.admin('GET', '/channels')).body.items.find((c: any) => c.id === 'trade_show').defaultPath,
      )
      .toBe('pool');
    await page.getByRole('button', { name: 'Deactivate: Trade show' }).click();
    await page.getByRole('button', { name: 'Activate: Trade show' }).waitFor();
    const after = (await t.admin('GET', '/channels')).body.items.find((c: { id: string }) => c.id === 'trade_show');
    expect(after.active).toBe(false);
    await page.getByRole('button', { name: 'Activate: Trade show' }).click();
    await page.getByRole('button', { name: 'Deactivate: Trade show' }).waitFor();
    await close();
  });

  it('edits the spend of a month (a bad amount on its field) and imports a spend CSV with its failed rows', async () => {
    const { page, close } = await openAsAdmin('en-US', '/settings/channels');
    await page.getByRole('cell', { name: 'Search ads (SEM)', exact: true }).waitFor();
    const month = page.getByLabel('Month', { exact: true });
    await month.click();
    await month.fill('2026-03');
    await month.press('Enter');
    await page.getByText('No spend for this month yet').waitFor();

    await page.getByRole('button', { name: 'Add row' }).click();
    await chooseOption(page, page.getByRole('combobox', { name: 'Channel' }).first(), 'Search ads (SEM)');
    await page.getByLabel('Campaign').first().fill('春季搜索');
    const amount = page.getByLabel('Amount (CNY)').first();
    await amount.fill('12.345');
    await page.getByRole('button', { name: 'Add row' }).click();
    await chooseOption(page, page.getByRole('combobox', { name: 'Channel' }).nth(1), 'Offline event');
    await page.getByLabel('Amount (CNY)').nth(1).fill('3000');
    await page.getByRole('button', { name: 'Save month’s spend' }).click();
    expect(await fieldError(page, amount)).toMatch(/decimal/i);
    expect(await page.getByLabel('Campaign').first().inputValue()).toBe('春季搜索');
    await amount.fill('12800.50');
    await page.getByRole('button', { name: 'Save month’s spend' }).click();
    await page.getByText('Total: CN¥15,800.50').waitFor();
    const spend = await t.admin('GET', '/spend?from=2026-03&to=2026-03');
    expect(spend.body.items).toEqual(
      expect.arrayContaining([
        { month: '2026-03', channel: 'sem', campaign: '春季搜索', amount: 12800.5 },
        { month: '2026-03', channel: 'event_offline', campaign: null, amount: 3000 },
      ]),
    );
    expect(spend.body.total).toBe(15800.5);

    const csv = 'month,channel,campaign,amount\n2026-04,sem,Brand,5000\n2026-04,no_such_channel,,10\n';
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await (await chooser).setFiles({ name: 'spend.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByText('Rows imported: 1 (2026-04)').waitFor();
    await page.getByRole('cell', { name: /no_such_channel/ }).waitFor();
    expect(
      await page.getByRole('row').filter({ hasText: 'no_such_channel' }).getByRole('cell').first().innerText(),
    ).toBe('3');
    const april = await t.admin('GET', '/spend?from=2026-04&to=2026-04');
    expect(april.body.items).toEqual([{ month: '2026-04', channel: 'sem', campaign: 'Brand', amount: 5000 }]);

    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'settings-channels-en');
    await close();
  });
});

describe('settings → channels and spend (zh-CN)', () => {
  it('shows the channels in Chinese, with the import button named 导入', async () => {
    const { page, close } = await openAsAdmin('zh-CN', '/settings/channels');
    await page.getByRole('cell', { name: '搜索推广', exact: true }).waitFor();
    await page.getByRole('button', { name: '添加渠道' }).waitFor();
    await page.getByRole('button', { name: '导入', exact: true }).waitFor();
    await page.getByRole('heading', { name: '月度投放花费' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'settings-channels-zh');
    await close();
  });
});
