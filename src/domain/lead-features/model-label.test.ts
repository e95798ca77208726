import { describe, expect, it } from 'vitest';
import { modelLabel } from './model-label.js';
import { testSource } from './test-source.js';

const now = new Date('2026-04-01T00:00:00Z');
const old = new Date('2025-12-01T00:00:00Z');

describe('modelLabel', () => {
  it('reads a history lead’s outcome against the target stage', () => {
    const history = (outcome: string | null) => testSource({ history: true, outcome });
    expect(['sql', 'opportunity', 'won'].map((t) => modelLabel(history('opportunity'), t as 'sql', now))).toEqual([
      1, 1, 0,
    ]);
    // lost is an opportunity lost: it got past SQL and opportunity, not to a win
    expect(['sql', 'opportunity', 'won'].map((t) => modelLabel(history('lost'), t as 'sql', now))).toEqual([1, 1, 0]);
    expect(modelLabel(history('won'), 'sql', now)).toBe(1);
    expect(modelLabel(history('not_converted'), 'sql', now)).toBe(0);
    expect(modelLabel(history(null), 'won', now)).toBeNull();
  });

  it('counts a live lead positive once it reached the stage, negative when closed or matured, else unknown', () => {
    expect(modelLabel(testSource({ reachedAt: now }), 'sql', now)).toBe(1);
    expect(modelLabel(testSource({ status: 'disqualified' }), 'sql', now)).toBe(0);
    expect(modelLabel(testSource({ status: 'nurturing', createdAt: old }), 'sql', now)).toBe(0);
    expect(modelLabel(testSource({ status: 'working' }), 'sql', now)).toBeNull();
  });
});
