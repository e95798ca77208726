/**
 * PUT /leads/{id}/qualification (SPEC §4.1): an SDR records framework answers during calls.
 * The answers are checked against the framework (400 naming the bad key or value); each
 * change is an audit entry, so the timeline shows "BANT 时间: 未知 → 是". Custom frameworks and
 * edited templates (services/frameworks.ts) are accepted like the built-in ones.
 */

import { Forbidden, InvalidInput } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import { describeAnswerChange, diffAnswers } from '../domain/qualification/diff-answers.js';
import type { Answers } from '../domain/qualification/framework.js';
import { qualificationPoints } from '../domain/qualification/qualification-points.js';
import { validateAnswers } from '../domain/qualification/validate-answers.js';
import type { Actor } from '../domain/roles.js';
import { appendAudit } from '../store/repositories/audit.js';
import {
  findQualificationForUpdate,
  findQualifications,
  saveQualification,
} from '../store/repositories/qualifications.js';
import type { ServiceContext } from './context.js';
import { findFramework, listFrameworks } from './frameworks.js';
import { readLead } from './read-leads.js';
import { rescoreLeads } from './scoring/rescore.js';

export interface Qualification {
  framework: string;
  answers: Answers;
  points: number;
  updatedBy: string | null;
  updatedAt: string;
}

export async function qualifyLead(
  ctx: ServiceContext,
  actor: Actor,
  leadId: string,
  input: { framework: string; answers: unknown },
): Promise<Qualification> {
  authorize(actor, 'leads.qualify');
  const framework = await findFramework(ctx.db, input.framework);
  if (!framework) {
    const known = (await listFrameworks(ctx.db)).map((f) => f.id);
    throw new InvalidInput([
      {
        field: 'framework',
        message: `unknown framework "${input.framework}" (${known.join(', ')})`,
        messageZh: `未知的资格框架“${input.framework}”（${known.join('、')}）`,
      },
    ]);
  }
  const checked = validateAnswers(framework, input.answers);
  if (!checked.ok) throw new InvalidInput(checked.errors);
  const lead = await readLead(ctx, actor, leadId);
  // One owner at a time (SPEC §6.1): an SDR qualifies their own leads and unowned ones, not a colleague's.
  if (actor.role === 'sdr' && lead.owner_id && lead.owner_id !== actor.id) {
    throw new Forbidden('this lead is owned by another person; only its owner (or an SDR lead) may qualify it');
  }
  const at = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const before = (await findQualificationForUpdate(trx, leadId, framework.id))?.answers ?? {};
    const changes = diffAnswers(before as Answers, checked.answers);
    if (changes.length === 0) return;
    await saveQualification(trx, { leadId, framework: framework.id, answers: checked.answers, by: actor.id, at });
    await appendAudit(trx, [
      {
        id: ctx.newId(),
        actorId: actor.id,
        action: 'lead.qualified',
        entityType: 'lead',
        entityId: leadId,
        leadId,
        from: Object.fromEntries(changes.map((c) => [`${framework.id}.${c.key}`, c.from])),
        to: Object.fromEntries(changes.map((c) => [`${framework.id}.${c.key}`, c.to])),
        reason: changes.map((c) => describeAnswerChange(framework, c).zh).join('; '),
        at,
      },
    ]);
    await rescoreLeads(trx, ctx, [leadId], 'qualification');
  });
  return {
    framework: framework.id,
    answers: checked.answers,
    points: qualificationPoints(framework, checked.answers).total,
    updatedBy: actor.id,
    updatedAt: at.toISOString(),
  };
}

export async function readQualifications(ctx: ServiceContext, actor: Actor, leadId: string): Promise<Qualification[]> {
  await readLead(ctx, actor, leadId);
  const rows = await findQualifications(ctx.db, leadId);
  const frameworks = await listFrameworks(ctx.db);
  return rows.map((r) => {
    const framework = frameworks.find((f) => f.id === r.framework);
    const answers = r.answers as Answers;
    return {
      framework: r.framework,
      answers,
      points: framework ? qualificationPoints(framework, answers).total : 0,
      updatedBy: r.updated_by,
      updatedAt: new Date(r.updated_at).toISOString(),
    };
  });
}
