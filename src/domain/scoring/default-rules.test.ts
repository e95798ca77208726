import { describe, expect, it } from 'vitest';
import { SENIORITY_LEVELS } from '../seniority/seniority-level.js';
import { defaultScoringRules } from './default-rules.js';
import { validateScoringRules } from './validate-rules.js';

describe('the scoring rules LeadLoop ships (SPEC §4.3)', () => {
  const rules = defaultScoringRules();

  it('are valid rules an admin could have saved', () => {
    expect(validateScoringRules(rules).ok).toBe(true);
  });

  it('fit senior titles better: C-level > VP > director > manager > staff > intern', () => {
    const ranked = SENIORITY_LEVELS.filter((l) => l !== 'unknown').map((l) => rules.fit.seniority[l]);
    expect(ranked).toEqual([...ranked].sort((a, b) => b - a));
    expect(new Set(ranked).size).toBe(ranked.length);
  });

  it('fit larger companies better', () => {
    const byMin = [...rules.fit.employees.bands].sort((a, b) => a.min - b.min).map((b) => b.points);
    expect(byMin).toEqual([...byMin].sort((a, b) => a - b));
  });

  it('weigh demo requests and event attendance more than page views', () => {
    const { behaviours } = rules.engagement;
    expect(behaviours.demo_request.points).toBeGreaterThan(behaviours.page_view.points);
    expect(behaviours.event_attend.points).toBeGreaterThan(behaviours.page_view.points);
    expect(rules.engagement.halfLifeDays).toBe(30);
  });

  it('are a fresh copy each time, so editing one never changes the next', () => {
    const mine = defaultScoringRules();
    mine.fit.seniority.c_level = 0;
    mine.engagement.behaviours.page_view.points = 99;
    expect(defaultScoringRules().fit.seniority.c_level).toBe(25);
    expect(defaultScoringRules().engagement.behaviours.page_view.points).toBe(1);
  });
});
