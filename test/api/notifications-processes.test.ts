/**
 * The outbox under several processes (SPEC §9, issue 5 item 3): two real LeadLoop processes on one
 * PostgreSQL database both run their delivery loop over the same outbox. Every event reaches a
 * webhook exactly once, and a WeCom robot's 20 requests a minute hold across both processes.
 * PostgreSQL only: PGlite is one connection in one process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeReceiver, startFakeReceiver, waitFor } from '../support/fake-http-receiver.js';
import { freshPostgresDatabase } from '../support/postgres.js';
import { type LeadLoopProcess, startLeadLoopProcess } from '../support/processes.js';
import { adminToken, type Client, client } from '../support/server.js';

const LEADS = 300;

describe.runIf(Boolean(process.env.LEADLOOP_TEST_DATABASE_URL))(
  'outbox delivery from two LeadLoop processes on one PostgreSQL',
  () => {
    let db: Awaited<ReturnType<typeof freshPostgresDatabase>> | undefined;
    const servers: LeadLoopProcess[] = [];
    let admins: Client[] = [];
    let hook: FakeReceiver;
    let robot: FakeReceiver;

    beforeAll(async () => {
      db = await freshPostgresDatabase(process.env.LEADLOOP_TEST_DATABASE_URL as string);
      const env = { DATABASE_URL: db.url, LEADLOOP_ADMIN_TOKEN: adminToken };
      servers.push(await startLeadLoopProcess({ env }));
      servers.push(await startLeadLoopProcess({ env }));
      admins = servers.map((s) => client(s.base, adminToken));
      hook = await startFakeReceiver([{ status: 200 }]);
      robot = await startFakeReceiver([{ status: 200, body: { errcode: 0, errmsg: 'ok' } }]);
    });
    afterAll(async () => {
      await Promise.all(servers.splice(0).map((s) => s.stop()));
      await db?.drop();
      await hook?.close();
      await robot?.close();
    });

    it('delivers each event once although both processes send, and keeps the robot within its rate limit', async () => {
      const w = await admins[0]('POST', '/webhooks', {
        url: `${hook.url}/hook`,
        events: ['lead.created'],
        secret: 'k',
      });
      expect(w.status, w.text).toBe(201);
      const r = await admins[1]('POST', '/integrations/robots', {
        kind: 'wecom',
        url: `${robot.url}/send?key=shared`,
        events: ['lead.created'],
      });
      expect(r.status, r.text).toBe(201);

      const names = Array.from({ length: LEADS }, (_, i) => `并发客户${String(i).padStart(3, '0')}`);
      const half = LEADS / 2;
      const captured = await Promise.all(
        [names.slice(0, half), names.slice(half)].map((batch, i) =>
          admins[i]('POST', '/leads/bulk', {
            // Long company names and titles: a WeCom message holds only a few of these, so the robot
            // needs far more than 20 requests and its rate limit decides.
            leads: batch.map((name, j) => ({
              name,
              phone: String(13700000000 + i * 1000 + j),
              channel: 'sem',
              company: `${name}${'上海云帆科技有限公司'.repeat(19)}`,
              title: '首席技术官兼研发副总裁'.repeat(18),
            })),
          }),
        ),
      );
      for (const c of captured) expect(c.body.created, c.text).toBe(half);

      await waitFor(() => hook.requests.length >= LEADS, `${LEADS} webhook deliveries`, 60_000);
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      const ids = hook.requests.map((q) => q.json.id as string);
      expect(ids).toHaveLength(LEADS);
      expect(new Set(ids).size).toBe(LEADS);
      expect(new Set(hook.requests.map((q) => q.json.data.lead.name)).size).toBe(LEADS);

      // Both processes share the robot's budget: 20 requests this minute, then the rest wait.
      await waitFor(() => robot.requests.length >= 20, '20 robot requests', 30_000);
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect(robot.requests).toHaveLength(20);
      for (const q of robot.requests) expect(Buffer.byteLength(q.json.markdown.content)).toBeLessThanOrEqual(4096);
      const contents = robot.requests.map((q) => q.json.markdown.content as string).join('\n');
      const sent = names.filter((name) => contents.includes(`客户：${name}`));
      expect(sent.length).toBeGreaterThan(20);
      for (const name of sent) expect(contents.split(`客户：${name}`).length - 1).toBe(1);
    });
  },
);
