import { describe, expect, it } from 'vitest';
import { compareQueuePositions, type QueueCandidate, rankQueue } from './rank-queue.js';

const now = new Date('2026-03-02T02:00:00.000Z'); // 10:00 in Shanghai
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
const hours = (n: number) => minutes(n * 60);

function lead(id: string, extra: Partial<QueueCandidate> = {}): QueueCandidate {
  return {
    leadId: id,
    score: 50,
    grade: null,
    createdAt: hours(-100),
    flags: [],
    lastTouchAt: null,
    returned: null,
    timers: [],
    resurfaced: null,
    ...extra,
  };
}
const order = (candidates: QueueCandidate[], options = {}) =>
  rankQueue(candidates, { now, ...options }).map((e) => e.leadId);

describe('rankQueue: MRL first, then SLA-due, then re-surfaced, then score (SPEC §10)', () => {
  it('puts each tier ahead of the next whatever the scores', () => {
    const ranked = rankQueue(
      [
        lead('score', { score: 99 }),
        lead('resurfaced', { score: 10, resurfaced: { trigger: 'behaviour demo_request', at: hours(-1) } }),
        lead('sla', {
          score: 5,
          timers: [{ kind: 'lead.first_touch_due', dueAt: minutes(30), createdAt: minutes(-30) }],
        }),
        lead('mrl', {
          score: 1,
          flags: ['MRL'],
          returned: {
            reason: 'timing_later',
            labelZh: '采购时间推迟',
            labelEn: 'Buying later',
            note: '明年再看',
            at: hours(-2),
          },
        }),
      ],
      { now },
    );
    expect(ranked.map((e) => [e.leadId, e.priority])).toEqual([
      ['mrl', 'mrl'],
      ['sla', 'sla_due'],
      ['resurfaced', 'resurfaced'],
      ['score', 'score'],
    ]);
  });

  it('says why: the return reason and note, the deadline in Shanghai time, the trigger, the score', () => {
    const [mrl, sla, tomorrow, resurfaced, score] = rankQueue(
      [
        lead('mrl', {
          flags: ['MRL'],
          returned: {
            reason: 'timing_later',
            labelZh: '采购时间推迟',
            labelEn: 'Buying later',
            note: '明年再看',
            at: hours(-2),
          },
        }),
        lead('sla', { timers: [{ kind: 'lead.first_touch_due', dueAt: minutes(30), createdAt: minutes(-30) }] }),
        lead('tomorrow', { timers: [{ kind: 'lead.recall_due', dueAt: hours(24), createdAt: hours(-300) }] }),
        lead('resurfaced', { resurfaced: { trigger: 'score 65 ≥ 60', at: hours(-1) } }),
        lead('score', { score: 72, grade: 'A' }),
      ],
      { now },
    );
    expect(mrl.reason).toBe(
      'MRL：销售退回（采购时间推迟） — 明年再看 / MRL: returned by sales (Buying later) — 明年再看',
    );
    expect(mrl.reasons[0]).toMatchObject({ code: 'mrl', at: hours(-2) });
    expect(sla.reason).toBe('首次触达截止 10:30 / first touch due 10:30');
    expect(sla.dueAt).toEqual(minutes(30));
    expect(tomorrow.reason).toBe('回收截止 03-03 10:00 / recall due 03-03 10:00');
    expect(resurfaced.reason).toBe('重新浮现：score 65 ≥ 60 / re-surfaced: score 65 ≥ 60');
    expect(score.reason).toBe('评分 72 (A) / score 72 (A)');
    expect(score.priority).toBe('score');
  });

  it('lists every reason that applies, the deciding one first', () => {
    const [entry] = rankQueue(
      [
        lead('both', {
          flags: ['MRL'],
          returned: { reason: 'other', labelZh: null, labelEn: null, note: null, at: hours(-5) },
          timers: [{ kind: 'lead.recall_warning', dueAt: hours(3), createdAt: hours(-200) }],
        }),
      ],
      { now },
    );
    expect(entry.priority).toBe('mrl');
    expect(entry.reasons.map((r) => r.code)).toEqual(['mrl', 'recall_warning', 'score']);
    expect(entry.reason).toBe('MRL：销售退回（other） / MRL: returned by sales (other)');
  });

  it('MRL: the one returned longest ago first', () => {
    const returned = (at: Date) => ({ reason: 'not_reachable', labelZh: null, labelEn: null, note: null, at });
    expect(
      order([
        lead('recent', { flags: ['MRL'], score: 90, returned: returned(hours(-1)) }),
        lead('old', { flags: ['MRL'], score: 10, returned: returned(hours(-30)) }),
      ]),
    ).toEqual(['old', 'recent']);
  });

  it('SLA-due: soonest deadline first, over all of a lead’s timers', () => {
    expect(
      order([
        lead('later', { score: 90, timers: [{ kind: 'lead.first_touch_due', dueAt: hours(5), createdAt: hours(-1) }] }),
        lead('sooner', {
          score: 10,
          timers: [
            { kind: 'lead.recall_due', dueAt: hours(40), createdAt: hours(-300) },
            { kind: 'lead.recall_warning', dueAt: hours(1), createdAt: hours(-300) },
          ],
        }),
        lead('overdue', { timers: [{ kind: 'lead.first_touch_due', dueAt: minutes(-5), createdAt: hours(-2) }] }),
      ]),
    ).toEqual(['overdue', 'sooner', 'later']);
  });

  it('SLA-due only within the window (48 h by default); a further deadline still shows as dueAt', () => {
    const far = lead('far', {
      score: 10,
      timers: [{ kind: 'lead.recall_due', dueAt: hours(49), createdAt: hours(-200) }],
    });
    const high = lead('high', { score: 80 });
    const ranked = rankQueue([far, high], { now });
    expect(ranked.map((e) => [e.leadId, e.priority])).toEqual([
      ['high', 'score'],
      ['far', 'score'],
    ]);
    expect(ranked[1].dueAt).toEqual(hours(49));
    expect(order([far, high], { dueWithinMs: 50 * 3_600_000 })).toEqual(['far', 'high']);
  });

  it('a timer started before the last touch is stale (the touch restarted the clock); other kinds are ignored', () => {
    const touched = lead('touched', {
      score: 10,
      lastTouchAt: hours(-1),
      timers: [{ kind: 'lead.first_touch_due', dueAt: minutes(10), createdAt: hours(-2) }],
    });
    const handoffTimer = lead('handoff', {
      score: 5,
      timers: [{ kind: 'handoff.acceptance_due', dueAt: minutes(10), createdAt: hours(-2) }],
    });
    const ranked = rankQueue([touched, handoffTimer, lead('best', { score: 60 })], { now });
    expect(ranked.map((e) => [e.leadId, e.priority, e.dueAt])).toEqual([
      ['best', 'score', null],
      ['touched', 'score', null],
      ['handoff', 'score', null],
    ]);
    const rearmed = lead('rearmed', {
      lastTouchAt: hours(-1),
      timers: [{ kind: 'lead.recall_due', dueAt: hours(2), createdAt: minutes(-30) }],
    });
    expect(rankQueue([rearmed], { now })[0].priority).toBe('sla_due');
    // A clock started at the very moment of the touch (ownership given as the call ended) counts it.
    const sameInstant = lead('same', {
      lastTouchAt: hours(-1),
      timers: [{ kind: 'lead.recall_warning', dueAt: hours(3), createdAt: hours(-1) }],
    });
    expect(rankQueue([sameInstant], { now })[0].priority).toBe('sla_due');
    // A call at the very moment a lead arrived is its first touch.
    const calledAtOnce = lead('at-once', {
      lastTouchAt: hours(-1),
      timers: [{ kind: 'lead.first_touch_due', dueAt: minutes(10), createdAt: hours(-1) }],
    });
    expect(rankQueue([calledAtOnce], { now })[0].priority).toBe('score');
  });

  it('re-surfaced: latest first, until the lead is touched', () => {
    expect(
      order([
        lead('earlier', { score: 90, resurfaced: { trigger: 'a', at: hours(-10) } }),
        lead('latest', { score: 10, resurfaced: { trigger: 'b', at: hours(-1) } }),
        lead('worked', { score: 95, resurfaced: { trigger: 'c', at: hours(-5) }, lastTouchAt: hours(-2) }),
      ]),
    ).toEqual(['latest', 'earlier', 'worked']);
  });

  it('score: best first, then older first, then by id', () => {
    expect(
      order([
        lead('young', { score: 70, createdAt: hours(-1) }),
        lead('old', { score: 70, createdAt: hours(-10) }),
        lead('top', { score: 71, createdAt: hours(-1) }),
        lead('b-twin', { score: 10, createdAt: hours(-3) }),
        lead('a-twin', { score: 10, createdAt: hours(-3) }),
      ]),
    ).toEqual(['top', 'old', 'young', 'a-twin', 'b-twin']);
  });

  it('an empty queue is empty', () => {
    expect(rankQueue([], { now })).toEqual([]);
  });

  it('orders by the predicted probability when asked, after the obligations, and says so', () => {
    const candidates = [
      lead('high-score', { score: 90, predicted: 0.1 }),
      lead('likely', { score: 20, predicted: 0.62 }),
      lead('unknown', { score: 95, predicted: null }),
      lead('due', {
        score: 5,
        predicted: 0.01,
        timers: [{ kind: 'lead.first_touch_due', dueAt: hours(1), createdAt: hours(-1) }],
      }),
    ];
    expect(order(candidates)).toEqual(['due', 'unknown', 'high-score', 'likely']);
    const ranked = rankQueue(candidates, { now, by: 'predicted' });
    expect(ranked.map((e) => e.leadId)).toEqual(['due', 'likely', 'high-score', 'unknown']);
    expect(ranked[1].reason).toBe('预测转化 62% / predicted 62%');
    expect(ranked[1].reasons.map((r) => r.code)).toEqual(['predicted', 'score']);
    expect(rankQueue(candidates, { now })[2].reasons.map((r) => r.code)).toEqual(['score', 'predicted']);
  });
});

describe('rankQueue positions (GET /queue cursor)', () => {
  it('the order is the order of the positions, and a lead past the predicted window sits by its score', () => {
    const candidates = [
      lead('a', { score: 90, predicted: 0.1 }),
      lead('b', { score: 20, predicted: 0.62 }),
      lead('c', { score: 10, predicted: 0.9, beyondWindow: true }),
      lead('d', { score: 50, predicted: 0.95, beyondWindow: true }),
    ];
    const ranked = rankQueue(candidates, { now, by: 'predicted' });
    expect(ranked.map((e) => e.leadId)).toEqual(['b', 'a', 'd', 'c']);
    expect(ranked[2].reasons.map((r) => r.code)).toEqual(['score', 'predicted']);
    for (let i = 1; i < ranked.length; i++)
      expect(compareQueuePositions(ranked[i - 1].position, ranked[i].position)).toBeLessThan(0);
    expect(compareQueuePositions(ranked[0].position, ranked[0].position)).toBe(0);
  });
});
