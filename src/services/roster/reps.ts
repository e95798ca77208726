/**
 * The rep roster (SPEC §5.2, §10.1): sales ops give each sales rep a routing profile (regions,
 * industries, level, weight, capacity, department) and read every rep's status. Only users of
 * the role `sales` are reps: §1 says they receive MQLs; a sales manager oversees and
 * reassigns. Regions are stored as GB/T 2260 codes, whatever name or code they were given as.
 */
import { Conflict, type FieldError, InvalidInput, NotFound } from '../../domain/errors.js';
import { normaliseRegion, regionByCode } from '../../domain/normalise/region.js';
import { authorize } from '../../domain/policy.js';
import type { Actor } from '../../domain/roles.js';
import { lockKeys } from '../../store/advisory-locks.js';
import { appendAudit } from '../../store/repositories/audit.js';
import {
  eligibleAmong,
  findRepProfileForUpdate,
  listRoster,
  openMqlCounts,
  type RepProfileRow,
  type RosterRow,
  saveRepProfile,
} from '../../store/repositories/roster.js';
import type { ServiceContext } from '../context.js';
import { eligibilityMonth } from './eligibility-month.js';

export const REP_ROLE = 'sales';

export interface RepProfileInput {
  regions?: readonly string[];
  industries?: readonly string[];
  level?: number;
  weight?: number;
  capacity?: number;
  department?: string | null;
}

/** Defaults of a PUT that leaves a field out (a PUT replaces the whole profile). */
export const profileDefaults = { level: 1, weight: 1, capacity: 50 } as const;

export interface RepStatus {
  /** The month whose eligibility list was read (Asia/Shanghai calendar). */
  month: string;
  eligible: boolean;
  /** ISO time the suspension ends; null when not suspended. */
  suspendedUntil: string | null;
  openMqls: number;
  consecutiveBreaches: number;
}

export interface RepProfile {
  regions: string[];
  regionNames: string[];
  industries: string[];
  level: number;
  weight: number;
  capacity: number;
  department: string | null;
  updatedAt: string;
}

export interface Rep {
  userId: string;
  name: string;
  email: string;
  teamId: string | null;
  active: boolean;
  profile: RepProfile | null;
  status: RepStatus;
}

/** Names or codes → GB/T 2260 codes, in the order given, without repeats; 400 names `regions[i]`. */
export function normaliseRegions(raw: readonly string[]): string[] {
  const codes: string[] = [];
  const errors: FieldError[] = [];
  raw.forEach((text, i) => {
    const region = regionByCode(text) ?? normaliseRegion(text);
    if (!region) {
      errors.push({
        field: `regions[${i}]`,
        message: `"${text}" is not a province or city LeadLoop knows (give a name such as 上海 / Shanghai or a GB/T 2260 code such as 31)`,
        messageZh: `“${text}”不是 LeadLoop 认识的省份或城市（请填名称如 上海 / Shanghai，或 GB/T 2260 代码如 31）`,
      });
    } else if (!codes.includes(region.code)) codes.push(region.code);
  });
  if (errors.length > 0) throw new InvalidInput(errors);
  return codes;
}

function presentProfile(p: RepProfileRow): RepProfile {
  return {
    regions: p.regions,
    regionNames: p.regions.map((code) => regionByCode(code)?.name ?? code),
    industries: p.industries,
    level: p.level,
    weight: Number(p.weight),
    capacity: p.capacity,
    department: p.department,
    updatedAt: new Date(p.updated_at).toISOString(),
  };
}

