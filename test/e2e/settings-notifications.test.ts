/**
 * Settings → notifications in real Chromium (issue 8 item 7): an admin adds a webhook pointing at
 * a fake receiver (a bad URL shown on its field), presses Send test and sees what the receiver
 * answered, ok and failing, then reads the delivery log; a chat robot the same way; SMTP saved.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeReceiver, startFakeReceiver } from '../support/fake-http-receiver.js';
import { adminEmail, adminPassword, startTestServer, type TestServer } from '../support/server.js';
import { buildConsole, launchChromium, newPage, screenshot, seriousViolations, signIn } from './browser.js';

let t: TestServer;
let browser: Browser;
let receiver: FakeReceiver;
let robot: FakeReceiver;

beforeAll(async () => {
  buildConsole();
  t = await startTestServer('pglite');
  browser = await launchChromium();
  receiver = await startFakeReceiver([{ status: 200 }]);
  robot = await startFakeReceiver([{ status: 200, body: { errcode: 0, errmsg: 'ok' } }]);
});

afterAll(async () => {
  await browser?.close();
  await t?.stop();
  await receiver?.close();
  await robot?.close();
});

async function openAsAdmin(locale: 'zh-CN' | 'en-US', path: string) {
  const { context, page } = await newPage(browser, t.server.url, locale);
  await signIn(page, adminEmail, adminPassword, locale);
  await page.goto(path);
  return { page, close: () => context.close() };
}

async function fieldError(page: Page, input: Locator): Promise<string> {
  await expect.poll(() => input.getAttribute('aria-invalid')).toBe('true');
  const describedBy = (await input.getAttribute('aria-describedby')) ?? '';
  return page.locator(`[id="${describedBy.split(' ')[0]}"]`).innerText();
}

/** Picks options of a multiple select by typing and clicking the visible entry. */
async function pickEvents(page: Page, box: Locator, options: string[]) {
  for (const option of options) {
    await box.click();
    await box.pressSequentially(option);
    await page.getByTitle(option, { exact: true }).filter({ visible: true }).first().click();
  }
  await box.press('Escape');
}

describe('settings → notifications (en)', () => {
  it('adds a webhook, sends a test (delivered, then failing) and reads the delivery log', async () => {
    const { page, close } = await openAsAdmin('en-US', '/settings/notifications');
    await page.getByText('No webhooks yet').waitFor();
    await page.getByRole('button', { name: 'Add webhook' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add webhook' });
    const url = dialog.getByLabel('URL', { exact: true });
    await url.fill('ftp://crm.example.cn/hook');
    await pickEvents(page, dialog.getByRole('combobox', { name: 'Events' }), [
      'New lead (lead.created)',
      'MQL handed off (handoff.created)',
    ]);
    await dialog.getByLabel('Signing secret', { exact: true }).fill('crm-secret');
    await dialog.getByRole('button', { name: 'Save' }).click();
    expect(await fieldError(page, url)).toMatch(/http or https/);
    const hookUrl = `${receiver.url}/crm/leadloop`;
    await url.fill(hookUrl);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('cell', { name: hookUrl, exact: true }).waitFor();
    const hooks = (await t.admin('GET', '/webhooks')).body.items;
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({ url: hookUrl, events: ['lead.created', 'handoff.created'] });

    const row = page.getByRole('row').filter({ hasText: hookUrl });
    await row.getByRole('button', { name: `Send test: ${hookUrl}` }).click();
    await row.getByText(/Test delivered: HTTP 200/).waitFor();
    expect(receiver.requests).toHaveLength(1);
    expect(receiver.requests[0].json.type).toBe('test');
    expect(receiver.requests[0].headers['x-leadloop-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);

    receiver.answer([{ status: 500, body: 'receiver broke' }]);
    await row.getByRole('button', { name: `Send test: ${hookUrl}` }).click();
    await row.getByText(/Test failed \(HTTP 500\): HTTP 500: receiver broke/).waitFor();

    await row.getByRole('button', { name: `Delivery log: ${hookUrl}` }).click();
    const log = page.getByRole('dialog', { name: `Delivery log: ${hookUrl}` });
    await log.getByText('Failed', { exact: true }).waitFor();
    await log.getByText('Delivered', { exact: true }).waitFor();
    expect(await log.getByRole('row').filter({ hasText: 'Failed' }).innerText()).toContain('HTTP 500');
    await log.getByText(/Attempt 1 · .* · HTTP 200 · \d+ ms/).waitFor();
    expect(await log.getByRole('row').count()).toBe(3);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'settings-notifications-log-en');
    await log.getByRole('button', { name: 'OK' }).click();
    await close();
  });

  it('adds a WeCom robot and sends it a test; saves the SMTP server', async () => {
    const { page, close } = await openAsAdmin('en-US', '/settings/notifications');
    await page.getByRole('button', { name: 'Add robot' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add robot' });
    await dialog.getByLabel('Name', { exact: true }).fill('华东销售群');
    await dialog.getByLabel('URL', { exact: true }).fill(`${robot.url}/cgi-bin/webhook/send?key=k1`);
    await dialog.getByRole('button', { name: 'Save' }).click();
    const row = page.getByRole('row').filter({ hasText: '华东销售群' });
    await row.getByRole('button', { name: 'Send test: 华东销售群' }).click();
    await row.getByText(/Test delivered: HTTP 200/).waitFor();
    expect(robot.requests.at(-1)?.json).toMatchObject({ msgtype: 'markdown' });
    expect((await t.admin('GET', '/integrations/robots')).body.items[0]).toMatchObject({
      kind: 'wecom',
      name: '华东销售群',
      events: ['dispatch.requested', 'handoff.created'],
    });

    await page.getByLabel('Host', { exact: true }).fill('smtp.example.cn');
    await page.getByLabel('Sender', { exact: true }).fill('x');
    await page.getByRole('button', { name: 'Save SMTP settings' }).click();
    expect(await fieldError(page, page.getByLabel('Sender', { exact: true }))).toMatch(/3/);
    await page.getByLabel('Sender', { exact: true }).fill('LeadLoop <leadloop@example.cn>');
    await page.getByRole('button', { name: 'Save SMTP settings' }).click();
    await page.getByRole('button', { name: 'Stop sending e-mail' }).waitFor();
    const smtp = await t.admin('GET', '/integrations/smtp');
    expect(smtp.body).toMatchObject({
      host: 'smtp.example.cn',
      port: 465,
      secure: true,
      from: 'LeadLoop <leadloop@example.cn>',
    });

    await page.getByText('SMTP settings saved').waitFor({ state: 'hidden' });
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'settings-notifications-en');
    await close();
  });
});

describe('settings → notifications (zh-CN)', () => {
  it('shows webhooks, robots and SMTP in Chinese with 发送测试', async () => {
    const { page, close } = await openAsAdmin('zh-CN', '/settings/notifications');
    await page.getByRole('button', { name: /^发送测试：http/ }).waitFor();
    await page.getByRole('button', { name: '发送测试：华东销售群' }).click();
    await page.getByText(/测试成功：HTTP 200/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'settings-notifications-zh');
    await close();
  });
});
