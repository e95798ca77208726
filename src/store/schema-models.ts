/** Predictive model tables (migrations/019-models.ts). */
import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './schema.js';

/** A jsonb column that may be NULL: read as its value, written as JSON text, left out on insert. */
type NullableJson = ColumnType<Record<string, unknown> | null, string | undefined, string>;

export interface PredictiveModelsTable {
  id: string;
  target: string;
  status: 'queued' | 'training' | 'trained' | 'failed';
  trigger: 'manual' | 'monthly';
  /** The trained model with its evaluation (domain/predictive), null until trained. */
  model: NullableJson;
  /** Why training failed (too little history: what it has and needs). */
  failure: NullableJson;
  active: Generated<boolean>;
  created_by: string | null;
  created_at: Timestamp;
  /** When training began (a queued model waits from created_at). */
  started_at: Timestamp | null;
  trained_at: Timestamp | null;
  activated_at: Timestamp | null;
  activated_by: string | null;
}

export interface ModelTables {
  predictive_models: PredictiveModelsTable;
}
