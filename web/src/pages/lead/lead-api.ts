/** Shapes of the lead page's API answers (src/http/routes/{leads,scores,qualification,handoffs}.ts). */
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api';
import type { Prediction } from '../../prediction';
import { prefetchedFreshMs } from '../../prefetch';
import type { RoutingLine } from '../../routing-lines';
import type { ScoreLine } from '../../score-lines';

export type { Lead, Source } from '../queue/queue-api';

export interface LeadScore {
  total: number;
  fit: number;
  engagement: number;
  qualification: number;
  grade: string;
  explanation: ScoreLine[];
  qualificationFramework: string | null;
  computedAt: string;
  /** The active predictive model's advice; null while none is active. */
  predicted: Prediction | null;
}

export interface TimelineEntry {
  type: 'touch' | 'activity' | 'behaviour' | 'score' | 'change';
  at: string;
  actorId: string | null;
  summary: string;
  data: Record<string, unknown>;
}

export interface Bilingual {
  zh: string;
  en: string;
}

export type AnswerType =
  | { type: 'yes_no_unknown' }
  | { type: 'choice'; options: { value: string; label: Bilingual }[] }
  | { type: 'number'; min?: number; max?: number; unit?: string }
  | { type: 'text'; maxLength: number };

export interface Framework {
  id: string;
  name: Bilingual;
  builtIn: boolean;
  criteria: { key: string; label: Bilingual; question: Bilingual; answer: AnswerType; points: number }[];
}

export interface Qualification {
  framework: string;
  answers: Record<string, string | number>;
  points: number;
  updatedBy: string | null;
  updatedAt: string;
}

export interface Handoff {
  id: string;
  leadId: string;
  repId: string | null;
  kind: 'assign' | 'sync' | 'dispatch';
  mode: 'auto' | 'manual' | 'direct';
  status: string;
  requestReason: string | null;
  explanation: RoutingLine[];
  createdAt: string;
}

export interface ContactCheck {
  allowed: boolean;
  rules: { code: 'do_not_contact' | 'quiet_hours' | 'frequency_cap'; message: string }[];
  ownerId: string | null;
}

export const bilingual = (text: Bilingual, language: string) => (language === 'en' ? text.en : text.zh);

/** The rep's name as the routing explanation wrote it when it picked them. */
export function pickedRepName(handoff: Handoff): string | null {
  const picked = handoff.explanation.find((s) => s.outcome === 'picked' && (!s.repId || s.repId === handoff.repId));
  const named = picked?.params?.rep ?? picked?.params?.owner;
  if (typeof named === 'string') return named;
  // Lines stored before codes: the name as the message wrote it.
  return picked?.message.match(/选中\s*([^\s(（,，]+)/)?.[1] ?? null;
}

/** A part of the lead that a card reads (GET /leads/{id}/{part}); the page's prefetch reads the same. */
export const leadPartQuery = <T>(
  leadId: string,
  part: 'score' | 'qualification' | 'handoffs' | 'timeline' | 'transfer-preview',
) =>
  queryOptions({
    queryKey: ['lead', leadId, part],
    queryFn: () => api<T>('GET', `/leads/${encodeURIComponent(leadId)}/${part}`),
    retry: false,
    staleTime: prefetchedFreshMs,
  });

/** Whether a touch of this type may be made now (GET /leads/{id}/contact-check). */
export const contactCheckQuery = <T>(leadId: string, type: string) =>
  queryOptions({
    queryKey: ['lead', leadId, 'contact-check', type],
    queryFn: () => api<T>('GET', `/leads/${encodeURIComponent(leadId)}/contact-check?type=${type}`),
    retry: false,
    staleTime: prefetchedFreshMs,
  });

/** The qualification frameworks a lead is assessed against. */
export const frameworksQuery = queryOptions({
  queryKey: ['frameworks'],
  queryFn: () => api<{ items: Framework[] }>('GET', '/frameworks'),
  retry: false,
  staleTime: prefetchedFreshMs,
});
