/**
 * Live updates in the console (issue 8 item 9): a rep's header bell counts a new hand-off the
 * moment it is made, without a reload, and its drawer leads to the hand-off.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolShanghaiReps } from '../support/roster.js';
import { makeUser, startTestServer, type TestServer } from '../support/server.js';
import { buildConsole, launchChromium, newPage, screenshot, seriousViolations, signIn } from './browser.js';

let t: TestServer;
let browser: Browser;

beforeAll(async () => {
  buildConsole();
  t = await startTestServer('pglite');
  browser = await launchChromium();
  const r = await t.admin('POST', '/users', {
    name: '实时销售',
    email: 'rep.live@example.cn',
    role: 'sales',
    password: 'Rep-Passw0rd',
  });
  expect(r.status, r.text).toBe(201);
  const ops = await makeUser(t, 'sales_ops');
  await enrolShanghaiReps(ops, [r.body]);
});

/** Waits until this many consoles hold an event stream open on the server. */
async function waitForConsoles(count: number) {
  const until = Date.now() + 10_000;
  while (t.server.ctx.live.size < count) {
    if (Date.now() > until) throw new Error('the console did not open its event stream');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

describe.each([
  [
    'en-US',
    {
      bell: 'Notifications',
      one: 'Notifications (1 unread)',
      two: 'Notifications (2 unread)',
      item: 'New hand-off · 实时客户1',
      markAll: 'Mark all read',
    },
  ],
  [
    'zh-CN',
    {
      bell: '通知',
      one: '通知（1 条未读）',
      two: '通知（2 条未读）',
      item: '新的转交 · 实时客户2',
      markAll: '全部标为已读',
    },
  ],
] as const)('the notification bell (%s)', (locale, names) => {
  it('counts a new hand-off without a reload and opens it from the drawer', async () => {
    const { context, page } = await newPage(browser, t.server.url, locale);
    await signIn(page, 'rep.live@example.cn', 'Rep-Passw0rd', locale);
    await page.goto('/account');
    await page.getByRole('button', { name: names.bell, exact: true }).waitFor();
    // Let the event stream connect before the hand-off is made.
    await waitForConsoles(1);

    const suffix = locale === 'en-US' ? '1' : '2';
    const c = await t.admin('POST', '/leads', {
      name: `实时客户${suffix}`,
      phone: `1390008200${suffix}`,
      channel: 'inbound_inquiry',
      region: '上海',
    });
    expect(c.status, c.text).toBe(201);
    const handoffs = await t.admin('GET', `/leads/${c.body.lead.id}/handoffs`);
    const handoffId = handoffs.body.items[0].id as string;

    const unreadName = names.one;
    await page.getByRole('button', { name: unreadName }).waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: unreadName }).click();
    await page.getByRole('dialog').getByRole('link', { name: names.item }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, `notifications-${locale === 'en-US' ? 'en' : 'zh'}`);
    await page.getByRole('dialog').getByRole('link', { name: names.item }).click();
    await page.waitForURL(new RegExp(`/handoffs/${handoffId}$`));

    // Opening it read it: the count is gone.
    await page.getByRole('button', { name: names.bell, exact: true }).waitFor();
    await context.close();
  });
});
