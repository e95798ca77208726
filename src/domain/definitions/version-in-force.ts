/**
 * Which definition version counts at a moment (SPEC §4.2). Only approved versions count, and a
 * version takes effect no earlier than its approval, so approving a new version never changes
 * what an earlier moment resolves to. Two versions effective at the same moment: the one
 * approved later wins (it was agreed knowing the other).
 */
import type { DefinitionKind } from './definition-body.js';
import type { DefinitionVersion } from './definition-version.js';

function later(a: DefinitionVersion, b: DefinitionVersion): boolean {
  const by = (x: DefinitionVersion) => [x.effectiveFrom.getTime(), x.approvedAt?.getTime() ?? 0, x.version];
  const [ka, kb] = [by(a), by(b)];
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] > kb[i];
  return false;
}

export function versionInForce(
  history: readonly DefinitionVersion[],
  kind: DefinitionKind,
  at: Date,
): DefinitionVersion | undefined {
  let best: DefinitionVersion | undefined;
  for (const v of history) {
    if (v.body.kind !== kind || v.status !== 'approved' || v.effectiveFrom.getTime() > at.getTime()) continue;
    if (!best || later(v, best)) best = v;
  }
  return best;
}

/**
 * Every version in force at some moment of [from, to], oldest first: what a report over that
 * period counted with ("Every report states the definition version(s) it counted with").
 */
export function versionsInForceDuring(
  history: readonly DefinitionVersion[],
  kind: DefinitionKind,
  from: Date,
  to: Date,
): DefinitionVersion[] {
  const moments = [
    from,
    ...history
      .filter((v) => v.body.kind === kind && v.status === 'approved')
      .map((v) => v.effectiveFrom)
      .filter((t) => t.getTime() > from.getTime() && t.getTime() <= to.getTime())
      .sort((a, b) => a.getTime() - b.getTime()),
  ];
  const seen: DefinitionVersion[] = [];
  for (const at of moments) {
    const v = versionInForce(history, kind, at);
    if (v && !seen.includes(v)) seen.push(v);
  }
  return seen;
}
