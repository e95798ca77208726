/**
 * Settings → qualification templates and routing rules in real Chromium (issue 8 item 7,
 * SPEC §4.1, §5.1): an admin creates a custom template (a repeated key shown on its row) that
 * an SDR's lead page then offers, and saves routing rules as a new version that the next
 * captured lead follows — every change checked through the API.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminEmail, adminPassword, makeUser, startTestServer, type TestServer } from '../support/server.js';
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
let sdr: Awaited<ReturnType<typeof makeUser>>;
let phone = 13900081000;

beforeAll(async () => {
  buildConsole();
  t = await startTestServer('pglite');
  browser = await launchChromium();
  sdr = await makeUser(t, 'sdr', { name: '林晓' });
});

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

async function openAsAdmin(locale: 'zh-CN' | 'en-US', path: string): Promise<{ page: Page; close(): Promise<void> }> {
  const { context, page } = await newPage(browser, t.server.url, locale);
  await signIn(page, adminEmail, adminPassword, locale);
  await page.goto(path);
  return { page, close: () => context.close() };
}

/** The error antd shows under a field of `scope` (its aria-describedby), once there is one. */
async function fieldError(page: Page, scope: Locator, label: string): Promise<string> {
  const input = scope.getByLabel(label, { exact: true });
  await expect.poll(() => input.getAttribute('aria-invalid')).toBe('true');
  const describedBy = (await input.getAttribute('aria-describedby')) ?? '';
  return (await page.locator(`[id="${describedBy.split(' ')[0]}"]`).textContent()) ?? '';
}

/** Opens the select named `label` in `scope` and clicks the visible entry `option`. */
async function pick(page: Page, scope: Locator, label: string, option: string) {
  await chooseOption(page, scope.getByRole('combobox', { name: label, exact: true }), option, 'last');
  await expect.poll(() => scope.getByTitle(option, { exact: true }).count()).toBeGreaterThan(0);
}

async function capture(channel: string): Promise<{ id: string; status: string }> {
  phone += 1;
  const r = await t.admin('POST', '/leads', { name: '参会客户', phone: String(phone), channel, region: '上海' });
  expect(r.status, r.text).toBe(201);
  return r.body.lead;
}

