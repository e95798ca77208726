/**
 * Synthetic lead history with a known generating model, for the quality tests and the bench
 * (issue 9: "test on synthetic data with a known generating model"). Each lead's true
 * probability is sigmoid of a known logit, so a trained model can be checked against the
 * truth: the sign and order of the effects, and the AUC the truth itself reaches.
 * Test and bench support only: nothing in the product imports it.
 */
import type { Example, FeatureValue } from './examples.js';
import { sigmoid } from './logistic.js';
import { SeededRandom } from './seeded-random.js';

/** True log-odds effects; each set sums to 0, so the signs are those of a full one-hot fit. */
export const TRUE_EFFECTS = {
  channel: { referral: 1.2, event: 0.7, webinar: 0.25, organic_search: -0.25, paid_search: -0.7, cold_list: -1.2 },
  seniority: { c_level: 0.8, director: 0.3, manager: -0.2, staff: -0.9 },
} as const;

const SENIORITY_SHARE = { c_level: 0.1, director: 0.2, manager: 0.3, staff: 0.4 } as const;
const INDUSTRIES = ['manufacturing', 'retail', 'finance', 'software', 'education', 'health', 'logistics', 'energy'];
const INTERCEPT = -1.7;
const YEAR_MS = 365 * 24 * 3600 * 1000;

export interface SyntheticLead extends Example {
  /** The generator's own probability for this lead. */
  trueProbability: number;
}

export interface SyntheticOptions {
  seed?: number;
  /** Add columns known only after the outcome: `closingRep` (set for positives) and `finalStage`. */
  leaky?: boolean;
  /** Add this many noise categories (`field.extra_k`, 20 levels each) to make the data wide. */
  extraNoise?: number;
  /** Leads are captured uniformly over the 12 months from here. */
  from?: Date;
}

export function syntheticLeads(count: number, options: SyntheticOptions = {}): SyntheticLead[] {
  const random = new SeededRandom(options.seed ?? 1);
  const from = (options.from ?? new Date(Date.UTC(2025, 0, 1))).getTime();
  const channels = Object.keys(TRUE_EFFECTS.channel) as (keyof typeof TRUE_EFFECTS.channel)[];
  const seniorities = Object.keys(SENIORITY_SHARE) as (keyof typeof SENIORITY_SHARE)[];
  const pickSeniority = () => {
    let r = random.next();
    for (const level of seniorities) {
      r -= SENIORITY_SHARE[level];
      if (r < 0) return level;
    }
    return seniorities[seniorities.length - 1];
  };

  return Array.from({ length: count }, (_, i) => {
    const channel = channels[Math.floor(random.next() * channels.length)];
    const seniority = pickSeniority();
    const logEmployees = random.next() < 0.15 ? undefined : 2 + 0.8 * normal(random);
    const demos = poisson(random, 0.25);
    const pageViews = poisson(random, 4);
    const budgetDraw = random.next();
    const budget = budgetDraw < 0.3 ? 'yes' : budgetDraw < 0.7 ? 'no' : undefined;
    const z =
      INTERCEPT +
      TRUE_EFFECTS.channel[channel] +
      TRUE_EFFECTS.seniority[seniority] +
      0.5 * ((logEmployees ?? 2) - 2) +
      0.9 * Math.min(demos, 3) +
      0.08 * pageViews +
      (budget === 'yes' ? 0.6 : budget === 'no' ? -0.3 : 0);
    const trueProbability = sigmoid(z);
    const label: 0 | 1 = random.next() < trueProbability ? 1 : 0;
    const values: Record<string, FeatureValue> = {
      channel,
      seniority,
      employees: logEmployees === undefined ? null : Math.round(10 ** logEmployees),
      'behaviour.demo_request.count': demos,
      'behaviour.page_view.count': pageViews,
      'answer.bant.budget': budget,
      industry: INDUSTRIES[Math.floor(random.next() * INDUSTRIES.length)],
      'field.noise': normal(random).toFixed(3),
    };
    for (let k = 0; k < (options.extraNoise ?? 0); k++)
      values[`field.extra_${k}`] = `v${Math.floor(random.next() * 20)}`;
    if (options.leaky) {
      values.closingRep = label === 1 ? `rep-${1 + Math.floor(random.next() * 5)}` : null;
      values.finalStage = label === 1 ? 'sql' : random.next() < 0.5 ? 'nurture' : 'disqualified';
    }
    return {
      id: `lead-${i}`,
      capturedAt: new Date(from + Math.floor(random.next() * YEAR_MS)),
      values,
      label,
      trueProbability,
    };
  });
}

function normal(random: SeededRandom): number {
  const u = 1 - random.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}

function poisson(random: SeededRandom, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = random.next(); p > limit; p *= random.next()) k++;
  return k;
}
