/** The report API's answers the dashboard and the planner read (src/http/routes/reports.ts, economics.ts). */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { type FunnelStage, funnelDimensions, funnelStages } from '../../../../src/domain/reports/funnel.js';
import type { ChannelEconomicsReport, EconomicsRow } from '../../../../src/services/economics/channel-economics.js';
import type { FunnelRow, FunnelReport as ServerFunnelReport } from '../../../../src/services/reports/funnel-report.js';
import type {
  ResponsivenessRow,
  ResponsivenessReport as ServerResponsivenessReport,
} from '../../../../src/services/reports/responsiveness-report.js';
import type { SdrRow, SdrReport as ServerSdrReport } from '../../../../src/services/reports/sdr-report.js';
import { api } from '../../api';
import { prefetchedFreshMs } from '../../prefetch';
import type { Wire } from '../../wire';

export type { FunnelDimension } from '../../../../src/domain/reports/funnel.js';
export type { EconomicsRow, FunnelRow, FunnelStage, ResponsivenessRow, SdrRow };
export { funnelDimensions, funnelStages };

/** The period the dashboard asks for (dates as the date pickers give them). */
export interface Period {
  from?: string;
  to?: string;
}

export type FunnelReport = Wire<ServerFunnelReport>;
export type EconomicsReport = Wire<ChannelEconomicsReport>;
export type ResponsivenessReport = Wire<ServerResponsivenessReport>;
export type SdrReport = Wire<ServerSdrReport>;

export function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) search.set(k, v);
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** A report as a screen reads it, and as the screen's prefetch reads it ahead. */
export function reportQuery<T>(path: string, params: Record<string, string | undefined>) {
  const q = query(params);
  return queryOptions({
    queryKey: ['reports', path, q],
    queryFn: () => api<T>('GET', `${path}${q}`),
    retry: false,
    staleTime: prefetchedFreshMs,
  });
}

export function useReport<T>(path: string, params: Record<string, string | undefined>) {
  return useQuery(reportQuery<T>(path, params));
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
