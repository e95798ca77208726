/** Shapes of the predictive-model API (src/http/routes/models.ts) and who may do what with it. */
import type { Role } from '../../api';
import type { TermInWords } from '../../prediction';

export const modelTargets = ['sql', 'opportunity', 'won'] as const;
export type ModelTarget = (typeof modelTargets)[number];

export interface ModelMetrics {
  n: number;
  positives: number;
  trainN: number;
  testN: number;
  baseRate: number;
  auc: number | null;
  brier: number;
  liftTopDecile: number | null;
  calibration: { predicted: number; observed: number; n: number }[];
}

export interface ModelView {
  id: string;
  status: 'queued' | 'training' | 'trained' | 'failed';
  target: ModelTarget;
  trigger: 'manual' | 'monthly';
  active: boolean;
  createdAt: string;
  trainedAt: string | null;
  activatedAt: string | null;
  metrics: ModelMetrics | null;
  topFeatures: (TermInWords & { weight: number })[];
  excluded: { feature: string; words: { 'zh-CN': string; en: string }; auc: number; reason: string }[];
  failure: {
    reason?: string;
    labelled?: number;
    positives?: number;
    needLabelled?: number;
    needPositives?: number;
    needNegatives?: number;
  } | null;
}

export const modelsKey = ['models'] as const;
/** src/domain/policy.ts: models.train and models.activate. */
export const modelTrainers: readonly Role[] = ['admin', 'sdr_lead', 'sales_ops'];
export const modelActivators: readonly Role[] = ['admin', 'sdr_lead'];
