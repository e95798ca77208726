/** Channels are data (SPEC §2): admins and marketing add channels and retire them. */
import { Conflict, Forbidden, NotFound } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import type { Actor } from '../domain/roles.js';
import { lockKeys } from '../store/advisory-locks.js';
import { appendAudit } from '../store/repositories/audit.js';
import { findChannel, insertChannel, updateChannel } from '../store/repositories/channels.js';
import type { ServiceContext } from './context.js';

export interface ChannelInput {
  id: string;
  name: string;
  nameZh?: string | null;
  kind: 'free' | 'paid';
  defaultPath: 'direct_to_sales' | 'sdr_queue' | 'pool';
}

export async function addChannel(ctx: ServiceContext, actor: Actor, input: ChannelInput) {
  authorize(actor, 'channels.manage');
  const row = await ctx.db.transaction().execute(async (trx) => {
    await lockKeys(trx, [`channel:${input.id}`]);
    if (await findChannel(trx, input.id)) throw new Conflict(`the channel ${input.id} exists already`);
    const now = ctx.clock.now();
    const channel = {
      id: input.id,
      name: input.name,
      name_zh: input.nameZh ?? input.name,
      kind: input.kind,
      default_path: input.defaultPath,
      built_in: false,
      active: true,
      created_at: now,
    };
    await insertChannel(trx, channel);
    await appendAudit(trx, [
      {
        id: ctx.newId(),
        actorId: actor.id,
        action: 'channel.created',
        entityType: 'channel',
        entityId: input.id,
        to: { ...input },
        at: now,
      },
    ]);
    return channel;
  });
  await ctx.channels.reload(ctx.db);
  return row;
}

export async function changeChannel(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  change: {
    name?: string;
    nameZh?: string;
    kind?: 'free' | 'paid';
    defaultPath?: ChannelInput['defaultPath'];
    active?: boolean;
  },
) {
  authorize(actor, 'channels.manage');
  const row = await ctx.db.transaction().execute(async (trx) => {
    const before = await findChannel(trx, id);
    if (!before) throw new NotFound(`channel ${id}`);
    if (before.built_in && change.active === false)
      throw new Forbidden(`the built-in channel ${id} cannot be retired; integrations rely on its id`);
    const set = {
      ...(change.name !== undefined ? { name: change.name } : {}),
      ...(change.nameZh !== undefined ? { name_zh: change.nameZh } : {}),
      ...(change.kind !== undefined ? { kind: change.kind } : {}),
      ...(change.defaultPath !== undefined ? { default_path: change.defaultPath } : {}),
      ...(change.active !== undefined ? { active: change.active } : {}),
    };
    const after = await updateChannel(trx, id, set);
    await appendAudit(trx, [
      {
        id: ctx.newId(),
        actorId: actor.id,
        action: 'channel.changed',
        entityType: 'channel',
        entityId: id,
        from: pick(before, Object.keys(set)),
        to: set,
        at: ctx.clock.now(),
      },
    ]);
    return after;
  });
  await ctx.channels.reload(ctx.db);
  return row;
}

function pick(row: object, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, (row as Record<string, unknown>)[k]]));
}
