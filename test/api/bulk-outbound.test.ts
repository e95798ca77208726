/**
 * A bulk of 10,000 outbound leads an SDR captures (SPEC §2 limit): every lead is the SDR's to
 * work at once, so each starts a recall clock (SPEC §6.2) in the capture's transaction — 10,000
 * timers written in one go, beyond what a VALUES list of PostgreSQL parameters can carry (it
 * answered 500 before the timers went in as one JSON recordset).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshLead } from '../../bench/ingest/leads.js';
import { engines, makeUser, startTestServer, type TestServer } from '../support/server.js';

const LEADS = 10_000;

describe.each(engines())('POST /leads/bulk of %s outbound leads by an SDR', (engine) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(engine);
  });
  afterAll(async () => t?.stop());

  it('captures them all, owned by the SDR, where it answered 500 before', { timeout: 180_000 }, async () => {
    const sdr = await makeUser(t, 'sdr');
    const leads = Array.from({ length: LEADS }, (_, i) => ({ ...freshLead(i), channel: 'outbound' }));
    const r = await sdr.call('POST', '/leads/bulk', { leads });
    expect(r.status, r.text.slice(0, 500)).toBe(200);
    expect(r.body.created).toBe(LEADS);
    const mine = await sdr.call('GET', `/leads?ownerId=${sdr.id}&status=working&limit=1`);
    expect(mine.status, mine.text).toBe(200);
    expect(mine.body.items[0]).toMatchObject({ ownerId: sdr.id, status: 'working' });
  });
});
