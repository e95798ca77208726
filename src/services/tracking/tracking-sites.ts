/**
 * Tracking sites (SPEC §2, settings): each website that embeds the snippet gets a public key
 * and the list of origins its pages are served from. The key is public (it sits in the page);
 * the origin check and the rate limits are what keep others from spending it.
 */
import { randomBytes } from 'node:crypto';
import { type FieldError, InvalidInput } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import type { Actor } from '../../domain/roles.js';
import { normaliseOrigin } from '../../domain/tracking/origins.js';
import { appendAudit } from '../../store/repositories/audit.js';
import {
  findTrackingSiteByKey,
  insertTrackingSite,
  listTrackingSites,
  type TrackingSiteRow,
} from '../../store/repositories/tracking.js';
import type { ServiceContext } from '../context.js';

export interface TrackingSite {
  id: string;
  name: string;
  publicKey: string;
  allowedOrigins: string[];
  rateLimit: { perMinute: number | null; perVisitorPerMinute: number | null };
  createdAt: string;
}

export interface NewTrackingSite {
  name: string;
  allowedOrigins: string[];
  rateLimit?: { perMinute?: number; perVisitorPerMinute?: number };
}

export function presentSite(row: TrackingSiteRow): TrackingSite {
  return {
    id: row.id,
    name: row.name,
    publicKey: row.public_key,
    allowedOrigins: row.allowed_origins,
    rateLimit: { perMinute: row.rate_per_minute, perVisitorPerMinute: row.visitor_rate_per_minute },
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export async function createTrackingSite(ctx: ServiceContext, actor: Actor, input: NewTrackingSite) {
  authorize(actor, 'tracking.manage');
  const errors: FieldError[] = [];
  const origins: string[] = [];
  input.allowedOrigins.forEach((raw, i) => {
    const result = normaliseOrigin(raw);
    if (!result.ok)
      errors.push({ field: `allowedOrigins[${i}]`, message: result.message, messageZh: result.messageZh });
    else if (!origins.includes(result.origin)) origins.push(result.origin);
  });
  if (errors.length) throw new InvalidInput(errors);
  const row: TrackingSiteRow = {
    id: ctx.newId(),
    name: input.name.trim(),
    public_key: `llpk_${randomBytes(18).toString('base64url')}`,
    allowed_origins: origins,
    rate_per_minute: input.rateLimit?.perMinute ?? null,
    visitor_rate_per_minute: input.rateLimit?.perVisitorPerMinute ?? null,
    created_at: ctx.clock.now(),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await insertTrackingSite(trx, {
      id: row.id,
      name: row.name,
      publicKey: row.public_key,
      allowedOrigins: row.allowed_origins,
      ratePerMinute: row.rate_per_minute,
      visitorRatePerMinute: row.visitor_rate_per_minute,
      createdBy: actor.id,
      at: row.created_at,
    });
    await appendAudit(trx, [
      {
        id: ctx.newId(),
        actorId: actor.id,
        action: 'tracking_site.created',
        entityType: 'tracking_site',
        entityId: row.id,
        from: null,
        to: { name: row.name, allowedOrigins: origins },
        at: row.created_at,
      },
    ]);
  });
  return presentSite(row);
}

export async function readTrackingSites(ctx: ServiceContext, actor: Actor): Promise<TrackingSite[]> {
  authorize(actor, 'tracking.manage');
  return (await listTrackingSites(ctx.db)).map(presentSite);
}

export async function trackingSiteByKey(ctx: ServiceContext, publicKey: string) {
  if (publicKey.length > 100) return undefined;
  return findTrackingSiteByKey(ctx.db, publicKey);
}
