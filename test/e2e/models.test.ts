/**
 * Predictive models in real Chromium (issue 9, "through the console"): an SDR lead imports last
 * year's CRM export as history, trains, reads the report (the leaky column left out), activates
 * the model, and sees the predicted probability with its reasons on a lead — in Chinese, and the
 * report again in English. Screenshots of both; an accessibility scan of the page.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyCsv, historyRows } from '../support/history.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { buildConsole, launchChromium, newPage, screenshot, seriousViolations, signIn } from './browser.js';

let t: TestServer;
let browser: Browser;
const email = 'zhou.min@example.cn';
const password = 'Zhou-Min-2026';

beforeAll(async () => {
  buildConsole();
  t = await startTestServer('pglite');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

describe('settings → predictive models', () => {
  it('imports history, trains, reads the report, activates, and shows the prediction on a lead', async () => {
    const created = await t.admin('POST', '/users', { name: '周敏', email, role: 'sdr_lead', password });
    expect(created.status, created.text).toBe(201);

    const { context, page } = await newPage(browser, t.server.url, 'zh-CN');
    await signIn(page, email, password, 'zh-CN');
    await page.goto('/settings/models');
    await page.getByRole('heading', { name: '预测模型', level: 3 }).waitFor();

    await page.locator('input[type=file]').setInputFiles({
      name: 'crm-2025.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(historyCsv(historyRows())),
    });
    await page.getByRole('status').getByText('已导入：新建 800 条，更新 0 条，失败 0 条').waitFor();

    await page.getByLabel('预测目标').selectOption('won');
    await page.getByRole('button', { name: '训练模型' }).click();
    const report = page.getByRole('heading', { name: '模型报告（目标：赢单）' });
    await report.waitFor({ timeout: 60_000 });
    await page.getByText(/^渠道 = 主动咨询: \+\d+%$/).waitFor();
    await page.getByText(/成交负责人：单独即可几乎完美区分结果/).waitFor();
    await screenshot(page, 'settings-models-zh');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: /^启用（/ }).click();
    await page.getByText('模型已启用：线索页将显示它的预测').waitFor();
    const models = (await t.admin('GET', '/models')).body.items;
    expect(models.filter((m: { active: boolean }) => m.active)).toHaveLength(1);

    const lead = await t.admin('POST', '/leads', {
      name: '陈静',
      phone: '13912340011',
      company: '杭州云图科技有限公司',
      title: 'CEO',
      channel: 'event_offline',
    });
    await page.goto(`/leads/${lead.body.lead.id}`);
    const predicted = page.getByRole('region', { name: '预测转化' });
    await predicted.getByText(/^预测转化概率 \d+(\.\d+)?%/).waitFor();
    expect(await predicted.getByRole('listitem').count()).toBeGreaterThan(0);
    await screenshot(page, 'lead-predicted-zh');

    await context.close();

    const english = await newPage(browser, t.server.url, 'en-US');
    await signIn(english.page, email, password, 'en-US');
    await english.page.goto('/settings/models');
    await english.page.getByRole('heading', { name: 'Model report (target: Won)' }).waitFor();
    await english.page.getByText(/^Channel = Inbound inquiry: \+\d+%$/).waitFor();
    await screenshot(english.page, 'settings-models-en');
    await english.context.close();
  });
});
