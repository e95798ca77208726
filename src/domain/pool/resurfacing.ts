/**
 * Re-surfacing (SPEC §7): a pooled lead that matures goes back to the SDR queue with the
 * trigger shown. Two triggers: the score rising across the threshold (from below to at least
 * it: a lead that sits above it after a threshold change does not count), and a key behaviour.
 * The trigger is kept as text on the lead (`resurfaced_trigger`), read by the queue as is.
 */
import type { PoolPolicy } from './pool-policy.js';

/** The trigger text when the score crossed the threshold upward; null otherwise. */
export function scoreTrigger(before: number, after: number, policy: PoolPolicy): string | null {
  const threshold = policy.resurfacing.scoreThreshold;
  return before < threshold && after >= threshold ? `score ${after} ≥ ${threshold}` : null;
}

export function behaviourTriggerText(type: string): string {
  return `behaviour ${type}`;
}

/** The trigger text when this behaviour is one of the key behaviours; null otherwise. */
export function behaviourTrigger(type: string, policy: PoolPolicy): string | null {
  return (policy.resurfacing.behaviours as readonly string[]).includes(type) ? behaviourTriggerText(type) : null;
}
