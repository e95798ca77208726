/**
 * Team-chat robots (SPEC §9), admin only: a WeCom group robot, a DingTalk robot, a Feishu/Lark
 * bot or a Slack incoming webhook, told the events of the types it subscribes to — a dispatch
 * request arrives as a lead card for the team to pick a rep. The secret (DingTalk and Feishu
 * signing) is never shown again.
 */
import { NotFound } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import type { Actor } from '../../domain/roles.js';
import type { RobotKind } from '../../integrations/notify/robots.js';
import { appendAudit } from '../../store/repositories/audit.js';
import {
  deleteRobot,
  findRobot,
  insertRobot,
  listRobots,
  type RobotRow,
} from '../../store/repositories/integrations.js';
import { failPending } from '../../store/repositories/outbox.js';
import type { ServiceContext } from '../context.js';
import { distinctEvents, eventProblems, throwIfAny, urlProblems } from './subscription-input.js';

export interface RobotView {
  id: string;
  kind: RobotKind;
  name: string | null;
  url: string;
  events: string[];
  signed: boolean;
  createdAt: string;
}

export const presentRobot = (r: RobotRow): RobotView => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  url: r.url,
  events: r.events,
  signed: r.secret !== null,
  createdAt: new Date(r.created_at).toISOString(),
});

export async function createRobot(
  ctx: ServiceContext,
  actor: Actor,
  input: { kind: RobotKind; url: string; events: readonly string[]; secret?: string | null; name?: string | null },
): Promise<RobotView> {
  authorize(actor, 'integrations.manage');
  throwIfAny([...urlProblems(input.url), ...eventProblems(input.events)]);
  const at = ctx.clock.now();
  const row: RobotRow = {
    id: ctx.newId(),
    kind: input.kind,
    name: input.name?.trim() || null,
    url: input.url,
    events: distinctEvents(input.events),
    secret: input.secret || null,
    created_by: actor.id,
    created_at: at,
    deleted_at: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await insertRobot(trx, { ...row, createdBy: actor.id, at });
    await appendAudit(trx, [
      {
        id: ctx.newId(),
        actorId: actor.id,
        action: 'robot.created',
        entityType: 'chat_robot',
        entityId: row.id,
        to: { kind: row.kind, name: row.name, url: row.url, events: row.events, signed: row.secret !== null },
        at,
      },
    ]);
  });
  return presentRobot(row);
}

export async function readRobots(ctx: ServiceContext, actor: Actor): Promise<RobotView[]> {
  authorize(actor, 'integrations.manage');
  return (await listRobots(ctx.db)).map(presentRobot);
}

export async function removeRobot(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
  authorize(actor, 'integrations.manage');
  const at = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const robot = await findRobot(trx, id);
    if (!robot || !(await deleteRobot(trx, id, at))) throw new NotFound(`robot ${id}`);
    await failPending(trx, 'robot', id, 'the robot was deleted');
    await appendAudit(trx, [
      {
        id: ctx.newId(),
        actorId: actor.id,
        action: 'robot.deleted',
        entityType: 'chat_robot',
        entityId: id,
        from: { kind: robot.kind, url: robot.url, events: robot.events },
        at,
      },
    ]);
  });
}
