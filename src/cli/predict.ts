/**
 * `leadloop predict` (issue 9): the active predictive model's advice on live leads, without a
 * running server. Named leads: each one's probability with the factors that moved it most. None
 * named: the open leads (new, working, nurturing) among the newest `--among` live leads of the
 * user's scope, most likely first — who to call next, and why.
 */
import type { Config } from '../config.js';
import { DomainError } from '../domain/errors.js';
import { type LeadPrediction, predictLead, predictProbabilities } from '../services/predictive/predict-leads.js';
import { listLeadsPage, readLead } from '../services/read-leads.js';
import type { LeadRow } from '../store/repositories/leads.js';
import { openCliWorkspace } from './cli-workspace.js';

const OPEN = new Set(['new', 'working', 'nurturing']);

export async function runPredict(
  config: Config,
  leadIds: readonly string[],
  opts: { as?: string; top: number; among: number },
): Promise<void> {
  const workspace = await openCliWorkspace(config, opts.as);
  if (!workspace) return;
  const { ctx, actor } = workspace;
  try {
    let leads: LeadRow[];
    try {
      leads = leadIds.length
        ? await Promise.all(leadIds.map((id) => readLead(ctx, actor, id)))
        : (await listLeadsPage(ctx, actor, { history: false }, { limit: opts.among })).items.filter((l) =>
            OPEN.has(l.status),
          );
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      console.error(`leadloop: ${error.message}`);
      process.exitCode = 2;
      return;
    }
    const ranked = await predictProbabilities(
      ctx,
      leads.map((l) => l.id),
    );
    if (!ranked) {
      console.error('leadloop: no predictive model is active — train one: leadloop train --activate');
      process.exitCode = 3;
      return;
    }
    const chosen = leadIds.length
      ? leads
      : [...leads]
          .sort((a, b) => (ranked.probabilities.get(b.id) ?? 0) - (ranked.probabilities.get(a.id) ?? 0))
          .slice(0, opts.top);
    console.log(
      `Model ${ranked.modelId} (target: ${ranked.target})` +
        (leadIds.length ? '' : ` — the ${chosen.length} most likely of ${leads.length} open leads`),
    );
    for (const lead of chosen) {
      const prediction = (await predictLead(ctx, lead.id)) as LeadPrediction;
      console.log(`  ${percent(prediction.probability)}  ${describe(lead)}`);
      for (const f of prediction.factors) console.log(`          ${f.words['zh-CN']}  |  ${f.words.en}`);
    }
  } finally {
    await workspace.close();
  }
}

const percent = (p: number) => `${(p * 100).toFixed(1)}%`.padStart(6);

function describe(lead: LeadRow): string {
  const who = [lead.name, lead.company, lead.title].filter(Boolean).join(' · ');
  return `${who || lead.id} (${lead.id}, ${lead.status})`;
}