async function presentReps(ctx: ServiceContext, rows: readonly RosterRow[]): Promise<Rep[]> {
  const now = ctx.clock.now();
  const month = eligibilityMonth(now);
  const ids = rows.map((r) => r.id);
  const [eligible, open] = await Promise.all([eligibleAmong(ctx.db, month, ids), openMqlCounts(ctx.db, ids)]);
  return rows.map((r) => {
    const until = r.profile?.suspended_until ? new Date(r.profile.suspended_until) : null;
    return {
      userId: r.id,
      name: r.name,
      email: r.email,
      teamId: r.team_id,
      active: r.active,
      profile: r.profile ? presentProfile(r.profile) : null,
      status: {
        month,
        eligible: eligible.has(r.id),
        suspendedUntil: until && until.getTime() > now.getTime() ? until.toISOString() : null,
        openMqls: open.get(r.id) ?? 0,
        consecutiveBreaches: r.profile?.consecutive_breaches ?? 0,
      },
    };
  });
}

/** A rep may read their own profile and status; reading others' takes roster.read. */
function authorizeRead(actor: Actor, userId: string): void {
  if (actor.id !== userId) authorize(actor, 'roster.read');
}

function isRep(row: RosterRow): boolean {
  return row.role === REP_ROLE || row.profile !== null;
}

export async function readRep(ctx: ServiceContext, actor: Actor, userId: string): Promise<Rep> {
  authorizeRead(actor, userId);
  const [row] = await listRoster(ctx.db, { ids: [userId] });
  if (!row || !isRep(row)) throw new NotFound(`rep ${userId}`);
  const [rep] = await presentReps(ctx, [row]);
  return rep;
}

export async function readRepStatus(ctx: ServiceContext, actor: Actor, userId: string): Promise<RepStatus> {
  return (await readRep(ctx, actor, userId)).status;
}

/** Every user of the role `sales` (profile null until one is set), and anyone else with a profile. */
export async function listReps(ctx: ServiceContext, actor: Actor): Promise<Rep[]> {
  authorize(actor, 'roster.read');
  return presentReps(ctx, await listRoster(ctx.db));
}

/** PUT /reps/{userId}: sets the whole routing profile; breaches and suspension are left alone. */
export async function setRepProfile(
  ctx: ServiceContext,
  actor: Actor,
  userId: string,
  input: RepProfileInput,
): Promise<Rep> {
  authorize(actor, 'roster.manage');
  const [user] = await listRoster(ctx.db, { ids: [userId] });
  if (!user) throw new NotFound(`user ${userId}`);
  if (user.role !== REP_ROLE) {
    throw new Conflict(
      `user ${userId} has the role ${user.role}; only users with the role ${REP_ROLE} receive MQLs and can have a routing profile`,
    );
  }
  if (!user.active) throw new Conflict(`user ${userId} is deactivated and cannot receive MQLs`);
  const regions = normaliseRegions(input.regions ?? []);
  const industries = [...new Set((input.industries ?? []).map((s) => s.trim()).filter((s) => s !== ''))];
  const department = input.department?.trim() || null;
  const next = {
    user_id: userId,
    regions,
    industries,
    level: input.level ?? profileDefaults.level,
    weight: input.weight ?? profileDefaults.weight,
    capacity: input.capacity ?? profileDefaults.capacity,
    department,
    updated_at: ctx.clock.now(),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await lockKeys(trx, [`rep-profile:${userId}`]);
    const before = await findRepProfileForUpdate(trx, userId);
    const shape = (p: typeof next | RepProfileRow) => ({
      regions: p.regions,
      industries: p.industries,
      level: p.level,
      weight: Number(p.weight),
      capacity: p.capacity,
      department: p.department,
    });
    const from = before ? shape(before) : null;
    const to = shape(next);
    await saveRepProfile(trx, next);
    if (from && JSON.stringify(from) === JSON.stringify(to)) return;
    await appendAudit(trx, [
      {
        id: ctx.newId(),
        actorId: actor.id,
        action: 'rep.profile_set',
        entityType: 'rep',
        entityId: userId,
        from,
        to,
        at: next.updated_at,
      },
    ]);
  });
  const [row] = await listRoster(ctx.db, { ids: [userId] });
  const [rep] = await presentReps(ctx, [row]);
  return rep;
}
