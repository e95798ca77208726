/**
 * One short transaction that takes this sender's share of the due outbox (SPEC §9): webhook
 * and e-mail rows one by one, and per chat robot the rows waiting for it — only while the
 * robot's rate limit has room (a WeCom group robot takes 20 requests a minute), the request
 * counted against it here, so several senders together stay within it. What waits is sent
 * later as one batched message rather than dropped.
 */
import { robotChannels } from '../../integrations/notify/robots.js';
import {
  claimRobotRows,
  claimSingles,
  forgetRobotSendsBefore,
  lockDueRobots,
  type OutboxRow,
  recentRobotSends,
  recordRobotSend,
} from '../../store/repositories/outbox.js';
import type { RobotKind } from '../../store/schema-notifications.js';
import type { ServiceContext } from '../context.js';

export interface ClaimedRobot {
  robot: { id: string; kind: RobotKind; url: string; secret: string | null };
  rows: OutboxRow[];
}

export interface Claim {
  singles: OutboxRow[];
  robots: ClaimedRobot[];
}

const SINGLES_PER_ROUND = 50;
const ROBOTS_PER_ROUND = 20;
/** Messages considered for one robot request; as many as fit the vendor's size limit go. */
const MESSAGES_PER_REQUEST = 30;
const RATE_WINDOW_MS = 60_000;

export async function claimDue(ctx: ServiceContext, now: Date, token: string): Promise<Claim> {
  return ctx.db.transaction().execute(async (trx) => {
    const singles = await claimSingles(trx, now, token, SINGLES_PER_ROUND);
    const due = await lockDueRobots(trx, now, ROBOTS_PER_ROUND);
    const windowStart = new Date(now.getTime() - RATE_WINDOW_MS);
    const used = await recentRobotSends(
      trx,
      due.map((r) => r.id),
      windowStart,
    );
    const robots: ClaimedRobot[] = [];
    for (const robot of due) {
      const kind = robot.kind as RobotKind;
      if ((used.get(robot.id) ?? 0) >= robotChannels[kind].perMinute) continue;
      const rows = await claimRobotRows(trx, robot.id, now, token, MESSAGES_PER_REQUEST);
      if (rows.length === 0) continue;
      await recordRobotSend(trx, { id: ctx.newId(), robotId: robot.id, messages: rows.length, at: now });
      robots.push({ robot: { ...robot, kind }, rows });
    }
    if (robots.length > 0) await forgetRobotSendsBefore(trx, new Date(now.getTime() - 24 * 3_600_000));
    return { singles, robots };
  });
}
