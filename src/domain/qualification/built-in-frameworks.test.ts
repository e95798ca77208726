import { describe, expect, it } from 'vitest';
import { BANT, builtInFrameworks, CHAMP, MEDDIC } from './built-in-frameworks.js';
import { validateFrameworkDefinition } from './validate-framework.js';

const keys = (f: { criteria: { key: string }[] }) => f.criteria.map((c) => c.key);

describe('built-in frameworks (SPEC §4.1)', () => {
  it('use the answer keys the API fixes, in the order they are asked', () => {
    expect(keys(BANT)).toEqual(['budget', 'authority', 'need', 'timing']);
    expect(keys(CHAMP)).toEqual(['challenge', 'authority', 'money', 'priority']);
    expect(keys(MEDDIC)).toEqual([
      'metrics',
      'economicBuyer',
      'decisionCriteria',
      'decisionProcess',
      'identifyPain',
      'champion',
    ]);
    expect(builtInFrameworks.map((f) => f.id)).toEqual(['BANT', 'CHAMP', 'MEDDIC']);
  });

  it('ask the CHAMP challenge first, and weigh it most (seed 000)', () => {
    expect(CHAMP.criteria[0].key).toBe('challenge');
    expect(Math.max(...CHAMP.criteria.map((c) => c.points))).toBe(CHAMP.criteria[0].points);
  });

  it('take yes / no / unknown for every criterion, with a Chinese and an English question', () => {
    for (const f of builtInFrameworks) {
      expect(f.builtIn).toBe(true);
      for (const c of f.criteria) {
        expect(c.answer, `${f.id}.${c.key}`).toEqual({ type: 'yes_no_unknown' });
        expect(c.question.zh).toMatch(/[\u4e00-\u9fff].*？$/);
        expect(c.question.en).toMatch(/\?$/);
      }
    }
    expect(BANT.criteria[0].question.zh).toBe('是否有明确的预算？');
  });

  it('are each worth 40 points, so switching framework does not move the score scale', () => {
    for (const f of builtInFrameworks)
      expect(
        f.criteria.reduce((s, c) => s + c.points, 0),
        f.id,
      ).toBe(40);
  });

  it('pass their own validation as an unchanged edit', () => {
    for (const f of builtInFrameworks) {
      expect(validateFrameworkDefinition(f, { replacing: f })).toEqual({ ok: true, framework: f });
    }
  });
});
