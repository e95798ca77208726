/**
 * What a CLI command that acts as a user needs: the database (embedded or PostgreSQL), the
 * services on the system clock, the bootstrap admin on an empty database, and the user the
 * command is recorded for (`--as`, default the first admin). Undefined (exit code 2, message on
 * stderr) when there is no such user.
 */
import { systemClock } from '../clock.js';
import type { Config } from '../config.js';
import type { Actor } from '../domain/roles.js';
import { storeLocation } from '../server.js';
import { createServiceContext, type ServiceContext } from '../services/context.js';
import { actorOf, bootstrapAdmin } from '../services/users.js';
import { openStore } from '../store/db.js';
import { findUserByEmail, listUsers } from '../store/repositories/users.js';
import { printBootstrap } from './bootstrap-message.js';

export interface CliWorkspace {
  ctx: ServiceContext;
  actor: Actor;
  close(): Promise<void>;
}

export async function openCliWorkspace(config: Config, as: string | undefined): Promise<CliWorkspace | undefined> {
  const store = await openStore(storeLocation(config));
  const ctx = createServiceContext(store.db, systemClock);
  const bootstrap = await bootstrapAdmin(ctx, {
    token: config.adminToken,
    email: config.adminEmail,
    password: config.adminPassword,
  });
  if (bootstrap.created) printBootstrap(bootstrap);
  const user = as ? await findUserByEmail(store.db, as) : (await listUsers(store.db, { role: 'admin' }))[0];
  if (!user) {
    console.error(as ? `leadloop: no user with the e-mail ${as}` : 'leadloop: no admin; name a user with --as');
    process.exitCode = 2;
    await store.close();
    return undefined;
  }
  return { ctx, actor: actorOf(user), close: () => store.close() };
}
