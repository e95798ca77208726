/** What a server process runs for notifications: the public URL for links, and the delivery loop. */
import type { ServiceContext } from '../context.js';
import { type DeliveryLoop, startDeliveryLoop } from './delivery-loop.js';
import { configureNotifications, publicUrlOf } from './notification-settings.js';

const DELIVER_EVERY_MS = 1_000;

export function startNotifications(
  ctx: ServiceContext,
  publicUrl: string | undefined,
  listeningUrl: string,
  log: (error: unknown) => void,
): DeliveryLoop {
  configureNotifications(ctx, { publicUrl: publicUrlOf(publicUrl, listeningUrl) });
  return startDeliveryLoop(ctx, DELIVER_EVERY_MS, log);
}
