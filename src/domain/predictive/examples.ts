/**
 * What the predictive model learns from (SPEC §4.3): one labelled lead as it stood before its
 * outcome was known. Feature names are opaque to the domain; the service chooses them
 * (`channel`, `behaviour.demo_request.count`, `field.TotalVisits` …) and extracts the values.
 */
export type FeatureValue = number | string | boolean | null | undefined;

export type FeatureValues = Readonly<Record<string, FeatureValue>>;

export interface Example {
  id: string;
  /** When the lead was captured: the hold-out keeps the newest leads for the test. */
  capturedAt: Date;
  /** Raw feature name → value as it stood before the outcome. */
  values: FeatureValues;
  /** 1 when the lead reached the target stage. */
  label: 0 | 1;
}

/** The active columns of one encoded lead; a value of 1 each unless `values` says otherwise. */
export interface SparseRow {
  indices: ArrayLike<number>;
  values?: ArrayLike<number>;
}
