import { describe, expect, it } from 'vitest';
import { type Behaviour, compileEngagementRules } from './engagement.js';
import type { EngagementRules, ExplanationLine } from './scoring-rules.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = new Date('2026-03-01T08:00:00+08:00');
const ago = (ms: number) => new Date(now.getTime() - ms);
const events = (type: string, ...ages: number[]): Behaviour[] => ages.map((age) => ({ type, at: ago(age) }));
const times = (n: number, age: number) => Array.from({ length: n }, () => age);

const rules: EngagementRules = {
  halfLifeDays: 30,
  behaviours: {
    page_view: { label: '浏览页面', points: 1, cap: { points: 10, days: 7 } },
    download: { label: '下载资料', points: 5, cap: { points: 15, days: 7 } },
    event_attend: { label: '参加活动', points: 15, cap: null },
    demo_request: { label: '申请演示', points: 20, cap: { points: 20, days: 30 } },
    unsubscribe: { points: -10 },
  },
};

function score(behaviours: Behaviour[], r: EngagementRules = rules) {
  const explanation: ExplanationLine[] = [];
  const engagement = compileEngagementRules(r)(behaviours, now.getTime(), explanation);
  return { engagement, explanation };
}

describe('engagement points (SPEC §4.3)', () => {
  it('gives each behaviour type its points, one line per type', () => {
    expect(score([...events('download', 0, HOUR, 2 * HOUR), ...events('event_attend', 0)])).toEqual({
      engagement: 30,
      explanation: [
        { rule: '行为: 下载资料 (download) ×3', points: 15, code: 'behaviour', params: { type: 'download', count: 3 } },
        {
          rule: '行为: 参加活动 (event_attend) ×1',
          points: 15,
          code: 'behaviour',
          params: { type: 'event_attend', count: 1 },
        },
      ],
    });
  });

  it('ignores behaviour types the rules do not list', () => {
    expect(score(events('video_play', 0, 0))).toEqual({ engagement: 0, explanation: [] });
  });

  it('names a type without a label by its id', () => {
    expect(score(events('unsubscribe', 0)).explanation).toEqual([
      { rule: '行为: unsubscribe ×1', points: -10, code: 'behaviour', params: { type: 'unsubscribe', count: 1 } },
    ]);
  });
});

describe('decay (half-life, default 30 days)', () => {
  it('halves an event exactly one half-life old', () => {
    expect(score(events('demo_request', 30 * DAY))).toEqual({
      engagement: 10,
      explanation: [
        {
          rule: '行为: 申请演示 (demo_request) ×1',
          points: 20,
          code: 'behaviour',
          params: { type: 'demo_request', count: 1 },
        },
        { rule: '时间衰减: 半衰期30天', points: -10, code: 'decay', params: { halfLifeDays: 30 } },
      ],
    });
  });

  it('is exact to the hour: an event_attend (15) is 7.5 at 30 days, rounded half up to 8; an hour later 7', () => {
    expect(score(events('event_attend', 30 * DAY - HOUR)).engagement).toBe(8);
    expect(score(events('event_attend', 30 * DAY)).engagement).toBe(8);
    expect(score(events('event_attend', 30 * DAY + HOUR)).engagement).toBe(7);
    expect(score(events('event_attend', 30 * DAY + HOUR)).explanation).toEqual([
      {
        rule: '行为: 参加活动 (event_attend) ×1',
        points: 15,
        code: 'behaviour',
        params: { type: 'event_attend', count: 1 },
      },
      { rule: '时间衰减: 半衰期30天', points: -8, code: 'decay', params: { halfLifeDays: 30 } },
    ]);
  });

  it('quarters an event two half-lives old and leaves a fresh one whole', () => {
    expect(score(events('demo_request', 60 * DAY)).engagement).toBe(5);
    expect(score(events('demo_request', 0)).explanation).toEqual([
      {
        rule: '行为: 申请演示 (demo_request) ×1',
        points: 20,
        code: 'behaviour',
        params: { type: 'demo_request', count: 1 },
      },
    ]);
  });

  it('follows a configured half-life', () => {
    expect(score(events('demo_request', 7 * DAY), { ...rules, halfLifeDays: 7 }).engagement).toBe(10);
  });

  it('does not decay when the half-life is null', () => {
    expect(score(events('event_attend', 365 * DAY), { ...rules, halfLifeDays: null })).toEqual({
      engagement: 15,
      explanation: [
        {
          rule: '行为: 参加活动 (event_attend) ×1',
          points: 15,
          code: 'behaviour',
          params: { type: 'event_attend', count: 1 },
        },
      ],
    });
  });

  it('counts an event stamped after now (clock skew) as happening now', () => {
    expect(score(events('event_attend', -2 * DAY)).engagement).toBe(15);
  });

  it('lets negative points fade too: an old unsubscribe weighs less', () => {
    expect(score(events('unsubscribe', 30 * DAY)).explanation).toEqual([
      { rule: '行为: unsubscribe ×1', points: -10, code: 'behaviour', params: { type: 'unsubscribe', count: 1 } },
      { rule: '时间衰减: 半衰期30天', points: 5, code: 'decay', params: { halfLifeDays: 30 } },
    ]);
  });
});

