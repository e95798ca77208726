/** The report API's answers the dashboard and the planner read (src/http/routes/reports.ts, economics.ts). */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';

export const funnelDimensions = ['channel', 'campaign', 'sdr', 'rep', 'region', 'industry', 'size'] as const;
export type FunnelDimension = (typeof funnelDimensions)[number];
export const funnelStages = ['lead', 'validLead', 'mql', 'sql', 'opportunity', 'won'] as const;
export type FunnelStage = (typeof funnelStages)[number];

export interface Period {
  from?: string;
  to?: string;
}

export interface FunnelRow {
  key: string | null;
  label: string | null;
  leads: number;
  validLeads: number;
  mqls: number;
  sqls: number;
  opportunities: number;
  won: number;
  wonAmount: number;
  conversion: {
    leadToValidLead: number | null;
    validLeadToMql: number | null;
    mqlToSql: number | null;
    sqlToOpportunity: number | null;
    opportunityToWon: number | null;
    leadToWon: number | null;
  };
  medianHoursInStage: { lead: number | null; mql: number | null; sql: number | null; opportunity: number | null };
  leakage: {
    stage: FunnelStage;
    kind: 'disqualify' | 'reject' | 'return' | 'lose';
    reason: string | null;
    labelZh: string | null;
    labelEn: string | null;
    count: number;
  }[];
}

export interface FunnelReport {
  period: { from: string; to: string };
  by: FunnelDimension;
  definitions: { kind: string; version: number; effectiveFrom: string }[];
  rows: FunnelRow[];
  total: FunnelRow;
}

export interface EconomicsRow {
  key: string | null;
  label: string | null;
  spend: number;
  leads: number;
  mqls: number;
  sqls: number;
  opportunities: number;
  won: number;
  wonAmount: number;
  costPer: {
    lead: number | null;
    mql: number | null;
    sql: number | null;
    opportunity: number | null;
    won: number | null;
  };
  revenue: number;
  roi: number | null;
}

export interface EconomicsReport {
  by: 'channel' | 'campaign';
  spendMonths: { first: string; last: string };
  rows: EconomicsRow[];
  total: EconomicsRow;
}

export interface ResponsivenessRow {
  key: string | null;
  label: string | null;
  received: number;
  accepted: number;
  rejected: number;
  returned: number;
  recalled: number;
  pending: number;
  acceptanceRate: number | null;
  slaCompliance: number | null;
  onTime: number;
  slaDue: number;
  breaches: number;
  medianHours: number | null;
  p90Hours: number | null;
  reasons: {
    kind: 'reject' | 'return';
    code: string | null;
    labelZh: string | null;
    labelEn: string | null;
    count: number;
  }[];
}

export interface ResponsivenessReport {
  rows: ResponsivenessRow[];
  total: ResponsivenessRow;
}

export interface SdrRow {
  sdrId: string;
  name: string;
  calls: number;
  talkTimeSec: number;
  leadsContacted: number;
  mqls: number;
  sqls: number;
  creditedSqls: number;
  provisionalCredit: number;
  opportunities: number;
}

export interface SdrReport {
  scope: 'all' | 'own';
  rows: SdrRow[];
}

export function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) search.set(k, v);
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function useReport<T>(path: string, params: Record<string, string | undefined>) {
  const q = query(params);
  return useQuery({
    queryKey: ['reports', path, q],
    queryFn: () => api<T>('GET', `${path}${q}`),
    retry: false,
  });
}

/** The row's counts in stage order. */
export function stageCounts(row: FunnelRow): Record<FunnelStage, number> {
  return {
    lead: row.leads,
    validLead: row.validLeads,
    mql: row.mqls,
    sql: row.sqls,
    opportunity: row.opportunities,
    won: row.won,
  };
}
