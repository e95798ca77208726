/**
 * Live updates (issue 8 item 9): GET /live streams server-sent events to the signed-in user when
 * something of theirs happens — here a new hand-off to a rep — at commit, and only to the users
 * the event concerns. With two server processes on one PostgreSQL, a console connected to one
 * hears what the other did (LISTEN/NOTIFY).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEventStream } from '../support/event-stream.js';
import { freshPostgresDatabase } from '../support/postgres.js';
import { type LeadLoopProcess, startLeadLoopProcess } from '../support/processes.js';
import { enrolShanghaiReps } from '../support/roster.js';
import {
  adminToken,
  type Client,
  client,
  engines,
  makeUser,
  startTestServer,
  type TestServer,
} from '../support/server.js';

let phone = 13900081000;

/** An inbound inquiry from Shanghai: straight to sales, a hand-off to the enrolled rep. */
async function inboundInquiry(admin: Client) {
  phone += 1;
  const c = await admin('POST', '/leads', {
    name: '实时客户',
    phone: String(phone),
    channel: 'inbound_inquiry',
    region: '上海',
  });
  expect(c.status, c.text).toBe(201);
  return c.body.lead.id as string;
}

describe.each(engines())('GET /live (%s)', (engine) => {
  let t: TestServer;
  let rep: Awaited<ReturnType<typeof makeUser>>;
  let otherRep: Awaited<ReturnType<typeof makeUser>>;

  beforeAll(async () => {
    t = await startTestServer(engine);
    const ops = await makeUser(t, 'sales_ops');
    rep = await makeUser(t, 'sales', { name: '实时销售' });
    otherRep = await makeUser(t, 'sales', { name: '另一位销售' });
    await enrolShanghaiReps(ops, [rep]);
  });
  afterAll(async () => t?.stop());

  it('answers 401 problem+json without a session or token', async () => {
    const r = await fetch(`${t.base}/live`);
    expect(r.status).toBe(401);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('tells the rep of a new hand-off at commit, and nobody else', async () => {
    const mine = await openEventStream(`${t.base}/live`, { authorization: `Bearer ${rep.token}` });
    const theirs = await openEventStream(`${t.base}/live`, { authorization: `Bearer ${otherRep.token}` });
    try {
      expect(mine.status).toBe(200);
      expect(mine.contentType).toMatch(/^text\/event-stream/);
      await mine.next((e) => e.event === 'ready');
      await theirs.next((e) => e.event === 'ready');

      await inboundInquiry(t.admin);
      const told = await mine.next((e) => e.event === 'notification');
      expect(JSON.parse(told.data).types).toContain('handoff.created');
      // The inbox the console refetches has it.
      const inbox = await rep.call('GET', '/inbox?unread=true');
      expect(inbox.body.items.map((n: { type: string }) => n.type)).toContain('handoff.created');

      // A later event for the rep arrives too, while the other rep's stream stayed silent.
      await inboundInquiry(t.admin);
      await mine.next(
        (e) => e.event === 'notification' && mine.events.filter((x) => x.event === 'notification').length >= 2,
      );
      expect(theirs.events.filter((e) => e.event === 'notification')).toEqual([]);
    } finally {
      mine.close();
      theirs.close();
    }
  });

  it('lets the server stop while consoles are connected', async () => {
    const extra = await startTestServer(engine);
    const stream = await openEventStream(`${extra.base}/live`, { authorization: `Bearer ${adminToken}` });
    await stream.next((e) => e.event === 'ready');
    const stopped = await Promise.race([
      extra.stop().then(() => 'stopped'),
      new Promise((resolve) => setTimeout(() => resolve('hung'), 15_000)),
    ]);
    stream.close();
    expect(stopped).toBe('stopped');
  });
});

describe.runIf(Boolean(process.env.LEADLOOP_TEST_DATABASE_URL))(
  'GET /live across two processes on one PostgreSQL',
  () => {
    let db: Awaited<ReturnType<typeof freshPostgresDatabase>> | undefined;
    const servers: LeadLoopProcess[] = [];

    beforeAll(async () => {
      db = await freshPostgresDatabase(process.env.LEADLOOP_TEST_DATABASE_URL as string);
      const env = { DATABASE_URL: db.url, LEADLOOP_ADMIN_TOKEN: adminToken };
      servers.push(await startLeadLoopProcess({ env }));
      servers.push(await startLeadLoopProcess({ env }));
    });
    afterAll(async () => {
      await Promise.all(servers.splice(0).map((s) => s.stop()));
      await db?.drop();
    });

    it('a console on one process hears of a hand-off made through the other', async () => {
      const [a, b] = servers.map((s) => client(s.base, adminToken)) as [Client, Client];
      const ops = await a('POST', '/users', { name: '销管', email: 'ops.live@example.cn', role: 'sales_ops' });
      const rep = await a('POST', '/users', { name: '两进程销售', email: 'rep.live@example.cn', role: 'sales' });
      expect(rep.status, rep.text).toBe(201);
      const token = await a('POST', `/users/${rep.body.id}/tokens`, {});
      const opsToken = await a('POST', `/users/${ops.body.id}/tokens`, {});
      const month = new Date().toISOString().slice(0, 7);
      await enrolShanghaiReps({ call: client(servers[0]?.base as string, opsToken.body.token) }, [rep.body], [month]);

      const stream = await openEventStream(`${servers[0]?.base}/live`, { authorization: `Bearer ${token.body.token}` });
      try {
        await stream.next((e) => e.event === 'ready');
        await inboundInquiry(b);
        const told = await stream.next((e) => e.event === 'notification');
        expect(JSON.parse(told.data).types).toContain('handoff.created');
      } finally {
        stream.close();
      }
    });
  },
);
