/**
 * Two SLA recalls at once that swap leads between the same two reps (SPEC §6.2: a lead still
 * undecided after the grace period goes to another rep): lead A is taken from rep X and can
 * only go to Y, lead B from Y and can only go to X. Each recall takes one rep's load off and
 * puts one on the other's, and the load rows (rep_loads, kept by a trigger) are locked in the
 * order the recall changes them — X then Y against Y then X — so both must take them in one
 * order, or PostgreSQL finds a deadlock and aborts one recall.
 *
 * The two recalls run in two sweeps of the timers at once (as two processes would), and a
 * third transaction holds both leads for a moment, so that both recalls are mid-way at the same
 * time, whatever order they started in. PostgreSQL only: PGlite is one connection.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepDueTimers } from '../../src/services/timers/sweep-timers.js';
import { timerHandlers } from '../../src/services/timers/timer-handlers.js';
import { enrolShanghaiReps } from '../support/roster.js';
import { makeUser, startTestServer, type TestServer } from '../support/server.js';

const HOUR = 3_600_000;

describe.runIf(Boolean(process.env.LEADLOOP_TEST_DATABASE_URL))(
  'two SLA recalls at once swapping leads between the same two reps',
  () => {
    let t: TestServer;
    let reps: { id: string }[];

    beforeAll(async () => {
      t = await startTestServer('postgres');
      const ops = await makeUser(t, 'sales_ops');
      reps = [await makeUser(t, 'sales', { name: '王五' }), await makeUser(t, 'sales', { name: '赵六' })];
      await enrolShanghaiReps(ops, reps);
      const policy = (await ops.call('GET', '/sla/policy')).body.policy;
      const saved = await ops.call('PUT', '/sla/policy', {
        policy: { ...policy, acceptance: { ...policy.acceptance, recallAfterBreachHours: 1 } },
      });
      expect(saved.status, saved.text).toBe(200);
    });
    afterAll(async () => t?.stop());

    it('both recalls commit, each lead going to the other rep, with the loads exact', async () => {
      const handoffs = [];
      for (const phone of ['13900071001', '13900071002']) {
        const c = await t.admin('POST', '/leads', {
          name: '询盘客户',
          phone,
          channel: 'inbound_inquiry',
          region: '上海',
        });
        expect(c.status, c.text).toBe(201);
        handoffs.push((await t.admin('GET', `/leads/${c.body.lead.id}/handoffs`)).body.items[0]);
      }
      expect(new Set(handoffs.map((h) => h.repId))).toEqual(new Set(reps.map((r) => r.id)));

      // The breaches (48 h) fire through the API; the recalls (an hour later) are left due.
      const breached = await t.admin('POST', '/admin/clock', { advance: `${48 * 60 + 1}m` });
      expect(breached.status, breached.text).toBe(200);
      t.clock.advance(HOUR);

      const { ctx, store } = t.server;
      const leadIds = handoffs.map((h) => h.leadId as string);
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let holding = () => {};
      const leadsHeld = new Promise<void>((resolve) => {
        holding = resolve;
      });
      const holder = store.db.transaction().execute(async (trx) => {
        await sql`SELECT id FROM leads WHERE id = ANY(${leadIds}::text[]) ORDER BY id FOR UPDATE`.execute(trx);
        holding();
        await held;
      });
      await leadsHeld;
      const errors: unknown[] = [];
      const sweeps = [1, 2].map(() => sweepDueTimers(ctx, timerHandlers, (error) => errors.push(error)));
      // Both recalls wait for a lock (the held leads, or each other's rep) before the holder lets go.
      for (let waiting = 0; waiting < 2; ) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock'`.execute(store.db);
        waiting = rows[0].n;
      }
      release();
      await holder;
      const results = await Promise.all(sweeps);
      expect(errors.map(String)).toEqual([]);
      expect(results.reduce((n, r) => n + r.fired, 0)).toBe(2);

      for (const h of handoffs) {
        const all = (await t.admin('GET', `/leads/${h.leadId}/handoffs`)).body.items;
        expect(all.find((x: { id: string }) => x.id === h.id).status).toBe('recalled');
        const next = all.find((x: { status: string }) => x.status === 'pending');
        expect(next.repId).not.toBe(h.repId);
      }
      const { rows: loads } = await sql<{ rep_id: string; open_mqls: number }>`SELECT rep_id, open_mqls FROM rep_loads
        WHERE rep_id = ANY(${reps.map((r) => r.id)}::text[])`.execute(store.db);
      expect(loads.map((l) => l.open_mqls)).toEqual([1, 1]);
    });
  },
);
