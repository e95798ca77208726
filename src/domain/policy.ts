/**
 * SPEC §1 role permissions and data scoping, in one place. Routes name the action they
 * perform; services ask for the lead scope of the actor. A denial always carries a reason
 * (HTTP 403 with that reason, never a silent no-op).
 */
import { Forbidden } from './errors.js';
import { type Actor, type Role, roles } from './roles.js';

const everyone: readonly Role[] = roles;

export const permissions = {
  'users.manage': ['admin'],
  'users.read': ['admin', 'sales_ops', 'sdr_lead', 'sales_manager', 'sales_assistant'],
  // Colleagues' names and roles (no e-mail): every screen names the people on a lead or hand-off.
  'users.names': everyone,
  'teams.manage': ['admin'],
  'channels.read': everyone,
  'channels.manage': ['admin', 'marketing'],
  'leads.capture': ['sdr', 'sdr_lead', 'marketing', 'sales_ops', 'sales_assistant', 'admin'],
  'leads.import': ['sdr', 'sdr_lead', 'marketing', 'sales_ops', 'admin'],
  'leads.read': everyone,
  'leads.qualify': ['sdr', 'sdr_lead', 'admin'],
  // §1: sdr_lead owns qualification settings, admin all settings.
  'frameworks.manage': ['admin', 'sdr_lead'],
  'definitions.read': everyone,
  // §4.2: either side of the agreement may put a change on the table, and so may those who run
  // the settings; approving stays with marketing and sales_manager/sales_ops (definition-version.ts).
  'definitions.propose': ['admin', 'marketing', 'sales_manager', 'sales_ops', 'sdr_lead'],
  // §2: tracking sites are marketing's settings; servers that report behaviours hold a capture role's token.
  'tracking.manage': ['admin', 'marketing'],
  'behaviours.track': ['sdr', 'sdr_lead', 'marketing', 'sales_ops', 'sales_assistant', 'admin'],
  // §3: the directory and providers send company names to third parties and cost money: admin and sales ops.
  'enrichment.manage': ['admin', 'sales_ops'],
  'enrichment.directory.read': everyone,
  // Running the chain on a lead now: SDRs and reps only on leads they own (services/enrichment/enrich-now.ts).
  'leads.enrich': ['sdr', 'sdr_lead', 'sales', 'sales_ops', 'admin'],
  // §3 cleaning: an SDR disqualifies their own (and unowned) leads (services/cleaning/disqualify-lead.ts);
  // undoing a mistaken disqualification is for those who oversee the queue.
  'leads.disqualify': ['sdr', 'sdr_lead', 'sales_ops', 'admin'],
  'leads.requalify': ['sdr_lead', 'sales_ops', 'admin'],
  'reasons.read': everyone,
  // §1: sdr_lead runs the SDR team's settings, sales_ops the shared taxonomies, admin all settings.
  'reasons.manage': ['admin', 'sales_ops', 'sdr_lead'],
  'icp.read': everyone,
  // Who is a target customer is marketing's and sales' common ground (seed 003 统一口径).
  'icp.manage': ['admin', 'sales_ops', 'sdr_lead', 'marketing'],
  'merges.revert': ['admin'],
  'audit.read': ['admin', 'sales_ops'],
  'clock.set': ['admin'],
  'scoring.read': everyone,
  // §5: an SDR hands their qualified leads to sales; the SDR lead may also override the MQL gate.
  'leads.transfer': ['sdr', 'sdr_lead', 'admin'],
  // §5.2 manual dispatch: leaders read and comment; sales ops or the sales assistant pick the rep.
  'dispatch.read': ['sdr_lead', 'sales_manager', 'sales_ops', 'sales_assistant', 'admin'],
  'dispatch.comment': ['sdr_lead', 'sales_manager', 'sales_ops', 'sales_assistant', 'admin'],
  'dispatch.resolve': ['sales_ops', 'sales_assistant', 'admin'],
  'routing.read': everyone,
  'routing.manage': ['admin', 'sales_ops'],
  'scoring.manage': ['admin', 'marketing', 'sales_ops'],
  // §1: sales ops keep the rep roster and the monthly eligibility list; those who dispatch or
  // manage reps read it (a rep may always read their own profile and status).
  'roster.read': ['admin', 'sales_ops', 'sdr_lead', 'sales_manager', 'sales_assistant'],
  'roster.manage': ['admin', 'sales_ops'],
  // CRM accounts: written by sales ops and CRM sync tokens; read by whoever routes or works
  // leads (a sales rep only their own accounts, services/accounts/read-accounts.ts).
  'accounts.read': ['admin', 'sales_ops', 'sdr', 'sdr_lead', 'sales', 'sales_manager', 'sales_assistant'],
  'accounts.manage': ['admin', 'sales_ops'],
  // §6.1/§10: SDRs log touches on their own and unowned leads, reps on leads handed to them
  // (services/activities/log-activity.ts narrows by owner and scope).
  'activities.log': ['sdr', 'sdr_lead', 'sales', 'sales_manager', 'admin'],
  // §6.1: the receiving rep decides; their sales manager and sales ops may decide for them
  // (services/handoffs/decide-handoff.ts narrows to the rep and the rep's manager).
  'handoffs.decide': ['sales', 'sales_manager', 'sales_ops', 'admin'],
  // §6.2: SLA policies and the business calendar are sales ops' (and admin's) settings.
  'sla.read': everyone,
  'sla.manage': ['admin', 'sales_ops'],
  // §9: everyone reads their own in-app inbox; integrations (webhooks, robots, SMTP) are admin's.
  'notifications.read': everyone,
  'integrations.manage': ['admin'],
  // §7: SDRs work the pool; marketing reads it and keeps segments for nurture.
  'pool.read': ['sdr', 'sdr_lead', 'marketing', 'sales_ops', 'admin'],
  'pool.claim': ['sdr', 'sdr_lead'],
  'pool.assign': ['sdr_lead', 'admin'],
  'segments.manage': ['sdr', 'sdr_lead', 'marketing', 'admin'],
  // §7 claim limits, cool-off, re-surfacing; §6.3 contact caps and quiet hours: the SDR team's settings.
  'pool.manage': ['sdr_lead', 'sales_ops', 'admin'],
  // §6.3: whoever hears "don't call me again" flags it; lifting the flag is for those who run the funnel.
  'contact.flag': ['sdr', 'sdr_lead', 'sales', 'sales_manager', 'sales_ops', 'marketing', 'admin'],
  'contact.unflag': ['sdr_lead', 'sales_ops', 'marketing', 'admin'],
  // §6.1: the rep holding the lead registers and closes opportunities (services narrow to owner/team).
  'opportunities.manage': ['sales', 'sales_manager', 'sales_ops', 'admin'],
  // §10: the caller's prioritised work queue.
  'queue.read': ['sdr', 'sdr_lead', 'admin'],
  // §8: funnel and SDR reports; an SDR reads only their own row of the SDR report
  // (services/reports/sdr-report.ts). The credit and attribution rules are sales ops' settings.
  'reports.read': ['marketing', 'sdr_lead', 'sales_manager', 'sales_ops', 'admin'],
  'reports.manage': ['admin', 'sales_ops'],
  // §8.5 capacity planning: those who plan marketing, SDR and sales capacity.
  'plans.run': ['marketing', 'sales_ops', 'sdr_lead', 'sales_manager', 'admin'],
  // §8.2: marketing enters and imports spend (reading it and the channel report: reports.read).
  'spend.manage': ['admin', 'marketing'],
  // §4.3 predictive score: leaders read the models' reports; training and activation (like a
  // definition, a new model advises nobody until activated) are the SDR lead's and admin's.
  'models.read': ['admin', 'sdr_lead', 'sales_ops', 'sales_manager', 'marketing'],
  'models.train': ['admin', 'sdr_lead', 'sales_ops'],
  'models.activate': ['admin', 'sdr_lead'],
  // §8.6: leaders replay a candidate policy over past leads before approving it (read-only).
  'simulations.run': ['admin', 'sdr_lead', 'sales_ops', 'sales_manager', 'marketing'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof permissions;

const actionWords: Record<Action, string> = {
  'users.manage': 'manage users and tokens',
  'users.read': 'list users',
  'users.names': 'read colleagues’ names',
  'teams.manage': 'manage teams',
  'channels.read': 'read channels',
  'channels.manage': 'manage channels',
  'leads.capture': 'capture leads',
  'leads.import': 'import leads',
  'leads.read': 'read leads',
  'leads.qualify': 'qualify leads',
  'frameworks.manage': 'create or edit qualification frameworks',
  'definitions.read': 'read stage definitions',
  'definitions.propose': 'propose a new definition version',
  'tracking.manage': 'manage tracking sites',
  'behaviours.track': 'report behaviours',
  'enrichment.manage': 'manage the company directory and enrichment providers',
  'enrichment.directory.read': 'look up the company directory',
  'leads.enrich': 'enrich leads',
  'leads.disqualify': 'disqualify leads',
  'leads.requalify': 'requalify disqualified leads',
  'reasons.read': 'read reason lists',
  'reasons.manage': 'edit reason lists',
  'icp.read': 'read the ICP rules',
  'icp.manage': 'edit the ICP rules',
  'merges.revert': 'revert merges',
  'audit.read': 'read the audit log',
  'clock.set': 'set the clock',
  'scoring.read': 'read the scoring rules',
  'leads.transfer': 'transfer leads to sales',
  'dispatch.read': 'read the dispatch board',
  'dispatch.comment': 'comment on dispatch requests',
  'dispatch.resolve': 'resolve dispatch requests',
  'routing.read': 'read the routing rules',
  'routing.manage': 'edit the routing rules',
  'scoring.manage': 'edit the scoring rules',
  'roster.read': 'read the rep roster',
  'roster.manage': 'edit rep profiles and eligibility lists',
  'accounts.read': 'read CRM accounts',
  'accounts.manage': 'create or update CRM accounts',
  'activities.log': 'log activities on leads',
  'handoffs.decide': 'accept, reject or return hand-offs',
  'sla.read': 'read SLA policies and business calendars',
  'sla.manage': 'edit SLA policies and business calendars',
  'notifications.read': 'read notifications',
  'integrations.manage': 'manage webhooks, chat robots and e-mail settings',
  'pool.read': 'read the nurture pool',
  'pool.claim': 'claim leads from the pool',
  'pool.assign': 'assign leads to SDRs',
  'segments.manage': 'save pool segments',
  'pool.manage': 'edit the pool and contact policy',
  'contact.flag': 'mark leads do-not-contact',
  'contact.unflag': 'lift a do-not-contact flag',
  'opportunities.manage': 'register and close opportunities',
  'queue.read': 'read an SDR work queue',
  'reports.read': 'read funnel and performance reports',
  'reports.manage': 'edit the attribution and credit rules of the reports',
  'plans.run': 'run capacity plans',
  'simulations.run': 'run policy simulations',
  'spend.manage': 'enter or import marketing spend',
  'models.read': 'read predictive models',
  'models.train': 'train predictive models',
  'models.activate': 'activate a predictive model',
};

export function allowedRoles(action: Action): readonly Role[] {
  return permissions[action];
}

/** Throws Forbidden with a reason a person understands. */
export function authorize(actor: Actor, action: Action): void {
  const allowed: readonly Role[] = permissions[action];
  if (!allowed.includes(actor.role)) {
    throw new Forbidden(`the role ${actor.role} may not ${actionWords[action]} (allowed: ${allowed.join(', ')})`);
  }
}

/**
 * Which leads an actor may see (SPEC §1): a sales rep only leads handed to them; an SDR the
 * team's leads, unowned leads (queue and pool) and leads they handed off; a sales manager the
 * team's leads and hand-offs; roles that run the whole funnel see everything.
 */
export type LeadScope =
  | { kind: 'all' }
  | { kind: 'handed_to'; userId: string }
  | { kind: 'sdr_team'; userId: string; teamId: string | null }
  | { kind: 'sales_team'; userId: string; teamId: string | null };

export function leadScope(actor: Actor): LeadScope {
  switch (actor.role) {
    case 'sales':
      return { kind: 'handed_to', userId: actor.id };
    case 'sdr':
      return { kind: 'sdr_team', userId: actor.id, teamId: actor.teamId };
    case 'sales_manager':
      return { kind: 'sales_team', userId: actor.id, teamId: actor.teamId };
    default:
      return { kind: 'all' };
  }
}

export function describeScope(scope: LeadScope): string {
  switch (scope.kind) {
    case 'all':
      return 'all leads';
    case 'handed_to':
      return 'only leads handed to you';
    case 'sdr_team':
      return "your team's leads, unowned leads and leads you handed off";
    case 'sales_team':
      return "your team's leads";
  }
}
