/**
 * Starting LeadLoop: open the store (migrations on start), bootstrap the admin on an empty
 * database, build the API and listen. Used by `leadloop start` and by the API tests.
 */
import type { FastifyInstance } from 'fastify';
import { type Clock, ManualClock, systemClock } from './clock.js';
import type { Config } from './config.js';
import { buildApp } from './http/app.js';
import { createServiceContext, type ServiceContext } from './services/context.js';
import { startDueWorkLoop } from './services/due-work.js';
import { failInterruptedImports } from './services/import-leads.js';
import { startNotifications } from './services/notifications/start-notifications.js';
import { failInterruptedTrainings } from './services/predictive/train-predictive-model.js';
import { bootstrapAdmin } from './services/users.js';
import { openStore, type Store, type StoreLocation } from './store/db.js';
import { liveChannel } from './store/repositories/live-updates.js';

export interface RunningServer {
  app: FastifyInstance;
  store: Store;
  ctx: ServiceContext;
  url: string;
  bootstrap: Awaited<ReturnType<typeof bootstrapAdmin>>;
  close(): Promise<void>;
}

const DUE_WORK_EVERY = { timersEveryMs: 30_000, allEveryMs: 5 * 60_000 };

export function storeLocation(config: Pick<Config, 'databaseUrl' | 'dataDir'>): StoreLocation {
  return config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir };
}

export async function startServer(
  config: Config,
  options: { location?: StoreLocation; clock?: Clock } = {},
): Promise<RunningServer> {
  const store = await openStore(options.location ?? storeLocation(config));
  try {
    const manualClock =
      config.clock === 'manual'
        ? options.clock instanceof ManualClock
          ? options.clock
          : new ManualClock(new Date())
        : undefined;
    const ctx = createServiceContext(store.db, manualClock ?? options.clock ?? systemClock, {
      concurrency: store.engine === 'pglite' ? 1 : 4,
    });
    if (store.engine === 'pglite') {
      await failInterruptedImports(ctx);
      await failInterruptedTrainings(ctx);
    }
    const bootstrap = await bootstrapAdmin(ctx, {
      token: config.adminToken,
      email: config.adminEmail,
      password: config.adminPassword,
    });
    const app = await buildApp({ ctx, manualClock, logLevel: config.logLevel });
    const stopListening = await store.listen(liveChannel, (payload) => ctx.live.deliver(payload));
    const address = await app.listen({ port: config.port, host: config.host });
    const url = address.replace('0.0.0.0', '127.0.0.1').replace('[::]', '127.0.0.1');
    ctx.enrichment.onError = (error, leadIds) => app.log.error({ err: error, leadIds }, 'enrichment failed');
    ctx.enrichment.start();
    // Outbox deliveries (SPEC §9) about a second after each commit; links point at LEADLOOP_PUBLIC_URL.
    const notifications = startNotifications(ctx, config.publicUrl, url, (error) =>
      app.log.error(error, 'outbox delivery failed'),
    );
    // The manual clock runs due work when it is moved (POST /admin/clock).
    const dueWork = manualClock
      ? undefined
      : startDueWorkLoop(ctx, DUE_WORK_EVERY, (error) => app.log.error(error, 'due work failed'));
    return {
      app,
      store,
      ctx,
      url,
      bootstrap,
      close: async () => {
        await dueWork?.stop();
        await notifications.stop();
        await app.close();
        await stopListening();
        await ctx.enrichment.stop();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
