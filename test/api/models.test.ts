/**
 * Predictive models over HTTP (SPEC §4.3, §10.1 `/models`, issue 9): a history import with a
 * known generating model, training with its honest report (hold-out, AUC, Brier, calibration,
 * lift, top features in words), the leaky column left out, activation by the right roles only,
 * `predicted` on a live lead's score, one training at a time, too little history, and the monthly
 * retraining that never activates on its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishTraining, startTraining } from '../../src/store/repositories/models.js';
import { historyCsv, historyRows } from '../support/history.js';
import { engines, expectProblem, makeUser, type Reply, startTestServer, type TestServer } from '../support/server.js';

/** The Mann–Whitney AUC of scores against labels, as a check on the generator's own power. */
function auc(scores: number[], labels: boolean[]): number {
  let pairs = 0;
  let wins = 0;
  for (let i = 0; i < scores.length; i++) {
    if (!labels[i]) continue;
    for (let j = 0; j < scores.length; j++) {
      if (labels[j]) continue;
      pairs++;
      wins += scores[i] > scores[j] ? 1 : scores[i] === scores[j] ? 0.5 : 0;
    }
  }
  return wins / pairs;
}

describe.each(engines())('predictive models (%s)', (engine) => {
  let t: TestServer;
  const rows = historyRows();
  let model: Reply;

  beforeAll(async () => {
    t = await startTestServer(engine);
  });
  afterAll(async () => t?.stop());

  it('refuses to train without enough history, saying how much more it needs', async () => {
    const refused = await t.admin('POST', '/models/train', { target: 'won' });
    expectProblem(refused, 422);
    expect(refused.body.detail).toMatch(
      /import 200 more leads with a known outcome, 30 more that reached won, 30 more that did not/,
    );
    const listed = await t.admin('GET', '/models');
    expect(listed.body.items[0]).toMatchObject({
      status: 'failed',
      active: false,
      failure: {
        reason: 'not_enough_history',
        labelled: 0,
        positives: 0,
        needLabelled: 200,
        needPositives: 30,
        needNegatives: 30,
      },
    });
  });

  it('trains on a history import and reports an honest evaluation', async () => {
    const form = new FormData();
    form.append('mode', 'history');
    form.append('file', new Blob([historyCsv(rows)]), 'crm-2025.csv');
    const imported = await t.admin('POST', '/imports', form);
    expect(imported.status, imported.text).toBe(201);
    expect(imported.body).toMatchObject({ created: 800, failed: 0 });

    model = await t.admin('POST', '/models/train', { target: 'won' });
    expect(model.status, model.text).toBe(201);
    const positives = rows.filter((r) => r.won).length;
    expect(model.body).toMatchObject({ status: 'trained', target: 'won', active: false, trigger: 'manual' });
    const m = model.body.metrics;
    expect(m).toMatchObject({ n: 800, positives, testN: 240, trainN: 560 });
    // The hold-out is the newest 30% by capture date: the generator's own AUC there bounds ours.
    const newest = [...rows].sort((a, b) => a.createdAt.localeCompare(b.createdAt)).slice(560);
    const generatorAuc = auc(
      newest.map((r) => r.truth),
      newest.map((r) => r.won),
    );
    expect(m.auc).toBeGreaterThan(generatorAuc - 0.08);
    expect(m.auc).toBeLessThanOrEqual(1);
    expect(m.brier).toBeGreaterThan(0);
    expect(m.brier).toBeLessThan(0.25);
    expect(m.liftTopDecile).toBeGreaterThan(1.3);
    expect(m.calibration.length).toBeGreaterThanOrEqual(5);
    expect(m.calibration.reduce((sum: number, c: { n: number }) => sum + c.n, 0)).toBe(240);

    // The closing rep's name separates won from lost perfectly: it is left out, by name.
    expect(model.body.excluded).toEqual([
      expect.objectContaining({ feature: 'field.成交负责人', words: { 'zh-CN': '成交负责人', en: '成交负责人' } }),
    ]);
    const features = model.body.topFeatures.map((f: { term: { feature: string } }) => f.term.feature);
    expect(features).not.toContain('field.成交负责人');

    // Top features read as words, with the generator's signs: inbound inquiries up, cold calls down.
    const channelTerm = (level: string) =>
      model.body.topFeatures.find(
        (f: { term: { feature: string; level?: string } }) => f.term.feature === 'channel' && f.term.level === level,
      );
    expect(channelTerm('inbound_inquiry')).toMatchObject({
      effect: expect.any(Number),
      words: {
        'zh-CN': expect.stringMatching(/^渠道 = 主动咨询: \+\d+%$/),
        en: expect.stringMatching(/^Channel = Inbound inquiry: \+/),
      },
    });
    expect(channelTerm('inbound_inquiry').effect).toBeGreaterThan(0);
    expect(channelTerm('outbound').effect).toBeLessThan(0);

    const read = await t.admin('GET', `/models/${model.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body.metrics).toEqual(m);
  });

  it('advises on live leads only once an SDR lead or admin activates the model', async () => {
    const lead = await t.admin('POST', '/leads', {
      name: '陈静',
      phone: '13912340001',
      company: '杭州云图科技有限公司',
      title: 'CEO',
      channel: 'event_offline',
    });
    expect(lead.status, lead.text).toBe(201);
    const cold = await t.admin('POST', '/leads', {
      name: '刘洋',
      phone: '13912340002',
      company: '苏州织造有限公司',
      title: '销售专员',
      channel: 'content_download',
    });
    expect(cold.status, cold.text).toBe(201);

    const before = await t.admin('GET', `/leads/${lead.body.lead.id}/score`);
    expect(before.body.predicted).toBeNull();

    const rep = await makeUser(t, 'sales');
    expectProblem(await rep.call('POST', `/models/${model.body.id}/activate`), 403);
    expectProblem(await rep.call('GET', '/models'), 403);
    const sdrLead = await makeUser(t, 'sdr_lead');
    const activated = await sdrLead.call('POST', `/models/${model.body.id}/activate`);
    expect(activated.status, activated.text).toBe(200);
    expect(activated.body).toMatchObject({ active: true, activatedBy: sdrLead.id });

    const hot = await t.admin('GET', `/leads/${lead.body.lead.id}/score`);
    expect(hot.body.predicted).toMatchObject({ modelId: model.body.id, probability: expect.any(Number) });
    expect(hot.body.predicted.factors.length).toBeGreaterThan(0);
    expect(hot.body.predicted.factors[0].words['zh-CN']).toMatch(/[+−]\d+(\.\d)?%$/);
    const coldScore = await t.admin('GET', `/leads/${cold.body.lead.id}/score`);
    expect(hot.body.predicted.probability).toBeGreaterThan(coldScore.body.predicted.probability + 0.15);

    // The queue shows the probability beside the score (ordering by it: domain/queue/rank-queue.test.ts).
    const queue = await t.admin('GET', '/queue?sort=predicted&limit=200');
    expect(queue.status, queue.text).toBe(200);
    const item = (id: string) => queue.body.items.find((i: { lead: { id: string } }) => i.lead.id === id);
    expect(item(lead.body.lead.id).predicted).toBeCloseTo(hot.body.predicted.probability, 3);
    expect(item(cold.body.lead.id).reasons.map((r: { code: string }) => r.code)).toContain('predicted');

    // Simulations take their expected wins from the active model (a model of `won`: no expected
    // SQLs): the probabilities of each side's MQLs, summed. Neither lead is an MQL under the
    // definition in force (no answers); a candidate asking only for a valid lead makes both MQLs.
    const simulation = await t.admin('POST', '/simulations', {
      kind: 'definition',
      candidate: { criteria: [{ kind: 'status', notIn: ['disqualified'] }] },
      from: '2026-03-01',
      to: '2026-03-03',
    });
    expect(simulation.status, simulation.text).toBe(200);
    expect(simulation.body.current).toMatchObject({ leads: 2, mqls: 0, expectedSqls: null, expectedWins: 0 });
    expect(simulation.body.candidate).toMatchObject({ mqls: 2, expectedSqls: null });
    const bothWins = hot.body.predicted.probability + coldScore.body.predicted.probability;
    expect(simulation.body.candidate.expectedWins).toBeCloseTo(bothWins, 3);
    expect(simulation.body.diff.expectedWins).toBeCloseTo(bothWins, 3);

    const audit = await t.admin('GET', `/audit?entityType=model&entityId=${model.body.id}`);
    expect(audit.status, audit.text).toBe(200);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['model.trained', 'model.activated']),
    );
  });

  it('trains one model at a time, across server processes too', async () => {
    // Another process holds the training slot (as a second server on the same database would).
    const slot = { id: 'other-process-training', target: 'won', trigger: 'manual' as const, createdBy: null };
    expect(await startTraining(t.server.store.db, { ...slot, at: t.clock.now() })).toBe(true);
    const refused = await t.admin('POST', '/models/train', { target: 'won' });
    expectProblem(refused, 409);
    expect(refused.body.detail).toMatch(/another model is being trained/);
    await finishTraining(t.server.store.db, slot.id, { failure: { reason: 'test' } }, t.clock.now());
    const trained = await t.admin('POST', '/models/train', { target: 'won' });
    expect(trained.status, trained.text).toBe(201);
  });

  it('answers bad input with the field or the model named', async () => {
    const badTarget = await t.admin('POST', '/models/train', { target: 'revenue' });
    expectProblem(badTarget, 400);
    expect(badTarget.body.errors[0].field).toBe('target');
    expectProblem(await t.admin('GET', '/models/no-such-model'), 404);
    const failed = (await t.admin('GET', '/models')).body.items.find((m: { status: string }) => m.status === 'failed');
    expectProblem(await t.admin('POST', `/models/${failed.id}/activate`), 409);
  });

  it('retrains every month without activating the new model', async () => {
    const before = (await t.admin('GET', '/models')).body.items.length;
    const moved = await t.admin('POST', '/admin/clock', { advance: '35d' });
    expect(moved.status, moved.text).toBe(200);
    const items = (await t.admin('GET', '/models')).body.items;
    expect(items.length).toBe(before + 1);
    expect(items[0]).toMatchObject({ trigger: 'monthly', status: 'trained', target: 'won', active: false });
    expect(items.filter((m: { active: boolean }) => m.active).map((m: { id: string }) => m.id)).toEqual([
      model.body.id,
    ]);
  });
});

/**
 * The learner runs in a worker thread, so the server answers while a model trains. No timing:
 * an ordering. On PGlite, whose queries run synchronously in this process, a training that ran on
 * the main thread would let no request through from taking the slot to storing the model, so
 * GET /models could never show it `training`; with the worker it shows it, and GET /health and
 * GET /queue answer before the training ends. On PostgreSQL the loading of the examples lets
 * requests through too, so there this shows the server answering during a training, not in
 * which part of it.
 */
describe.each(engines())('training off the main thread (%s)', (engine) => {
  let t: TestServer;

  beforeAll(async () => {
    t = await startTestServer(engine);
  });
  afterAll(async () => t?.stop());

  it('keeps answering while a model trains', async () => {
    const form = new FormData();
    form.append('mode', 'history');
    form.append('file', new Blob([historyCsv(historyRows(3000))]), 'crm-2025.csv');
    const imported = await t.admin('POST', '/imports', form);
    expect(imported.status, imported.text).toBe(201);

    let replied = false;
    const training = t.admin('POST', '/models/train', { target: 'won' }).finally(() => {
      replied = true;
    });
    let models = await t.admin('GET', '/models');
    while (models.body.items[0]?.status !== 'training' && !replied) models = await t.admin('GET', '/models');
    const running = models.body.items[0];
    expect(running, 'GET /models never answered while the model trained').toMatchObject({ status: 'training' });

    // Meanwhile it answers everyone else, and the training is still running afterwards.
    expect((await t.admin('GET', '/health')).body).toEqual({ status: 'ok' });
    const queue = await t.admin('GET', '/queue');
    expect(queue.status, queue.text).toBe(200);
    const still = await t.admin('GET', `/models/${running.id}`);
    expect(still.body).toMatchObject({ id: running.id, status: 'training', metrics: null });

    const trained = await training;
    expect(trained.status, trained.text).toBe(201);
    expect(trained.body).toMatchObject({ id: running.id, status: 'trained', metrics: { n: 3000 } });
  });
});
