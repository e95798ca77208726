/**
 * A stage definition over time (SPEC §4.2: a new version never changes history): the spans in
 * which each version was in force, so a report judges each lead by the version in force when it
 * was captured, and states every version it counted with.
 */
import type { DefinitionKind } from '../definitions/definition-body.js';
import type { DefinitionVersion } from '../definitions/definition-version.js';
import { versionInForce, versionsInForceDuring } from '../definitions/version-in-force.js';

export interface DefinitionSegment {
  version: DefinitionVersion;
  /** In force from (inclusive). */
  from: Date;
  /** Until (exclusive); null = still in force. */
  until: Date | null;
}

/** Consecutive spans, oldest first; a version that never took effect has none. */
export function definitionSegments(history: readonly DefinitionVersion[], kind: DefinitionKind): DefinitionSegment[] {
  const moments = [
    ...new Set(
      history.filter((v) => v.body.kind === kind && v.status === 'approved').map((v) => v.effectiveFrom.getTime()),
    ),
  ].sort((a, b) => a - b);
  const segments: DefinitionSegment[] = [];
  for (const t of moments) {
    const version = versionInForce(history, kind, new Date(t));
    if (!version) continue;
    const last = segments[segments.length - 1];
    if (last && last.version === version) continue;
    if (last) last.until = new Date(t);
    segments.push({ version, from: new Date(t), until: null });
  }
  return segments;
}

export interface CountedDefinition {
  kind: DefinitionKind;
  version: number;
  /** When this version took effect. */
  effectiveFrom: Date;
}

/** The versions of each kind in force at some moment of [from, to]: what a report counted with. */
export function definitionsCountedWith(
  history: readonly DefinitionVersion[],
  kinds: readonly DefinitionKind[],
  from: Date,
  to: Date,
): CountedDefinition[] {
  return kinds.flatMap((kind) =>
    versionsInForceDuring(history, kind, from, to).map((v) => ({
      kind,
      version: v.version,
      effectiveFrom: v.effectiveFrom,
    })),
  );
}
