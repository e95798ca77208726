import type { Catalogue } from '../catalogue.js';

/** Settings → predictive models (en). Keys must match ../zh-CN/settingsModels.ts. */
export const settingsModels: Catalogue['settingsModels'] = {
  title: 'Predictive models',
  intro:
    'Train a model on your own past leads to foresee which leads reach the target stage. It advises next to the rule score; a trained model takes effect only once activated, and the monthly retraining never activates one on its own.',
  target: 'Target',
  targets: { sql: 'Becomes an SQL (accepted by sales)', opportunity: 'Becomes an opportunity', won: 'Won' },
  train: 'Train model',
  trained: 'Trained: held-out AUC {{auc}}',
  activated: 'Model activated: lead pages now show its prediction',
  createdAt: 'Created',
  trigger: 'Trigger',
  triggers: { manual: 'Manual', monthly: 'Monthly retraining' },
  status: 'Status',
  statuses: { queued: 'Queued', training: 'Training', trained: 'Trained', failed: 'Failed' },
  active: 'Active',
  auc: 'AUC',
  needMore:
    'Not enough history: {{labelled}} more leads with an outcome, {{positives}} more reaching the target, {{negatives}} more not reaching it',
  actions: 'Actions',
  showReport: 'Report',
  showReportOf: 'Report (model of {{at}})',
  activate: 'Activate',
  activateModel: 'Activate (model of {{at}})',
  history: {
    title: 'Import history',
    hint: 'CSV or XLSX (UTF-8, with BOM, or GBK). It needs an "outcome" column (sql, opportunity, won, lost, or converted/not_converted, 1/0); contact details are optional; other columns are kept as custom fields with their types inferred. History leads stay out of queues, SLAs and live reports.',
    button: 'Choose a history file and import',
    done: 'Imported: {{created}} new, {{merged}} updated, {{failed}} failed',
    errorReport: 'Download the error report',
    fieldTypes: 'Types of the custom columns',
    types: { number: 'Number', category: 'Category', yes_no: 'Yes/no', date: 'Date' },
  },
  report: {
    title: 'Model report (target: {{target}})',
    n: 'Leads with an outcome',
    positives: 'Reached the target',
    testN: 'Held out (newest 30%)',
    auc: 'ROC AUC',
    brier: 'Brier score',
    lift: 'Top-decile lift',
    honest: 'Every figure is measured on the newest 30% of leads, which training never saw.',
    topFeatures: 'Top features (effect on an average lead’s probability)',
    calibration: 'Calibration (deciles of the predicted probability)',
    predicted: 'Predicted',
    observed: 'Observed',
    leads: 'Leads',
    excluded: 'Columns left out',
    excludedLine:
      '{{feature}}: separates the outcomes almost perfectly on its own (AUC {{auc}}), so it was most likely filled in after the outcome; left out',
  },
};
