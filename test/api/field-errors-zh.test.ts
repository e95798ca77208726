/**
 * Bad input answers in both languages (issue 8, "Languages" and "Bad input"): a 400's field
 * errors carry the English `message` and a Chinese `messageZh`, whether the schema or the
 * domain refused the field, so the console can show the reader's language next to the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, engines, expectProblem, type Reply, startTestServer, type TestServer } from '../support/server.js';

/** The one field error of a 400 about `field`. */
function fieldError(r: Reply, field: string): { field: string; message: string; messageZh?: string } {
  expectProblem(r, 400);
  const found = (r.body.errors ?? []).find((e: { field: string }) => e.field === field);
  expect(found, r.text).toBeDefined();
  return found;
}

const lead = { name: '张伟', phone: '13912340000', channel: 'sem' };
const plan = {
  customers: 600,
  avgDealSize: 20000,
  growthMultiple: 4,
  renewalRate: 0.5,
  conversion: { leadToMql: 0.2, mqlToSql: 0.5, sqlToOpportunity: 0.6, opportunityToWon: 0.25 },
  months: 12,
};

describe.each(engines())('field errors in English and Chinese (%s)', (engine) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(engine);
  });
  afterAll(async () => t?.stop());

  it('a missing field is required', async () => {
    const r = await t.admin('POST', '/users', { name: '李娜', role: 'sdr' });
    expect(fieldError(r, 'email')).toEqual({ field: 'email', message: 'is required', messageZh: '必填' });
  });

  it('a bad e-mail, from the schema and from lead capture', async () => {
    const user = await t.admin('POST', '/users', { name: '李娜', email: 'not-an-email', role: 'sdr' });
    expect(fieldError(user, 'email')).toEqual({
      field: 'email',
      message: 'Invalid email address',
      messageZh: '不是有效的邮箱地址',
    });
    const captured = await t.admin('POST', '/leads', { name: '张伟', email: 'zhang@qq', channel: 'sem' });
    expect(fieldError(captured, 'email')).toEqual({
      field: 'email',
      message: 'not a valid e-mail address',
      messageZh: '不是有效的邮箱地址',
    });
  });

  it('a password that is too short', async () => {
    const r = await t.admin('POST', '/users', {
      name: '李娜',
      email: 'li.na@example.cn',
      role: 'sdr',
      password: 'short',
    });
    expect(fieldError(r, 'password')).toEqual({
      field: 'password',
      message: 'must be at least 8 characters',
      messageZh: '至少 8 个字符',
    });
  });

  it('an unknown channel and an unknown field', async () => {
    const unknownChannel = await t.admin('POST', '/leads', { ...lead, channel: 'carrier_pigeon' });
    expect(fieldError(unknownChannel, 'channel')).toEqual({
      field: 'channel',
      message: 'unknown channel "carrier_pigeon"',
      messageZh: '未知渠道“carrier_pigeon”',
    });
    const unknownField = await t.admin('POST', '/users', {
      name: '李娜',
      email: 'li.na@example.cn',
      role: 'sdr',
      nickname: '娜娜',
    });
    expect(fieldError(unknownField, 'nickname')).toEqual({
      field: 'nickname',
      message: 'is not a known field',
      messageZh: '不是已知字段',
    });
  });

  it('a plan rate out of range, and a role that is not one of the roles', async () => {
    const rate = await t.admin('POST', '/plans/capacity', {
      ...plan,
      conversion: { ...plan.conversion, mqlToSql: 1.5 },
    });
    expect(fieldError(rate, 'conversion.mqlToSql')).toEqual({
      field: 'conversion.mqlToSql',
      message: 'must be more than 0 and at most 1 (0.2 is 20%)',
      messageZh: '须大于 0 且不超过 1（0.2 即 20%）',
    });
    const role = await t.admin('POST', '/users', { name: '李娜', email: 'li.na@example.cn', role: 'boss' });
    expect(fieldError(role, 'role').messageZh).toBe(
      '应为以下之一：sdr、sdr_lead、sales、sales_manager、sales_ops、sales_assistant、marketing、admin',
    );
  });

  it('a body that is not JSON', async () => {
    const r = await fetch(`${t.base}/leads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: '{"name": ',
    });
    const body = await r.json();
    expect(r.status).toBe(400);
    expect(body.errors).toEqual([{ field: 'body', message: 'malformed JSON', messageZh: '不是有效的 JSON' }]);
  });
});
