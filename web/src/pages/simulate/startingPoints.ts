/**
 * What a candidate starts from (SPEC §8.6): a copy of the settings in force for the simulated
 * kind, as its settings API takes them — scoring {rules}, MQL definition {criteria}, routing
 * {rules, policy}, SLA {policy} — and, for the MQL definition, the versions awaiting approval.
 * The same queries (and cache keys) as the settings pages.
 */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import type { DefinitionOverview } from '../settings/DefinitionTypes';
import { definitionsKey } from '../settings/DefinitionTypes';
import { type RulesView, scoringRulesKey } from '../settings/ScoringTypes';
import type { SimulationKind } from './simulation';

export type CandidateBody = Record<string, unknown>;

export interface StartingPoints {
  /** The version in force (0: LeadLoop's defaults). */
  version: number;
  inForce: CandidateBody;
  /** MQL definition versions awaiting approval. */
  pending: { version: number; body: CandidateBody }[];
}

interface Settings {
  version: number;
  [key: string]: unknown;
}

const requests: Record<
  Exclude<SimulationKind, 'definition'>,
  { key: readonly unknown[]; path: string; parts: string[] }
> = {
  scoring: { key: scoringRulesKey, path: '/scoring/rules', parts: ['rules'] },
  routing: { key: ['routing-rules'], path: '/routing/rules', parts: ['rules', 'policy'] },
  sla: { key: ['sla-policy'], path: '/sla/policy', parts: ['policy'] },
};

const pick = (settings: Settings, parts: string[]): CandidateBody =>
  Object.fromEntries(parts.map((part) => [part, settings[part]]));

/** The candidate body as the text the leader edits: an array's items one a line (a criterion, a rule). */
export function candidateText(body: CandidateBody): string {
  const entries = Object.entries(body).map(([key, value]) => {
    const text = Array.isArray(value)
      ? value.length
        ? `[\n${value.map((item) => `    ${JSON.stringify(item)}`).join(',\n')}\n  ]`
        : '[]'
      : JSON.stringify(value, null, 2).replace(/\n/g, '\n  ');
    return `  ${JSON.stringify(key)}: ${text}`;
  });
  return `{\n${entries.join(',\n')}\n}`;
}

/** GET /definitions: the server's now (`at`, for the default period) and the MQL definition's versions. */
export function useDefinitions() {
  return useQuery({
    queryKey: definitionsKey,
    queryFn: () => api<{ at: string; items: DefinitionOverview[] }>('GET', '/definitions'),
  });
}

export function useStartingPoints(kind: SimulationKind): {
  data: StartingPoints | undefined;
  error: unknown;
  isPending: boolean;
} {
  const definitions = useDefinitions();
  const request = kind === 'definition' ? null : requests[kind];
  const settings = useQuery({
    queryKey: request?.key ?? ['simulate-none'],
    queryFn: () => api<Settings | RulesView>('GET', request?.path ?? ''),
    enabled: !!request,
  });
  if (!request) {
    const mql = definitions.data?.items.find((i) => i.kind === 'mql');
    return {
      data: mql && {
        version: mql.inForce.version,
        inForce: { criteria: mql.inForce.criteria },
        pending: mql.pending.map((p) => ({ version: p.version, body: { criteria: p.criteria } })),
      },
      error: definitions.error,
      isPending: definitions.isPending,
    };
  }
  const view = settings.data as Settings | undefined;
  return {
    data: view && { version: view.version, inForce: pick(view, request.parts), pending: [] },
    error: settings.error,
    isPending: settings.isPending,
  };
}
