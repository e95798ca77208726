/**
 * `leadloop demo`: loads a realistic demo workspace into the configured store (server not
 * running, like `leadloop import`) so a newcomer sees a living system: users of every role
 * (SPEC §1) in their teams, and a few hundred Chinese B2B leads captured over the last 90 days
 * through every kind of channel, with repeats merged into existing leads (SPEC §2); the rep
 * roster, and 30 days of SDR and sales work on those leads (src/demo/lifecycle.ts), so every
 * role's screen has something to do.
 *
 * Running it again is safe: demo users that exist (by e-mail) are reused, and when the demo
 * users have captured leads already it loads nothing more and says "demo data is already
 * loaded" (exit code 0). Leads are captured through the capture service with a manual clock
 * set to each arrival's time, so createdAt, touches and the audit trail look lived-in.
 */
import { SingleBar } from 'cli-progress';
import { ManualClock } from '../clock.js';
import type { Config } from '../config.js';
import { type DemoLead, defaultDemoSeed, demoDays, generateDemoLeads } from '../demo/generate-leads.js';
import { type LifecycleSummary, runDemoLifecycle } from '../demo/lifecycle.js';
import { enrolDemoReps } from '../demo/rep-profiles.js';
import { demoPassword, demoUsers } from '../demo/roster.js';
import { type Actor, type Role, roles } from '../domain/roles.js';
import { storeLocation } from '../server.js';
import { captureInTransaction } from '../services/capture-leads.js';
import { createServiceContext } from '../services/context.js';
import { actorOf, bootstrapAdmin, createUser, issueToken } from '../services/users.js';
import { type DB, openStore } from '../store/db.js';
import { findUserByEmail, listTeams, listUsers, type UserRow } from '../store/repositories/users.js';
import { printBootstrap } from './bootstrap-message.js';

const MINUTE = 60_000;
const DAY = 86_400_000;
const BEIJING = 8 * 3_600_000;
export const maxDemoLeads = 50_000;

