/**
 * Capacity stays exact for a rep in two rotation pools (SPEC §5.2: only reps below capacity):
 * two real LeadLoop processes on one PostgreSQL database, a Shanghai lead and a Beijing lead
 * transferred at the same instant, again and again. The shared rep covers both regions and
 * weighs most, so both pools want them each time; with one open MQL of room, only one of the
 * two transfers may give them a lead — the other must go to that pool's other rep. Each pool
 * locks only itself, so without a per-rep check both would read the shared rep's load before
 * either commits. PostgreSQL only: PGlite is one connection in one process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eligibilityMonth } from '../../src/services/roster/eligibility-month.js';
import { freshPostgresDatabase } from '../support/postgres.js';
import { type LeadLoopProcess, startLeadLoopProcess } from '../support/processes.js';
import { adminToken, type Client, client, makeUser } from '../support/server.js';

const ROUNDS = 12;

describe.runIf(Boolean(process.env.LEADLOOP_TEST_DATABASE_URL))(
  'a rep in two pools at capacity − 1, picked by transfers in both pools at once (two processes)',
  () => {
    let db: Awaited<ReturnType<typeof freshPostgresDatabase>> | undefined;
    const servers: LeadLoopProcess[] = [];
    let sdrs: Client[] = [];
    let admin: Client;
    let shared: { id: string; api: Client };
    let shanghaiOnly: string;
    let beijingOnly: string;
    let phone = 13_986_420_000;

    const stopAll = async () => {
      await Promise.all(servers.splice(0).map((s) => s.stop()));
      await db?.drop();
      db = undefined;
    };

    beforeAll(async () => {
      db = await freshPostgresDatabase(process.env.LEADLOOP_TEST_DATABASE_URL as string);
      try {
        const env = { DATABASE_URL: db.url, LEADLOOP_ADMIN_TOKEN: adminToken };
        servers.push(await startLeadLoopProcess({ env }));
        servers.push(await startLeadLoopProcess({ env }));
        admin = client(servers[0].base, adminToken);
        const asAdmin = { admin, as: (token: string) => client(servers[0].base, token) };
        const sdr = await makeUser(asAdmin, 'sdr', { name: '林晓' });
        sdrs = servers.map((s) => client(s.base, sdr.token));
        const profile = async (id: string, regions: string[], weight: number, capacity: number) => {
          const r = await admin('PUT', `/reps/${id}`, {
            regions,
            industries: [],
            level: 3,
            weight,
            capacity,
            department: '华东一部',
          });
          expect(r.status, r.text).toBe(200);
        };
        const both = await makeUser(asAdmin, 'sales', { name: '双区销售' });
        shared = { id: both.id, api: client(servers[0].base, both.token) };
        await profile(both.id, ['上海', '北京'], 3, 1);
        shanghaiOnly = (await makeUser(asAdmin, 'sales', { name: '上海销售' })).id;
        await profile(shanghaiOnly, ['上海'], 1, 10_000);
        beijingOnly = (await makeUser(asAdmin, 'sales', { name: '北京销售' })).id;
        await profile(beijingOnly, ['北京'], 1, 10_000);
        const e = await admin('PUT', `/eligibility/${eligibilityMonth(new Date())}`, {
          repIds: [both.id, shanghaiOnly, beijingOnly],
        });
        expect(e.status, e.text).toBe(200);
      } catch (error) {
        const said = servers.map((s, i) => `--- process ${i} (pid ${s.pid}) ---\n${s.output()}`).join('\n');
        await stopAll();
        throw new Error(`${(error as Error).message}\n${said}`);
      }
    });
    afterAll(stopAll);

    const qualifiedLead = async (region: string) => {
      phone += 7;
      const r = await admin('POST', '/leads', { name: '客户', phone: String(phone), channel: 'sem', region });
      expect(r.status, r.text).toBe(201);
      const q = await sdrs[0]('PUT', `/leads/${r.body.lead.id}/qualification`, {
        framework: 'BANT',
        answers: { budget: 'yes', authority: 'yes', need: 'yes', timing: 'yes' },
      });
      expect(q.status, q.text).toBe(200);
      return r.body.lead.id as string;
    };

    it('never gives the shared rep more open MQLs than their capacity; the other pool picks its own rep', async () => {
      let sharedPicks = 0;
      for (let round = 0; round < ROUNDS; round++) {
        const shanghai = await qualifiedLead('上海');
        const beijing = await qualifiedLead('北京');
        const [a, b] = await Promise.all([
          sdrs[0]('POST', `/leads/${shanghai}/transfer`, { mode: 'auto' }),
          sdrs[1]('POST', `/leads/${beijing}/transfer`, { mode: 'auto' }),
        ]);
        expect(a.status, a.text).toBe(201);
        expect(b.status, b.text).toBe(201);
        expect([shared.id, shanghaiOnly]).toContain(a.body.handoff.repId);
        expect([shared.id, beijingOnly]).toContain(b.body.handoff.repId);
        const toShared = [a, b].filter((r) => r.body.handoff.repId === shared.id);
        expect(toShared.length, `round ${round}: both pools gave the shared rep a lead`).toBeLessThanOrEqual(1);
        const status = await admin('GET', `/reps/${shared.id}/status`);
        expect(status.status, status.text).toBe(200);
        expect(status.body.openMqls, `round ${round}`).toBeLessThanOrEqual(1);
        // The shared rep accepts what they got, which frees their one place for the next round.
        for (const r of toShared) {
          sharedPicks++;
          const accepted = await shared.api('POST', `/handoffs/${r.body.handoff.id}/accept`, {});
          expect(accepted.status, accepted.text).toBe(200);
        }
      }
      // The shared rep weighs 3 against 1 in both pools: they were wanted, and got a lead most rounds.
      expect(sharedPicks).toBeGreaterThanOrEqual(ROUNDS / 2);
    }, 120_000);
  },
);
