/**
 * Per-process notification settings: where links in messages point (LEADLOOP_PUBLIC_URL, by
 * default http://localhost:<port>). Kept beside the service context, set once at start.
 */
import type { ServiceContext } from '../context.js';

export interface NotificationSettings {
  publicUrl: string;
}

const settings = new WeakMap<ServiceContext, NotificationSettings>();

export function configureNotifications(ctx: ServiceContext, value: NotificationSettings): void {
  settings.set(ctx, value);
}

export function notificationSettings(ctx: ServiceContext): NotificationSettings {
  return settings.get(ctx) ?? { publicUrl: 'http://localhost:3000' };
}

/** LEADLOOP_PUBLIC_URL, or http://localhost with the port the server listens on. */
export function publicUrlOf(configured: string | undefined, listeningUrl: string): string {
  if (configured?.trim()) return configured.trim().replace(/\/+$/, '');
  return `http://localhost:${new URL(listeningUrl).port}`;
}
