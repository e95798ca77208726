/**
 * POST /scoring/preview (SPEC §4.3, issue 8 item 7): what candidate scoring rules would do to
 * the most recent leads before anyone saves them. The candidate is checked exactly as a save
 * checks it (same field errors), both rule sets score the same inputs at the same moment with
 * the pure scoring functions, and nothing is written.
 */
import { InvalidInput } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import type { Actor } from '../../domain/roles.js';
import { compileScoringRules, type LeadScore, type LeadScorer } from '../../domain/scoring/score-lead.js';
import { validateScoringRules } from '../../domain/scoring/validate-rules.js';
import { loadScoringInputs } from '../../store/repositories/scores.js';
import type { ServiceContext } from '../context.js';
import { listFrameworks } from '../frameworks.js';
import { bestQualification } from './rescore.js';
import { scoringRulesInForce } from './rules-in-force.js';

export const PREVIEW_DEFAULT_LIMIT = 20;
export const PREVIEW_MAX_LIMIT = 200;

export interface PreviewScore {
  total: number;
  fit: number;
  engagement: number;
  qualification: number;
  grade: string;
}

export interface PreviewItem {
  leadId: string;
  name: string | null;
  company: string | null;
  title: string | null;
  createdAt: Date;
  current: PreviewScore;
  candidate: PreviewScore;
  /** candidate.total − current.total */
  difference: number;
  gradeChanged: boolean;
}

export interface ScoringPreview {
  rulesVersion: number;
  at: Date;
  items: PreviewItem[];
  changed: number;
}

const brief = (s: LeadScore): PreviewScore => ({
  total: s.total,
  fit: s.fit,
  engagement: s.engagement,
  qualification: s.qualification,
  grade: s.grade,
});

export async function previewScoringRules(
  ctx: ServiceContext,
  actor: Actor,
  input: unknown,
  limit: number = PREVIEW_DEFAULT_LIMIT,
): Promise<ScoringPreview> {
  authorize(actor, 'scoring.manage');
  const checked = validateScoringRules(input);
  if (!checked.ok) throw new InvalidInput(checked.errors.map((e) => ({ ...e, field: `rules.${e.field}` })));
  const candidate: LeadScorer = compileScoringRules(checked.rules);
  const inForce = await scoringRulesInForce(ctx.db);

  const recent = await ctx.db
    .selectFrom('leads')
    .select(['id', 'name', 'company', 'title', 'created_at'])
    .where('history', '=', false)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(Math.min(Math.max(limit, 1), PREVIEW_MAX_LIMIT))
    .execute();
  const inputs = await loadScoringInputs(
    ctx.db,
    recent.map((r) => r.id),
  );
  const frameworks = inputs.qualifications.size ? await listFrameworks(ctx.db) : [];
  const byId = new Map(inputs.leads.map((l) => [l.id, l]));
  const now = ctx.clock.now();

  const items: PreviewItem[] = [];
  for (const row of recent) {
    const lead = byId.get(row.id);
    if (!lead) continue;
    const scoringInput = {
      lead,
      behaviours: inputs.behaviours.get(lead.id) ?? [],
      qualificationLines: bestQualification(inputs.qualifications.get(lead.id) ?? [], frameworks).lines,
    };
    const current = brief(inForce.scorer.score(scoringInput, now));
    const next = brief(candidate.score(scoringInput, now));
    items.push({
      leadId: row.id,
      name: row.name,
      company: row.company,
      title: row.title,
      createdAt: new Date(row.created_at),
      current,
      candidate: next,
      difference: next.total - current.total,
      gradeChanged: next.grade !== current.grade,
    });
  }
  return {
    rulesVersion: inForce.version,
    at: now,
    items,
    changed: items.filter((i) => i.difference !== 0 || i.gradeChanged).length,
  };
}