export async function runDemo(config: Config, opts: { leads: number }): Promise<void> {
  const count = opts.leads;
  if (!Number.isInteger(count) || count < 0 || count > maxDemoLeads) {
    console.error(`leadloop: --leads must be a whole number from 0 to ${maxDemoLeads}`);
    process.exitCode = 2;
    return;
  }
  const startedAt = Date.now();
  const now = new Date();
  // The workspace was "set up" the morning before the first lead arrived (09:00 Beijing time).
  const setUpAt = new Date(
    Math.floor((now.getTime() + BEIJING) / DAY) * DAY - BEIJING - demoDays * DAY + 9 * 3_600_000,
  );
  const clock = new ManualClock(setUpAt);
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
  const store = await openStore(storeLocation(config));
  try {
    const ctx = createServiceContext(store.db, clock);
    console.log(`LeadLoop demo workspace — database: ${where}`);

    const bootstrap = await bootstrapAdmin(ctx, {
      token: config.adminToken,
      email: config.adminEmail,
      password: config.adminPassword,
    });
    if (bootstrap.created) printBootstrap(bootstrap);
    const admin =
      (await listUsers(store.db, { role: 'admin' })).find((u) => u.active) ??
      (await listUsers(store.db, { role: 'admin' }))[0];
    if (!admin) {
      console.error('leadloop: the database has users but no admin; the demo needs one to create its users');
      process.exitCode = 2;
      return;
    }
    const adminActor = actorOf(admin);

    // Users: reuse the ones that exist (by e-mail), create the rest.
    const users = new Map<string, UserRow>();
    let created = 0;
    for (const u of demoUsers) {
      const existing = await findUserByEmail(store.db, u.email);
      if (existing) {
        if (existing.role !== u.role)
          console.warn(
            `  note: ${u.email} exists with the role ${existing.role} (the demo expects ${u.role}); reusing it as it is`,
          );
        users.set(u.email, existing);
        continue;
      }
      clock.advance(3 * MINUTE);
      users.set(
        u.email,
        await createUser(ctx, adminActor, {
          name: u.name,
          email: u.email,
          role: u.role,
          team: u.team,
          password: demoPassword,
        }),
      );
      created++;
    }
    const demoIds = [...users.values()].map((u) => u.id);
    console.log(
      created === demoUsers.length
        ? `Created ${created} demo users (password ${demoPassword}).`
        : `Demo users: ${created} created, ${demoUsers.length - created} already there and reused.`,
    );

    const loaded = await store.db
      .selectFrom('lead_touches')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('actor_id', 'in', demoIds)
      .executeTakeFirstOrThrow();
    if (Number(loaded.n) > 0) {
      console.log('');
      console.log(
        `demo data is already loaded: the demo users have captured ${loaded.n} lead arrivals in this database. Nothing more was loaded.`,
      );
      console.log(
        config.databaseUrl
          ? 'To load it afresh, use an empty database.'
          : 'To load it afresh, use an empty --data directory.',
      );
      await printUsers(store.db, [admin, ...demoUsers.map((u) => users.get(u.email) as UserRow)]);
      printNext(config, admin, null);
      return;
    }

    // Sales ops set up the rep roster before the first lead arrives (direct-to-sales leads route at capture).
    const opsUser = demoUsers.find((u) => u.role === 'sales_ops');
    const ops = opsUser ? users.get(opsUser.email) : undefined;
    const reps = ops && count > 0 ? await enrolDemoReps(ctx, actorOf(ops), users, clock.now(), now) : null;

    // Leads, oldest first, one transaction per Beijing day, each at its own time.
    const leads = generateDemoLeads({ count, now });
    const captureStartedAt = Date.now();
    const actors = new Map<string, Actor>([...users].map(([email, row]) => [email, actorOf(row)]));
    const failures: { lead: DemoLead; errors: unknown }[] = [];
    let merged = 0;
    let firsts = 0;
    const bar =
      process.stdout.isTTY && leads.length > 0
        ? new SingleBar({ format: 'capturing [{bar}] {value}/{total} arrivals | {day}', hideCursor: true })
        : undefined;
    bar?.start(leads.length, 0, { day: '' });
    for (const day of byBeijingDay(leads)) {
      await store.db.transaction().execute(async (trx) => {
        for (const lead of day) {
          clock.set(lead.capturedAt);
          const [outcome] = await captureInTransaction(
            trx,
            ctx,
            [{ actor: actors.get(lead.capturedBy) as Actor, input: lead.input }],
            { touchKind: 'capture' },
          );
          if (!outcome.ok) failures.push({ lead, errors: outcome.errors });
          else if (outcome.merged) merged++;
          else firsts++;
        }
      });
      bar?.increment(day.length, { day: beijingDate(day[0].capturedAt) });
    }
    bar?.stop();
    const seconds = ((Date.now() - captureStartedAt) / 1000).toFixed(1);
    if (leads.length === 0)
      console.log('No leads were asked for (--leads 0): the users only; run `leadloop demo` again for the leads.');
    else
      console.log(
        `Captured ${leads.length} arrivals from the last ${demoDays} days: ${firsts} new leads, ${merged} repeats merged into existing leads (${seconds} s; ${((Date.now() - startedAt) / 1000).toFixed(1)} s in all).`,
      );
    if (failures.length) {
      console.error(`leadloop: ${failures.length} demo leads were refused:`);
      for (const f of failures.slice(0, 5))
        console.error(`  ${JSON.stringify(f.lead.input)} → ${JSON.stringify(f.errors)}`);
      process.exitCode = 1;
    }

    if (leads.length > 0 && reps) {
      await printLeadSummary(store.db, demoIds);
      const lifecycleStartedAt = Date.now();
      const refusals: string[] = [];
      const life = await runDemoLifecycle(ctx, clock, users, {
        now,
        leadCount: count,
        seed: defaultDemoSeed,
        reps,
        onRefused: (step, error) =>
          refusals.push(`${step.kind} ${step.leadId}: ${error instanceof Error ? error.message : String(error)}`),
      });
      printLifecycle(life, (Date.now() - lifecycleStartedAt) / 1000);
      if (refusals.length) console.log(`  (${refusals.length} steps were refused on the way, e.g. ${refusals[0]})`);
    }

    // One API token per role, issued now (the real time), for trying the API.
    clock.set(new Date());
    const tokens: { role: Role; user: UserRow; token: string }[] = [];
    for (const role of roles) {
      const user =
        role === 'admin'
          ? admin
          : demoUsers.filter((u) => u.role === role).map((u) => users.get(u.email) as UserRow)[0];
      if (!user) continue;
      tokens.push({ role, user, token: (await issueToken(ctx, adminActor, user.id, 'demo')).token });
    }
    await printUsers(store.db, [admin, ...demoUsers.map((u) => users.get(u.email) as UserRow)]);
    console.log('');
    console.log('API tokens for trying the API (one per role, label "demo", shown once):');
    printTable(
      ['role', 'user', 'token'],
      tokens.map((t) => [t.role, t.user.name, t.token]),
    );
    printNext(config, admin, tokens.find((t) => t.role === 'sdr')?.token ?? null);
  } finally {
    await store.close();
  }
}

