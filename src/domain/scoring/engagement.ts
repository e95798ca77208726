/**
 * Engagement (SPEC §4.3): points per behaviour, capped per period, fading with time.
 *
 * How a behaviour's points are counted, in this order:
 * 1. **Points**: every event of a listed type gives that type's points ("行为: 浏览页面
 *    (page_view) ×25" +25). Types the rules do not list give nothing.
 * 2. **Caps**: periods are consecutive windows counted back from `now` — (now − d, now],
 *    (now − 2d, now − d], … for a cap of d days; an event exactly d days old is in the second —
 *    so "page_view at most 10 per 7 days" means at most 10 points from the last 7 days, 10 from
 *    the 7 before, and so on. Rolling with `now` rather than fixed calendar weeks keeps "the last
 *    7 days" meaning what an SDR expects whenever the score is computed. Points over the cap in
 *    a window are removed ("行为上限: 浏览页面 (page_view) 每7天最多10分" −15). Every event in an
 *    over-cap window keeps the same share (cap ÷ points in the window), so the result does not
 *    depend on the order events arrive in.
 * 3. **Decay**: what is left of an event of age t counts × 0.5^(t / half-life); one line says how
 *    much decay removed ("时间衰减: 半衰期30天" −7).
 * The engagement sub-total is the decayed sum rounded to a whole number, and the decay line is
 * that total minus the (whole) points and caps above it — so the lines add up exactly and decay
 * is the only place rounding happens. An event stamped after `now` (clock skew) counts as now.
 *
 * Compiled once per rule set; scoring reuses scratch arrays, so it is not re-entrant (it is
 * synchronous, which is all JavaScript needs).
 */
import type { EngagementRules, ExplanationLine, ExplanationParams } from './scoring-rules.js';

export interface Behaviour {
  type: string;
  at: Date;
}

/** Appends the engagement lines to `out` and returns their sum. */
export type EngagementScorer = (behaviours: readonly Behaviour[], nowMs: number, out: ExplanationLine[]) => number;

const DAY_MS = 86_400_000;

export function compileEngagementRules(rules: EngagementRules): EngagementScorer {
  const types = Object.keys(rules.behaviours);
  const n = types.length;
  const typeIndex = new Map(types.map((type, i) => [type, i]));
  const points = new Float64Array(n);
  const capPoints = new Float64Array(n);
  const capMs = new Float64Array(n); // 0 = no cap
  const typeLabels: string[] = [];
  const capLabels: string[] = [];
  const capParams: ExplanationParams[] = [];
  types.forEach((type, i) => {
    const rule = rules.behaviours[type];
    points[i] = rule.points;
    const name = rule.label ? `${rule.label} (${type})` : type;
    typeLabels.push(`行为: ${name} ×`);
    if (rule.cap) {
      capPoints[i] = rule.cap.points;
      capMs[i] = rule.cap.days * DAY_MS;
      capLabels.push(`行为上限: ${name} 每${rule.cap.days}天最多${rule.cap.points}分`);
      capParams.push(Object.freeze({ type, days: rule.cap.days, points: rule.cap.points }));
    } else {
      capLabels.push('');
      capParams.push({});
    }
  });
  // 0.5^(age × rate): a rate of 0 makes every factor 1, which is "no decay" without a branch.
  const decayRate = rules.halfLifeDays ? 1 / (rules.halfLifeDays * DAY_MS) : 0;
  const decayLabel = `时间衰减: 半衰期${rules.halfLifeDays}天`;
  const decayParams: ExplanationParams = Object.freeze({ halfLifeDays: rules.halfLifeDays });

  // Scratch, reset per lead.
  const count = new Int32Array(n);
  const raw = new Float64Array(n);
  const capped = new Float64Array(n);
  // One slot per (type, cap window) that has events; keyed window × n + type.
  const slotOf = new Map<number, number>();
  let slotType = new Int32Array(16);
  let slotRaw = new Float64Array(16);
  let slotDecayed = new Float64Array(16);

  const newSlot = (slot: number) => {
    if (slot < slotType.length) return;
    const grow = <T extends Int32Array | Float64Array>(a: T, make: (size: number) => T): T => {
      const bigger = make(a.length * 2);
      bigger.set(a);
      return bigger;
    };
    slotType = grow(slotType, (s) => new Int32Array(s));
    slotRaw = grow(slotRaw, (s) => new Float64Array(s));
    slotDecayed = grow(slotDecayed, (s) => new Float64Array(s));
  };

  return (behaviours, nowMs, out) => {
    count.fill(0);
    raw.fill(0);
    capped.fill(0);
    slotOf.clear();
    let slots = 0;
    let kept = 0; // decayed points that survive the caps

    for (let e = 0; e < behaviours.length; e++) {
      const behaviour = behaviours[e];
      const t = typeIndex.get(behaviour.type);
      if (t === undefined) continue;
      const age = Math.max(0, nowMs - behaviour.at.getTime());
      const p = points[t];
      const decayed = p * 0.5 ** (age * decayRate);
      count[t]++;
      raw[t] += p;
      if (capMs[t] === 0) {
        kept += decayed;
        continue;
      }
      const key = Math.floor(age / capMs[t]) * n + t;
      let slot = slotOf.get(key);
      if (slot === undefined) {
        slot = slots++;
        newSlot(slot);
        slotOf.set(key, slot);
        slotType[slot] = t;
        slotRaw[slot] = 0;
        slotDecayed[slot] = 0;
      }
      slotRaw[slot] += p;
      slotDecayed[slot] += decayed;
    }

    for (let s = 0; s < slots; s++) {
      const cap = capPoints[slotType[s]];
      if (slotRaw[s] > cap) {
        capped[slotType[s]] += slotRaw[s] - cap;
        kept += slotDecayed[s] * (cap / slotRaw[s]);
      } else {
        kept += slotDecayed[s];
      }
    }

    let sum = 0;
    for (let t = 0; t < n; t++) {
      if (raw[t] === 0) continue;
      out.push({
        rule: typeLabels[t] + count[t],
        points: raw[t],
        code: 'behaviour',
        params: { type: types[t], count: count[t] },
      });
      sum += raw[t];
    }
    for (let t = 0; t < n; t++) {
      if (capped[t] === 0) continue;
      out.push({ rule: capLabels[t], points: -capped[t], code: 'behaviour_cap', params: capParams[t] });
      sum -= capped[t];
    }
    const engagement = Math.round(kept);
    if (engagement !== sum) {
      out.push({ rule: decayLabel, points: engagement - sum, code: 'decay', params: decayParams });
    }
    return engagement;
  };
}
