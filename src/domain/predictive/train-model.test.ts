import { describe, expect, it } from 'vitest';
import type { CategoricalEncoding } from './encoder.js';
import type { Example } from './examples.js';
import { holdoutSplit } from './holdout-split.js';
import { LEAKAGE_REASON } from './leakage-screen.js';
import { logit, sigmoid } from './logistic.js';
import { rocAuc } from './metrics.js';
import type { PredictiveModel } from './model.js';
import { predictProbability } from './predict.js';
import { SeededRandom } from './seeded-random.js';
import { syntheticLeads, TRUE_EFFECTS } from './synthetic-leads.js';
import { trainModel } from './train-model.js';

function trained(examples: readonly Example[], seed = 1): PredictiveModel {
  const result = trainModel(examples, { seed, target: 'sql' });
  if (result.kind !== 'trained') throw new Error(`expected a model, got ${JSON.stringify(result)}`);
  return result.model;
}

/** The model's weight for each level of a categorical feature. */
function levelWeights(model: PredictiveModel, feature: string): Record<string, number> {
  const encoding = model.encoder.features.find((f) => f.feature === feature) as CategoricalEncoding;
  return Object.fromEntries(encoding.levels.map((level, i) => [level, model.coefficients[encoding.offset + i]]));
}

const byValue = (weights: Record<string, number>) => Object.keys(weights).sort((a, b) => weights[a] - weights[b]);

describe('trainModel on too little history', () => {
  const leads = syntheticLeads(2000, { seed: 5 });
  const sample = (labelled: number, positives: number) => [
    ...leads.filter((l) => l.label === 1).slice(0, positives),
    ...leads.filter((l) => l.label === 0).slice(0, labelled - positives),
  ];

  it('says how many more labelled leads and positives it needs', () => {
    expect(trainModel(sample(150, 20))).toEqual({
      kind: 'not_enough',
      labelled: 150,
      positives: 20,
      needLabelled: 50,
      needPositives: 10,
      needNegatives: 0,
    });
    expect(trainModel(sample(500, 29))).toMatchObject({ kind: 'not_enough', needLabelled: 0, needPositives: 1 });
    expect(trainModel(sample(199, 60))).toMatchObject({ kind: 'not_enough', needLabelled: 1, needPositives: 0 });
    // Every lead converted: nothing to tell converters from.
    expect(trainModel(sample(300, 290))).toMatchObject({ kind: 'not_enough', needLabelled: 0, needNegatives: 20 });
  });

  it('trains from 200 labelled leads with 30 positives', () => {
    expect(trainModel(sample(200, 30)).kind).toBe('trained');
  });
});

