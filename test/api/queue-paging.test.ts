/**
 * GET /queue's cursor paging (issue 8: the queue stays smooth with 10,000 rows): walking the
 * pages gives the whole ranking, in order, each lead once — with every tier in it (MRL, SLA-due,
 * re-surfaced, score) and with sort=predicted under an active model; a queue that changes
 * between pages neither repeats nor skips what stays; a cursor we did not make is a 400.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qualifyAndTransfer } from '../support/flows.js';
import { historyCsv, historyRows } from '../support/history.js';
import { enrolShanghaiReps } from '../support/roster.js';
import { engines, expectProblem, makeUser, startTestServer, type TestServer } from '../support/server.js';

type User = Awaited<ReturnType<typeof makeUser>>;
interface Item {
  lead: { id: string; score: number; ownerId: string | null };
  priority: 'mrl' | 'sla_due' | 'resurfaced' | 'score';
  predicted: number | null;
  reasons: { code: string }[];
}
interface Page {
  items: Item[];
  nextCursor: string | null;
}

describe.each(engines())('SDR work queue: cursor paging (%s)', (engine) => {
  let t: TestServer;
  let sdr: User;
  let sdr2: User;
  let phone = 13900090000;
  const nextPhone = () => String(++phone);

  const page = async (who: User, query: string): Promise<Page> => {
    const r = await who.call('GET', `/queue?${query}`);
    expect(r.status, r.text).toBe(200);
    return r.body as Page;
  };
  /** Every page from the first on, `limit` at a time: the items, and how many pages it took. */
  const walk = async (who: User, query: string, limit: number, from?: Page) => {
    const items: Item[] = [...(from?.items ?? [])];
    let cursor = from ? from.nextCursor : undefined;
    let pages = from ? 1 : 0;
    while (cursor !== null) {
      const p = await page(who, `${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(p.items.length).toBeLessThanOrEqual(limit);
      if (p.nextCursor !== null) expect(p.items.length).toBe(limit);
      items.push(...p.items);
      cursor = p.nextCursor;
      pages += 1;
      expect(pages).toBeLessThan(200);
    }
    return { ids: items.map((i) => i.lead.id), items, pages };
  };
  const ids = (p: Page) => p.items.map((i) => i.lead.id);
  const lead = async (who: User | 'admin', body: Record<string, unknown>) => {
    const r = await (who === 'admin' ? t.admin : who.call)('POST', '/leads', { phone: nextPhone(), ...body });
    expect(r.status, r.text).toBe(201);
    return r.body.lead.id as string;
  };

  beforeAll(async () => {
    t = await startTestServer(engine);
    sdr = await makeUser(t, 'sdr', { name: '林晓', team: '华东SDR组' });
    sdr2 = await makeUser(t, 'sdr', { name: '赵敏', team: '华东SDR组' });
    const ops = await makeUser(t, 'sales_ops');
    const rep = await makeUser(t, 'sales', { name: '张三', team: '华东销售' });
    await enrolShanghaiReps(ops, [rep], ['2026-03']);

    // A model to sort by (sort=predicted): trained on a past year, activated.
    const form = new FormData();
    form.append('mode', 'history');
    form.append('file', new Blob([historyCsv(historyRows())]), 'crm-2025.csv');
    expect((await t.admin('POST', '/imports', form)).status).toBe(201);
    const model = await t.admin('POST', '/models/train', { target: 'won' });
    expect(model.status, model.text).toBe(201);
    expect((await t.admin('POST', `/models/${model.body.id}/activate`)).status).toBe(200);

    // MRL: the SDR's lead, returned by sales.
    const returned = await lead('admin', { name: '退回客户', channel: 'sem', region: '上海' });
    expect((await sdr.call('POST', `/leads/${returned}/activities`, { type: 'call', durationSec: 300 })).status).toBe(
      201,
    );
    const handoff = await qualifyAndTransfer(sdr, returned);
    expect((await rep.call('POST', `/handoffs/${handoff.id}/accept`, {})).status).toBe(200);
    const back = await rep.call('POST', `/handoffs/${handoff.id}/return`, { reason: 'timing_later' });
    expect(back.status, back.text).toBe(200);

    // Re-surfaced: rejected to the pool, back on a demo request, its first-touch deadline past.
    const pooled = await lead('admin', { name: '公海客户', channel: 'sem', region: '上海' });
    const pooledHandoff = await qualifyAndTransfer({ call: t.admin }, pooled);
    expect((await rep.call('POST', `/handoffs/${pooledHandoff.id}/reject`, { reason: 'no_timeline' })).status).toBe(
      200,
    );
    t.clock.advance(60_000);
    expect((await t.admin('POST', '/track', { leadId: pooled, type: 'demo_request' })).status).toBeLessThan(300);
    // Unowned leads whose first touch was missed: in the shared queue by score.
    for (let i = 0; i < 4; i++) await lead('admin', { name: `未触达${i}`, channel: 'sem', title: i % 2 ? 'CEO' : '' });
    expect((await t.admin('POST', '/admin/clock', { advance: '1d' })).status).toBe(200);

    // SLA-due: fresh inbound leads, their first-touch clocks running.
    for (let i = 0; i < 3; i++) await lead('admin', { name: `新线索${i}`, channel: 'sem' });
    // The SDR's own leads by score, with ties (same score, same instant: the id decides).
    for (let i = 0; i < 9; i++)
      await lead(sdr, { name: `外呼${i}`, channel: 'outbound', title: i % 3 === 0 ? '总经理' : '采购经理' });
  });
  afterAll(async () => t?.stop());

  it('walking every page gives the whole ranking once, in order, whatever the page size and sort', async () => {
    for (const sort of ['score', 'predicted']) {
      const full = await page(sdr, `sort=${sort}&limit=200`);
      expect(full.nextCursor).toBeNull();
      expect(new Set(full.items.map((i) => i.priority))).toEqual(new Set(['mrl', 'sla_due', 'resurfaced', 'score']));
      expect(full.items.length).toBeGreaterThan(15);
      for (const limit of [1, 2, 3, 7]) {
        const walked = await walk(sdr, `sort=${sort}`, limit);
        expect(walked.ids, `sort=${sort} limit=${limit}`).toEqual(ids(full));
        expect(new Set(walked.ids).size).toBe(walked.ids.length);
        expect(walked.pages).toBe(Math.max(1, Math.ceil(full.items.length / limit)));
      }
      // The default page (50) holds all of them: no next page.
      expect((await page(sdr, `sort=${sort}`)).nextCursor).toBeNull();
    }
    // sort=predicted: after the obligations, by the model's probability, every lead with one.
    const predicted = (await page(sdr, 'sort=predicted&limit=200')).items.filter((i) => i.priority === 'score');
    expect(predicted.length).toBeGreaterThan(5);
    const chances = predicted.map((i) => i.predicted as number);
    expect(chances.every((p) => typeof p === 'number')).toBe(true);
    expect(chances).toEqual([...chances].sort((a, b) => b - a));
    expect(predicted[0].reasons[0].code).toBe('predicted');
    // scope=own walks the SDR's own leads alone, the same way.
    const own = await page(sdr, 'scope=own&limit=200');
    expect((await walk(sdr, 'scope=own', 2)).ids).toEqual(ids(own));
  });

  it('a queue that changes between pages: what left is not shown, what came in ahead is not repeated, nothing is skipped', async () => {
    const full = await page(sdr, 'limit=200');
    const firstScored = full.items.findIndex((i) => i.priority === 'score');
    const first = await page(sdr, `limit=${firstScored + 2}`);
    expect(first.items.at(-1)?.priority).toBe('score');
    // Ahead of the cursor: a new inbound lead (SLA-due). Behind it: a shared lead claimed by another SDR.
    const newcomer = await lead('admin', { name: '插队客户', channel: 'sem' });
    const later = full.items.slice(firstScored + 2);
    const claimed = later.find((i) => i.lead.ownerId === null);
    expect(claimed, 'a shared lead on a later page').toBeDefined();
    const claim = await sdr2.call('POST', `/leads/${claimed?.lead.id}/claim`, {});
    expect(claim.status, claim.text).toBe(200);

    const walked = await walk(sdr, 'sort=score', 3, first);
    expect(new Set(walked.ids).size).toBe(walked.ids.length);
    expect(walked.ids).toEqual(ids(full).filter((id) => id !== claimed?.lead.id));
    expect(walked.ids).not.toContain(newcomer);
    // A walk started now has it, where it ranks.
    const now = await page(sdr, 'limit=200');
    expect(now.items.find((i) => i.lead.id === newcomer)?.priority).toBe('sla_due');
    expect((await walk(sdr, 'sort=score', 4)).ids).toEqual(ids(now));
  });

  it('a cursor we did not make, or made for the other sort, is a 400 naming cursor', async () => {
    const scoreCursor = (await page(sdr, 'limit=2')).nextCursor as string;
    expect(scoreCursor).toEqual(expect.any(String));
    const forged = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    for (const cursor of [
      'not-a-cursor',
      '%%%',
      forged({}),
      forged({ o: 'score', t: 'vip', a: null, p: null, s: 1, c: '2026-03-02T01:00:00.000Z', i: 'x' }),
      forged({ o: 'score', t: 'score', a: null, p: null, s: 'high', c: '2026-03-02T01:00:00.000Z', i: 'x' }),
      forged({ o: 'score', t: 'sla_due', a: null, p: null, s: 1, c: '2026-03-02T01:00:00.000Z', i: 'x' }),
      forged({ o: 'score', t: 'score', a: null, p: null, s: 1, c: 'yesterday', i: 'x' }),
      forged({ o: 'score', t: 'score', a: null, p: null, s: 1.5, c: '2026-03-02T01:00:00.000Z', i: 'x' }),
      forged({ o: 'score', t: 'score', a: null, p: null, s: 1e12, c: '2026-03-02T01:00:00.000Z', i: 'x' }),
      forged({
        o: 'score',
        t: 'mrl',
        a: '+275760-09-13T00:00:00.000Z',
        p: null,
        s: 1,
        c: '2026-03-02T01:00:00.000Z',
        i: 'x',
      }),
      forged({ o: 'predicted', t: 'score', a: null, p: 2, s: 1, c: '2026-03-02T01:00:00.000Z', i: 'x' }),
      forged(null),
      forged([1, 2]),
      'x'.repeat(1001),
    ]) {
      const r = await sdr.call('GET', `/queue?cursor=${encodeURIComponent(cursor)}`);
      expectProblem(r, 400);
      expect(r.body.errors[0].field, cursor.slice(0, 40)).toBe('query.cursor');
    }
    const crossed = await sdr.call('GET', `/queue?sort=predicted&cursor=${encodeURIComponent(scoreCursor)}`);
    expectProblem(crossed, 400);
    expect(crossed.body.errors[0]).toMatchObject({
      field: 'query.cursor',
      message: expect.stringMatching(/sort=score/),
    });
  });
  it('sort=predicted past the window: its 1,000 best-scored leads by probability, then the rest by score, each once', async () => {
    const titles = ['CEO', '销售总监', '市场经理', '销售专员', '采购经理', ''];
    const leads = Array.from({ length: 1100 }, (_, i) => ({
      name: `批量${i}`,
      phone: nextPhone(),
      channel: 'outbound',
      title: titles[i % titles.length],
      employees: (i * 37) % 3000,
    }));
    const bulk = await sdr.call('POST', '/leads/bulk', { leads });
    expect(bulk.status, bulk.text).toBe(200);
    expect(bulk.body.created).toBe(1100);
    const walked = await walk(sdr, 'sort=predicted', 200);
    expect(new Set(walked.ids).size).toBe(walked.ids.length);
    const byScore = await walk(sdr, 'sort=score', 200);
    expect([...walked.ids].sort()).toEqual([...byScore.ids].sort());
    const scored = byScore.items.filter((i) => i.priority === 'score');
    expect(scored.length).toBeGreaterThan(1000);
    const ranked = walked.items.filter((i) => i.priority === 'score');
    const window = ranked.slice(0, 1000);
    const rest = ranked.slice(1000);
    // The window is the 1,000 best-scored, ordered by probability; the rest follow by score.
    expect(new Set(window.map((i) => i.lead.id))).toEqual(new Set(scored.slice(0, 1000).map((i) => i.lead.id)));
    const chances = window.map((i) => i.predicted as number);
    expect(chances).toEqual([...chances].sort((a, b) => b - a));
    expect(rest.map((i) => i.lead.id)).toEqual(scored.slice(1000).map((i) => i.lead.id));
    expect(rest.every((i) => i.predicted !== null && i.reasons[0].code === 'score')).toBe(true);
  });
});
