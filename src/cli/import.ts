/**
 * `leadloop import [--history] <file>`: the import service with a progress bar and an error
 * report file. --history loads past leads to learn from (SPEC §10.1 "History import").
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { SingleBar } from 'cli-progress';
import { systemClock } from '../clock.js';
import type { Config } from '../config.js';
import { InvalidInput } from '../domain/errors.js';
import { storeLocation } from '../server.js';
import { createServiceContext } from '../services/context.js';
import { importHistoryFile } from '../services/import-history.js';
import { failInterruptedImports, importLeadFile } from '../services/import-leads.js';
import { actorOf, bootstrapAdmin } from '../services/users.js';
import { openStore } from '../store/db.js';
import { findUserByEmail, listUsers } from '../store/repositories/users.js';
import { printBootstrap } from './bootstrap-message.js';

export async function runImport(
  config: Config,
  file: string,
  opts: { as?: string; errors?: string; history?: boolean },
): Promise<void> {
  const bytes = readFileSync(file);
  const store = await openStore(storeLocation(config));
  const ctx = createServiceContext(store.db, systemClock);
  ctx.enrichment.onError = (error) => console.error(`leadloop: enrichment failed: ${(error as Error).message}`);
  ctx.enrichment.start();
  try {
    if (store.engine === 'pglite') await failInterruptedImports(ctx);
    const bootstrap = await bootstrapAdmin(ctx, {
      token: config.adminToken,
      email: config.adminEmail,
      password: config.adminPassword,
    });
    if (bootstrap.created) printBootstrap(bootstrap);
    const user = opts.as ? await findUserByEmail(store.db, opts.as) : (await listUsers(store.db, { role: 'admin' }))[0];
    if (!user) {
      console.error(
        opts.as
          ? `leadloop: no user with the e-mail ${opts.as}`
          : 'leadloop: the database has users but no admin; name one with --as',
      );
      process.exitCode = 2;
      return;
    }
    const bar = new SingleBar({
      format:
        'importing [{bar}] {percentage}% | {value}/{total} rows | {created} new, {merged} merged, {failed} failed',
      hideCursor: true,
    });
    let started = false;
    const run = opts.history ? importHistoryFile : importLeadFile;
    let summary: Awaited<ReturnType<typeof run>>;
    try {
      summary = await run(ctx, actorOf(user), { bytes, name: basename(file) }, (p) => {
        if (!started) {
          bar.start(p.total, 0, { created: 0, merged: 0, failed: 0 });
          started = true;
        }
        bar.update(p.processed, { created: p.created, merged: p.merged, failed: p.failed });
      });
    } catch (error) {
      // A file refused as a whole (unreadable; a history file without outcomes): a message, not a stack trace.
      if (!(error instanceof InvalidInput)) throw error;
      console.error(`leadloop: ${error.message}`);
      process.exitCode = 2;
      return;
    }
    if (started) bar.stop();
    // Imported leads are enriched as the server would (SPEC §3); the chain runs before we exit.
    if (!opts.history && summary.created + summary.merged > 0) {
      console.log('Enriching the imported leads from the configured providers…');
      await ctx.enrichment.idle();
    }
    console.log(
      opts.history
        ? `History import ${summary.id}: ${summary.created} new history leads, ${summary.merged} updated, ${summary.failed} rows failed.`
        : `Import ${summary.id}: ${summary.created} new, ${summary.merged} merged into existing leads, ${summary.failed} rows failed.`,
    );
    if (summary.errors.length) {
      const target = opts.errors ?? `${file}.errors.csv`;
      const lines = [
        'row,field,message',
        ...summary.errors.map((e) =>
          [e.rowNumber, e.field, e.message].map((v) => `"${String(v).replace(/"/g, '""')}"`).join(','),
        ),
      ];
      writeFileSync(target, `\uFEFF${lines.join('\r\n')}\r\n`);
      console.log(`Error report: ${target}`);
    }
  } finally {
    await ctx.enrichment.stop();
    await store.close();
  }
}