describe('trainModel on synthetic leads with a known generating model (20,000 leads)', () => {
  const leads = syntheticLeads(20_000, { seed: 3, leaky: true });
  const model = trained(leads);
  const { test } = holdoutSplit(leads, { seed: 1 });

  it('evaluates on the newest 30% it did not learn from', () => {
    const positives = leads.filter((l) => l.label === 1).length;
    expect(model.metrics).toMatchObject({ n: 20_000, positives, trainN: 14_000, testN: 6_000 });
    expect(model.metrics.baseRate).toBeCloseTo(positives / 20_000, 12);
    expect(model.target).toBe('sql');
  });

  it('recovers the sign and order of the true channel and seniority effects', () => {
    for (const feature of ['channel', 'seniority'] as const) {
      const weights = levelWeights(model, feature);
      const truth: Record<string, number> = TRUE_EFFECTS[feature];
      expect(byValue(weights)).toEqual(byValue(truth));
      for (const level of Object.keys(truth)) expect(Math.sign(weights[level])).toBe(Math.sign(truth[level]));
    }
  });

  it('ranks test leads within 0.02 AUC of the generator’s own probabilities', () => {
    const truthAuc = rocAuc(
      test.map((l) => l.trueProbability),
      test.map((l) => l.label),
    );
    expect(model.metrics.auc).not.toBeNull();
    expect(Math.abs((model.metrics.auc ?? 0) - truthAuc)).toBeLessThanOrEqual(0.02);
    // the reported AUC is the stored model's, on exactly those test leads
    const probabilities = test.map((l) => predictProbability(model, l.values));
    expect(
      rocAuc(
        probabilities,
        test.map((l) => l.label),
      ),
    ).toBe(model.metrics.auc);
  });

  it('is calibrated within 0.05 in every decile of 200 leads or more', () => {
    expect(model.metrics.calibration).toHaveLength(10);
    for (const bin of model.metrics.calibration.filter((b) => b.n >= 200)) {
      expect(Math.abs(bin.predicted - bin.observed)).toBeLessThanOrEqual(0.05);
    }
    expect(model.metrics.brier).toBeLessThan(0.2);
    expect(model.metrics.liftTopDecile).toBeGreaterThan(2);
  });

  it('leaves out columns only known after the outcome, and names them', () => {
    expect(model.excluded).toEqual([
      { feature: 'closingRep', auc: 1, reason: LEAKAGE_REASON },
      { feature: 'finalStage', auc: 1, reason: LEAKAGE_REASON },
    ]);
    const features = model.encoder.features.map((f) => f.feature);
    expect(features).not.toContain('closingRep');
    expect(features).not.toContain('finalStage');
    const lead = test[0].values;
    expect(predictProbability(model, { ...lead, closingRep: 'rep-1', finalStage: 'sql' })).toBe(
      predictProbability(model, { ...lead, closingRep: null, finalStage: 'disqualified' }),
    );
    expect(model.topFeatures.map((f) => f.term.feature)).not.toContain('closingRep');
  });

  it('lists the strongest true effects as top features, not the noise', () => {
    const top = model.topFeatures.slice(0, 10).map((f) => f.term);
    expect(top).toContainEqual({ feature: 'channel', kind: 'level', level: 'referral' });
    expect(top).toContainEqual({ feature: 'seniority', kind: 'level', level: 'c_level' });
    expect(top.map((t) => t.feature)).not.toContain('industry');
    expect(top.map((t) => t.feature)).not.toContain('field.noise');
    const effects = model.topFeatures.map((f) => Math.abs(f.effect));
    expect(effects).toEqual([...effects].sort((a, b) => b - a));
  });

  it('is plain JSON that scores the same after storing, and the same seed trains the same model', () => {
    const stored: PredictiveModel = JSON.parse(JSON.stringify(model));
    for (const lead of test.slice(0, 50)) {
      expect(predictProbability(stored, lead.values)).toBe(predictProbability(model, lead.values));
    }
    expect(trained(leads.slice(0, 3000))).toEqual(trained(leads.slice(0, 3000)));
  });
});

describe('trainModel when the rate has risen lately', () => {
  it('calibrates on the newest training leads, so its probabilities follow the recent rate', () => {
    const shiftFrom = Date.UTC(2025, 6, 1);
    const random = new SeededRandom(21);
    const leads = syntheticLeads(10_000, { seed: 4 }).map((lead) => {
      if (lead.capturedAt.getTime() < shiftFrom) return lead;
      const p = sigmoid(logit(lead.trueProbability) + 0.8);
      return { ...lead, label: (random.next() < p ? 1 : 0) as 0 | 1 };
    });
    const model = trained(leads);
    expect(model.calibration.b).toBeGreaterThan(0.3);
    const predicted = model.metrics.calibration.reduce((sum, bin) => sum + bin.predicted * bin.n, 0);
    const observed = model.metrics.calibration.reduce((sum, bin) => sum + bin.observed * bin.n, 0);
    expect(Math.abs(predicted - observed) / model.metrics.testN).toBeLessThan(0.03);
  });
});

describe('trainModel on history imported with a single capture date', () => {
  it('holds out a random 30% stratified by outcome and still trains', () => {
    const capturedAt = new Date(Date.UTC(2026, 5, 1));
    const leads = syntheticLeads(2000, { seed: 8 }).map((l) => ({ ...l, capturedAt }));
    const model = trained(leads);
    const positives = leads.filter((l) => l.label === 1).length;
    expect(model.metrics.testN).toBe(600);
    expect(model.metrics.auc).toBeGreaterThan(0.7);
    const { test } = holdoutSplit(leads, { seed: 1 });
    expect(test.filter((l) => l.label === 1).length).toBe(Math.round((600 * positives) / 2000));
  });
});