function beijingDay(at: Date): number {
  return Math.floor((at.getTime() + BEIJING) / DAY);
}

function beijingDate(at: Date): string {
  return new Date(at.getTime() + BEIJING).toISOString().slice(0, 10);
}

function byBeijingDay(leads: readonly DemoLead[]): DemoLead[][] {
  const days: DemoLead[][] = [];
  for (const lead of leads) {
    const last = days[days.length - 1];
    if (last && beijingDay(last[0].capturedAt) === beijingDay(lead.capturedAt)) last.push(lead);
    else days.push([lead]);
  }
  return days;
}

async function printLeadSummary(db: DB, demoIds: string[]): Promise<void> {
  if (demoIds.length === 0) return;
  const channels = await db.selectFrom('channels').select(['id', 'name_zh', 'kind']).execute();
  const leadsBy = await db
    .selectFrom('leads')
    .select(['channel_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('created_by', 'in', demoIds)
    .groupBy('channel_id')
    .execute();
  const repeatsBy = await db
    .selectFrom('lead_touches')
    .select(['channel_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('actor_id', 'in', demoIds)
    .where('kind', '=', 'merge')
    .groupBy('channel_id')
    .execute();
  const statuses = await db
    .selectFrom('leads')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('created_by', 'in', demoIds)
    .groupBy('status')
    .orderBy('status')
    .execute();
  const matched = await db
    .selectFrom('lead_merges')
    .select(['matched_on', (eb) => eb.fn.countAll<number>().as('n')])
    .where('actor_id', 'in', demoIds)
    .groupBy('matched_on')
    .orderBy('matched_on')
    .execute();
  const n = (rows: { channel_id: string | null; n: number }[], id: string) =>
    Number(rows.find((r) => r.channel_id === id)?.n ?? 0);
  const rows = channels
    .map((c) => ({ c, leads: n(leadsBy, c.id), repeats: n(repeatsBy, c.id) }))
    .filter((r) => r.leads + r.repeats > 0)
    .sort((a, b) => b.leads - a.leads || b.repeats - a.repeats);
  const totalLeads = rows.reduce((s, r) => s + r.leads, 0);
  const totalRepeats = rows.reduce((s, r) => s + r.repeats, 0);
  console.log('');
  console.log('Leads by channel (first touch), and repeats that came through it and merged:');
  printTable(
    ['channel', '', 'kind', 'leads', 'share', 'repeats'],
    [
      ...rows.map((r) => [
        r.c.id,
        r.c.name_zh,
        r.c.kind,
        String(r.leads),
        totalLeads ? `${((100 * r.leads) / totalLeads).toFixed(0)}%` : '',
        r.repeats ? String(r.repeats) : '',
      ]),
      ['total', '', '', String(totalLeads), '', String(totalRepeats)],
    ],
    [3, 4, 5],
  );
  console.log(
    `Merges: ${totalRepeats} (matched on ${matched.map((m) => `${m.matched_on} ${m.n}`).join(', ') || 'nothing'}).`,
  );
  console.log(
    `Lead status: ${statuses.map((s) => `${s.status} ${s.n}`).join(', ')} (outbound leads are the calling SDR's, working).`,
  );
}

function printLifecycle(life: LifecycleSummary, seconds: number): void {
  const h = life.handoffs;
  const o = life.opportunities;
  console.log('');
  console.log(
    `Rep roster: ${life.reps.profiles} rep profiles; eligible in ${[...life.reps.earlierMonths, life.reps.lastMonth].join(', ')}: ${life.reps.profiles}, in ${life.reps.thisMonth}: ${life.reps.eligibleThisMonth}${life.reps.offThisMonth.length ? ` (${life.reps.offThisMonth.join(', ')} off this month)` : ''}.`,
  );
  console.log(
    `The last 30 days worked (${life.steps} steps, ${seconds.toFixed(1)} s): hand-offs pending ${h.pending ?? 0}, accepted ${h.accepted ?? 0}, rejected ${h.rejected ?? 0}, returned ${h.returned ?? 0}; open manual-dispatch requests ${life.dispatchOpen}.`,
  );
  console.log(
    `Opportunities: open ${o.open ?? 0}, won ${o.won ?? 0} (¥${life.wonAmount.toLocaleString('en-US')}), lost ${o.lost ?? 0}. Leads in the pool (nurturing): ${life.pool}. Channel spend entered: ¥${life.spend.toLocaleString('en-US')}.`,
  );
}

async function printUsers(db: DB, users: UserRow[]): Promise<void> {
  const teams = new Map((await listTeams(db)).map((t) => [t.id, t.name]));
  const byRole = roles.map((role) => `${role} ${users.filter((u) => u.role === role).length}`).join(', ');
  console.log('');
  console.log(`Users by role: ${byRole}. Every demo user's password is ${demoPassword}.`);
  printTable(
    ['role', 'name', 'e-mail', 'team'],
    users.map((u) => [u.role, u.name, u.email, u.team_id ? (teams.get(u.team_id) ?? '') : '']),
  );
}

function printNext(config: Config, admin: UserRow, sdrToken: string | null): void {
  const base = `http://localhost:${config.port}`;
  const startCommand = config.databaseUrl
    ? 'npm start            (with the same DATABASE_URL)'
    : `npm start -- --data ${shellQuote(config.dataDir)}`;
  console.log('');
  console.log('Next:');
  console.log(`  start the server:  ${startCommand}`);
  console.log(`  sign in:           ${base}/login with any e-mail above and the password ${demoPassword}`);
  console.log(`                     (the admin, ${admin.email}, signs in with its own password)`);
  console.log(`  or try the API:    curl -H "Authorization: Bearer ${sdrToken ?? '<token>'}" ${base}/api/v1/leads`);
}

function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;
}

/** Display width: Chinese characters take two columns. */
function widthOf(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return w;
}

function printTable(header: string[], rows: string[][], rightAligned: number[] = []): void {
  const widths = header.map((h, i) => Math.max(widthOf(h), ...rows.map((r) => widthOf(r[i] ?? ''))));
  const line = (cells: string[]) =>
    `  ${cells
      .map((c, i) => {
        const pad = ' '.repeat(widths[i] - widthOf(c));
        return rightAligned.includes(i) ? pad + c : c + pad;
      })
      .join('  ')
      .trimEnd()}`;
  console.log(line(header));
  for (const r of rows) console.log(line(r));
}
