/**
 * Refusals in real Chromium (issue 8, "Languages"): on settings → predictive models, a history
 * file without an outcome column and a model that cannot be trained yet are named in the
 * reader's language — the API's `messageZh` on the Chinese page, its `message` on the English one.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { buildConsole, launchChromium, newPage, signIn } from './browser.js';

let t: TestServer;
let browser: Browser;
const email = 'wu.lei@example.cn';
const password = 'Wu-Lei-2026';

beforeAll(async () => {
  buildConsole();
  t = await startTestServer('pglite');
  browser = await launchChromium();
  const created = await t.admin('POST', '/users', { name: '吴磊', email, role: 'sdr_lead', password });
  if (created.status !== 201) throw new Error(created.text);
});

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

/** A history file without the outcome (结果) column. */
const noOutcome = {
  name: 'crm-2025.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from('姓名,手机\r\n王五,13900050005\r\n'),
};

describe('settings → predictive models: a refused history file', () => {
  it('says what is wrong in Chinese on the Chinese page', async () => {
    const { context, page } = await newPage(browser, t.server.url, 'zh-CN');
    await signIn(page, email, password, 'zh-CN');
    await page.goto('/settings/models');
    await page.getByRole('heading', { name: '预测模型', level: 3 }).waitFor();
    await page.locator('input[type=file]').setInputFiles(noOutcome);
    await page.getByText('文件无法导入').waitFor();
    await page
      .getByText(
        'outcome: 历史文件需要一列“结果”（outcome），写明每条线索走到了哪一步：sql、opportunity、won、lost、converted 或 not_converted（留空表示仍在跟进）',
      )
      .waitFor();

    // Training without enough history says why, in Chinese as well.
    await page.getByRole('button', { name: '训练模型' }).click();
    await page.getByText('暂时无法训练').waitFor();
    await page.getByText(/^历史数据不足，无法训练 sql 模型：已知结果的线索 0 条/).waitFor();
    await context.close();
  });

  it('and in English on the English page', async () => {
    const { context, page } = await newPage(browser, t.server.url, 'en-US');
    await signIn(page, email, password, 'en-US');
    await page.goto('/settings/models');
    await page.locator('input[type=file]').setInputFiles(noOutcome);
    await page.getByText('The file cannot be imported').waitFor();
    await page.getByText(/^outcome: a history file needs an outcome \(结果\) column/).waitFor();
    await page.getByRole('button', { name: 'Train model' }).click();
    await page.getByText('The model cannot be trained yet').waitFor();
    await page.getByText(/^not enough history to train a model for sql: 0 leads with a known outcome/).waitFor();
    await context.close();
  });
});