describe('qualification templates', () => {
  it('an admin creates a custom template; a repeated key is shown on its row; an SDR is offered it', async () => {
    const { page, close } = await openAsAdmin('en-US', '/settings/frameworks');
    await page.getByRole('heading', { name: 'BANT (Budget, Authority, Need, Timing)' }).waitFor();
    await page.getByRole('heading', { name: /^MEDDIC/ }).waitFor();
    // Built-ins are read-only here: no edit button.
    expect(await page.getByRole('button', { name: /^Edit: BANT/ }).count()).toBe(0);

    await page.getByRole('button', { name: 'New template' }).click();
    const dialog = page.getByRole('dialog', { name: 'New custom template' });
    await dialog.getByLabel('Template ID (English)').fill('MEET');
    await dialog.getByLabel('Chinese name').fill('约见意愿');
    await dialog.getByLabel('English name').fill('Meeting readiness');
    const first = dialog.getByRole('group', { name: 'Criterion 1' });
    await first.getByLabel('Answer key (English)').fill('agreedToMeet');
    await first.getByLabel('Chinese label').fill('同意约见');
    await first.getByLabel('English label').fill('Agreed to meet');
    await first.getByLabel('Chinese question').fill('对方是否同意与销售见面？');
    await first.getByLabel('English question').fill('Did they agree to meet sales?');

    await dialog.getByRole('button', { name: 'Add criterion' }).click();
    const second = dialog.getByRole('group', { name: 'Criterion 2' });
    await second.getByLabel('Answer key (English)').fill('agreedToMeet');
    await second.getByLabel('Chinese label').fill('团队人数');
    await second.getByLabel('English label').fill('Team size');
    await second.getByLabel('Chinese question').fill('团队有多少人？');
    await pick(page, second, 'Answer type', 'Number');
    await second.getByLabel('Minimum').fill('0');
    await second.getByLabel('Unit').fill('人');
    await second.getByLabel('Points').fill('5');
    await dialog.getByRole('button', { name: 'Add criterion' }).click();
    const third = dialog.getByRole('group', { name: 'Criterion 3' });
    await third.getByLabel('Answer key (English)').fill('meetingType');
    await third.getByLabel('English question').fill('Where would they meet?');
    await pick(page, third, 'Answer type', 'Choice');
    for (const [n, value, zh] of [
      [1, 'onsite', '上门拜访'],
      [2, 'onsite', '线上会议'],
    ] as const) {
      await third.getByRole('button', { name: 'Add option' }).click();
      const option = third.getByRole('group', { name: `Option ${n}` });
      await option.getByLabel('Option value (English)').fill(value);
      await option.getByLabel('Option in Chinese').fill(zh);
      await option.getByLabel('Option points').fill(String(12 - 4 * n));
    }
    await dialog.getByRole('button', { name: 'Save template' }).click();
    expect(await fieldError(page, second, 'Answer key (English)')).toMatch(/repeats the key "agreedToMeet"/);
    const option2 = third.getByRole('group', { name: 'Option 2' });
    expect(await fieldError(page, option2, 'Option value (English)')).toMatch(/repeats the option "onsite"/);
    expect(await first.getByLabel('Answer key (English)').getAttribute('aria-invalid')).not.toBe('true');
    expect(await second.getByLabel('Chinese question').inputValue()).toBe('团队有多少人？');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'settings-frameworks-editor-en');
    expect((await t.admin('GET', '/frameworks')).body.items.map((f: { id: string }) => f.id)).not.toContain('MEET');

    await second.getByLabel('Answer key (English)').fill('teamSize');
    await option2.getByLabel('Option value (English)').fill('online');
    await dialog.getByRole('button', { name: 'Save template' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name: 'Meeting readiness' }).waitFor();
    const table = page.getByRole('table', { name: 'Meeting readiness' });
    await table.getByRole('cell', { name: 'Did they agree to meet sales?' }).waitFor();
    await table.getByRole('cell', { name: 'Number (≥ 0, 人)' }).waitFor();
    await table.getByRole('cell', { name: 'Choice: 上门拜访 (8 pts) / 线上会议 (4 pts)' }).waitFor();

    // What the SDR's lead page lists (GET /frameworks) now offers the template.
    const offered = await sdr.call('GET', '/frameworks');
    expect(offered.status, offered.text).toBe(200);
    const meet = offered.body.items.find((f: { id: string }) => f.id === 'MEET');
    expect(meet).toMatchObject({
      builtIn: false,
      name: { zh: '约见意愿', en: 'Meeting readiness' },
      criteria: [
        { key: 'agreedToMeet', label: { zh: '同意约见', en: 'Agreed to meet' }, answer: { type: 'yes_no_unknown' } },
        { key: 'teamSize', answer: { type: 'number', min: 0, unit: '人' }, points: 5 },
        {
          key: 'meetingType',
          question: { zh: 'Where would they meet?', en: 'Where would they meet?' },
          answer: {
            type: 'choice',
            options: [
              { value: 'onsite', label: { zh: '上门拜访', en: '上门拜访' }, points: 8 },
              { value: 'online', label: { zh: '线上会议', en: '线上会议' }, points: 4 },
            ],
          },
        },
      ],
    });

    // A custom template can be edited: its id stays.
    await page.getByRole('button', { name: 'Edit: Meeting readiness' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit template: Meeting readiness' });
    expect(await edit.getByLabel('Template ID (English)').isDisabled()).toBe(true);
    await edit.getByRole('group', { name: 'Criterion 2' }).getByLabel('Points').fill('8');
    await edit.getByRole('button', { name: 'Save template' }).click();
    await edit.waitFor({ state: 'hidden' });
    await expect
      .poll(
        async () =>
          (await sdr.call('GET', '/frameworks')).body.items.find((f: { id: string }) => f.id === 'MEET').criteria[1]
            .points,
      )
      .toBe(8);

    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'settings-frameworks-en');
    await close();
  });

  it('reads every template in Chinese', async () => {
    const { page, close } = await openAsAdmin('zh-CN', '/settings/frameworks');
    await page.getByRole('heading', { name: '资格评估模板' }).waitFor();
    await page.getByRole('heading', { name: 'BANT（预算、权限、需求、时间）' }).waitFor();
    const table = page.getByRole('table', { name: '约见意愿' });
    await table.getByRole('cell', { name: '对方是否同意与销售见面？' }).waitFor();
    await table.getByRole('cell', { name: '是 / 否 / 未知' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'settings-frameworks-zh');
    await close();
  });
});

describe('routing rules', () => {
  it('an admin adds and moves a rule (a bad one shown on its field), saves a version, and the next lead follows it', async () => {
    expect((await capture('event_offline')).status).not.toBe('nurturing');
    const { page, close } = await openAsAdmin('en-US', '/settings/routing');
    await page.getByText('Defaults (never saved)').waitFor();
    const inForce = page.getByRole('table', { name: 'Rules in force' });
    await inForce.getByRole('cell', { name: 'Channel’s default path is Direct to sales' }).waitFor();
    await inForce.getByRole('cell', { name: 'Every lead' }).waitFor();

    await page.getByRole('button', { name: 'Add rule' }).click();
    const rule = page.getByRole('group', { name: 'Rule 1' });
    await pick(page, rule, 'Field', 'Score');
    await pick(page, rule, 'Comparison', 'is below');
    await rule.getByLabel('Value', { exact: true }).fill('ten');
    await page.getByRole('button', { name: 'Save rules and policy (new version)' }).click();
    expect(await fieldError(page, rule, 'Value')).not.toBe('');
    expect((await t.admin('GET', '/routing/rules')).body.version).toBe(0);

    await pick(page, rule, 'Field', 'Channel');
    await pick(page, rule, 'Comparison', 'is');
    await pick(page, rule, 'Value', 'Offline event');
    await pick(page, rule, 'Goes to', 'Nurture pool');
    await rule.getByLabel('Rule ID').fill('offline-events-to-pool');
    await expect.poll(() => rule.getByText('Channel is Offline event → Nurture pool').count()).toBe(1);
    // Junk still goes first: the new rule moves below the "disqualified" rule.
    await page.getByRole('button', { name: 'Move rule 1 down' }).click();
    await page.getByRole('group', { name: 'Rule 2' }).getByText('Channel is Offline event → Nurture pool').waitFor();
    // Changing a rule's condition drops the description written for the old one.
    const threshold = page.getByRole('group', { name: 'Rule 5' });
    await threshold.getByLabel('Value', { exact: true }).fill('-1');
    expect(await threshold.getByLabel('Description (optional)').inputValue()).toBe('');
    await page.getByRole('button', { name: 'Save rules and policy (new version)' }).click();
    await page.getByText(/^Version 1, saved by /).waitFor();

    const saved = await t.admin('GET', '/routing/rules');
    expect(saved.body.version).toBe(1);
    expect(saved.body.rules.map((r: { id: string }) => r.id)).toEqual([
      'disqualified',
      'offline-events-to-pool',
      'direct-channels',
      'pool-channels',
      'below-nurture-threshold',
      'sdr-queue',
    ]);
    expect(saved.body.rules[1]).toMatchObject({
      condition: { field: 'channel', op: 'eq', value: 'event_offline' },
      path: 'pool',
    });
    expect(saved.body.rules[4]).toEqual({
      id: 'below-nurture-threshold',
      description: 'score lt -1',
      condition: { field: 'score', op: 'lt', value: -1 },
      path: 'pool',
    });
    expect(saved.body.rules[0].description).toBe('已判定无效 (垃圾/不符合 ICP) / disqualified by cleaning');
    expect(saved.body.savedBy).toBeTruthy();
    await inForce.getByRole('row').filter({ hasText: 'Channel is Offline event' }).getByText('Nurture pool').waitFor();

    expect((await capture('event_offline')).status).toBe('nurturing');
    expect((await capture('sem')).status).not.toBe('nurturing');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'settings-routing-en');
    await close();
  });

  it('shows the rules in force in Chinese with the version and who saved it', async () => {
    const { page, close } = await openAsAdmin('zh-CN', '/settings/routing');
    await page.getByRole('heading', { name: '分配规则' }).waitFor();
    await page.getByText(/^版本 1，由 .+ 保存$/).waitFor();
    const inForce = page.getByRole('table', { name: '当前生效的规则' });
    await inForce.getByRole('row').filter({ hasText: '渠道 等于 线下活动' }).getByText('公海池').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'settings-routing-zh');
    await close();
  });
});