describe('caps per type per period (windows counted back from now)', () => {
  it('removes page views over 10 points in the last 7 days, in a line of its own', () => {
    expect(score(events('page_view', ...times(25, HOUR)))).toEqual({
      engagement: 10,
      explanation: [
        {
          rule: '行为: 浏览页面 (page_view) ×25',
          points: 25,
          code: 'behaviour',
          params: { type: 'page_view', count: 25 },
        },
        {
          rule: '行为上限: 浏览页面 (page_view) 每7天最多10分',
          points: -15,
          code: 'behaviour_cap',
          params: { type: 'page_view', days: 7, points: 10 },
        },
      ],
    });
  });

  it('caps each 7-day window on its own: 10 this week and 10 the week before both count', () => {
    const result = score(events('page_view', ...times(10, HOUR), ...times(10, 8 * DAY)));
    expect(result.explanation.find((l) => l.rule.startsWith('行为上限'))).toBeUndefined();
  });

  it('puts an event exactly 7 days old in the earlier window, one a millisecond younger in the latest', () => {
    const capRemoved = (age: number) =>
      score(events('page_view', ...times(10, HOUR), ...times(5, age))).explanation.find((l) =>
        l.rule.startsWith('行为上限'),
      )?.points ?? 0;
    expect(capRemoved(7 * DAY)).toBe(0);
    expect(capRemoved(7 * DAY - 1)).toBe(-5);
  });

  it('counts one demo request per 30 days (and decay under half a point rounds away)', () => {
    expect(score(events('demo_request', 0, DAY, 2 * DAY))).toEqual({
      engagement: 20,
      explanation: [
        {
          rule: '行为: 申请演示 (demo_request) ×3',
          points: 60,
          code: 'behaviour',
          params: { type: 'demo_request', count: 3 },
        },
        {
          rule: '行为上限: 申请演示 (demo_request) 每30天最多20分',
          points: -40,
          code: 'behaviour_cap',
          params: { type: 'demo_request', days: 30, points: 20 },
        },
      ],
    });
  });

  it('keeps the same share of every event in an over-cap window, so arrival order does not matter', () => {
    // 10 views now and 10 six days ago: half of each survives the cap, then decays.
    const behaviours = events('page_view', ...times(10, 0), ...times(10, 6 * DAY));
    const expected = Math.round((10 + 10 * 0.5 ** (6 / 30)) / 2);
    expect(score(behaviours).engagement).toBe(expected);
    expect(score([...behaviours].reverse())).toEqual(score(behaviours));
  });

  it('applies caps before decay: the cap line is in whole points, decay takes what is left', () => {
    const { explanation, engagement } = score(events('download', ...times(4, 10 * DAY)));
    expect(explanation).toEqual([
      { rule: '行为: 下载资料 (download) ×4', points: 20, code: 'behaviour', params: { type: 'download', count: 4 } },
      {
        rule: '行为上限: 下载资料 (download) 每7天最多15分',
        points: -5,
        code: 'behaviour_cap',
        params: { type: 'download', days: 7, points: 15 },
      },
      { rule: '时间衰减: 半衰期30天', points: engagement - 15, code: 'decay', params: { halfLifeDays: 30 } },
    ]);
    expect(engagement).toBe(Math.round(15 * 0.5 ** (10 / 30)));
  });
});

describe('a compiled engagement scorer', () => {
  it('starts every lead afresh', () => {
    const scorer = compileEngagementRules(rules);
    const first: ExplanationLine[] = [];
    scorer(events('page_view', ...times(25, 0)), now.getTime(), first);
    const second: ExplanationLine[] = [];
    expect(scorer(events('download', 0), now.getTime(), second)).toBe(5);
    expect(second).toEqual([
      { rule: '行为: 下载资料 (download) ×1', points: 5, code: 'behaviour', params: { type: 'download', count: 1 } },
    ]);
  });

  it('handles many windows of history', () => {
    const yearOfDailyViews = events('page_view', ...Array.from({ length: 400 }, (_, d) => d * DAY));
    const explanation: ExplanationLine[] = [];
    const engagement = compileEngagementRules(rules)(yearOfDailyViews, now.getTime(), explanation);
    expect(explanation.reduce((sum, l) => sum + l.points, 0)).toBe(engagement);
    expect(explanation[0]).toEqual({
      rule: '行为: 浏览页面 (page_view) ×400',
      points: 400,
      code: 'behaviour',
      params: { type: 'page_view', count: 400 },
    });
  });
});
