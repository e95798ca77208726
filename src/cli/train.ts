/**
 * `leadloop train` (issue 9): trains a predictive model on the workspace's data without a
 * running server and prints its report — AUC, Brier, calibration, lift and the top features in
 * words — or how much more history it needs. `--activate` makes it the active model.
 */
import type { Config } from '../config.js';
import { DomainError } from '../domain/errors.js';
import type { ModelTarget } from '../domain/lead-features/model-target.js';
import { activateModel } from '../services/predictive/activate-model.js';
import { loadTermNames, type StoredModel, termInWords } from '../services/predictive/stored-model.js';
import { trainPredictiveModel } from '../services/predictive/train-predictive-model.js';
import { openCliWorkspace } from './cli-workspace.js';

const percent = (v: number) => `${(v * 100).toFixed(1)}%`;

export async function runTrain(
  config: Config,
  opts: { target: ModelTarget; as?: string; activate?: boolean },
): Promise<void> {
  const workspace = await openCliWorkspace(config, opts.as);
  if (!workspace) return;
  const { ctx, actor } = workspace;
  try {
    let record: Awaited<ReturnType<typeof trainPredictiveModel>>;
    try {
      record = await trainPredictiveModel(ctx, actor, opts.target);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      console.error(`leadloop: ${error.message}`);
      process.exitCode = error.code === 'unprocessable' ? 3 : 2;
      return;
    }
    const { learned } = record.model as unknown as StoredModel;
    const m = learned.metrics;
    const names = await loadTermNames(ctx.db);
    console.log(`Model ${record.id} (target: ${opts.target})`);
    console.log(`  leads with an outcome: ${m.n}, reached ${opts.target}: ${m.positives} (${percent(m.baseRate)})`);
    console.log(
      `  held out (newest 30%): ${m.testN} leads — ROC AUC ${m.auc?.toFixed(3) ?? '—'}, Brier ${m.brier.toFixed(3)}, top-decile lift ${m.liftTopDecile?.toFixed(2) ?? '—'}×`,
    );
    console.log('  calibration (predicted → observed, leads):');
    for (const c of m.calibration)
      console.log(`    ${percent(c.predicted).padStart(6)} → ${percent(c.observed).padStart(6)}  (${c.n})`);
    console.log('  top features / 主要因素:');
    for (const f of learned.topFeatures.slice(0, 10)) {
      const words = termInWords(f.term, f.effect, names).words;
      console.log(`    ${words['zh-CN']}  |  ${words.en}`);
    }
    for (const e of learned.excluded) console.log(`  left out: ${e.feature} — ${e.reason} (AUC ${e.auc.toFixed(2)})`);
    if (opts.activate) {
      await activateModel(ctx, actor, record.id);
      console.log('  activated: its probabilities now show on leads');
    } else {
      console.log(`  not active yet: POST /api/v1/models/${record.id}/activate, or train again with --activate`);
    }
  } finally {
    await workspace.close();
  }
}
