import { describe, expect, it } from 'vitest';
import type { EncoderSpec } from './encoder.js';
import { sigmoid } from './logistic.js';
import type { Scorer } from './model.js';
import { explainPrediction, predictProbability } from './predict.js';

// columns: channel referral(0) web(1) other(2) missing(3); visits ≤2(4) >2(5) missing(6); trial yes(7) missing(8)
const encoder: EncoderSpec = {
  dims: 9,
  features: [
    { feature: 'channel', type: 'categorical', offset: 0, levels: ['referral', 'web'] },
    { feature: 'visits', type: 'numeric', offset: 4, cuts: [2] },
    { feature: 'trial', type: 'yesno', offset: 7 },
  ],
};
const model: Scorer = {
  encoder,
  intercept: -1,
  coefficients: [1.5, -0.5, 0.2, -0.8, 0, 0.7, -0.3, 0.4, 0],
  calibration: { a: 0.8, b: 0.1 },
};
const calibrated = (z: number) => sigmoid(0.8 * z + 0.1);

describe('predictProbability', () => {
  it('adds the weights of the lead’s terms and calibrates', () => {
    expect(predictProbability(model, { channel: 'referral', visits: 5, trial: 'yes' })).toBeCloseTo(
      calibrated(-1 + 1.5 + 0.7 + 0.4),
      14,
    );
    // unseen level → other; unreadable number → missing; "no" has no column
    expect(predictProbability(model, { channel: 'fax', visits: 'lots', trial: false })).toBeCloseTo(
      calibrated(-1 + 0.2 - 0.3),
      14,
    );
    expect(predictProbability(model, {})).toBeCloseTo(calibrated(-1 - 0.8 - 0.3), 14);
  });
});

describe('explainPrediction', () => {
  it('gives each term’s effect as the probability with it minus without it, biggest first', () => {
    const z = -1 + 1.5 + 0 + 0.4;
    const { probability, factors } = explainPrediction(model, { channel: 'referral', visits: 1, trial: true });
    expect(probability).toBeCloseTo(calibrated(z), 14);
    expect(factors).toEqual([
      {
        term: { feature: 'channel', kind: 'level', level: 'referral' },
        effect: expect.closeTo(calibrated(z) - calibrated(z - 1.5), 14),
      },
      { term: { feature: 'trial', kind: 'yes' }, effect: expect.closeTo(calibrated(z) - calibrated(z - 0.4), 14) },
    ]); // visits ≤ 2 weighs 0: no effect, not listed
  });

  it('keeps the top N and says negative effects too', () => {
    const { factors } = explainPrediction(model, { channel: 'web', visits: null, trial: '是' }, 2);
    // weights: web −0.5, trial yes +0.4, visits missing −0.3 (left out: only the top 2)
    expect(factors.map((f) => f.term)).toEqual([
      { feature: 'channel', kind: 'level', level: 'web' },
      { feature: 'trial', kind: 'yes' },
    ]);
    expect(factors[0].effect).toBeLessThan(0);
    expect(factors[1].effect).toBeGreaterThan(0);
  });
});
