/**
 * Web sign-in (SPEC §10.2): session cookie, CSRF for cookie writes, throttled failures, the
 * same 401 for an unknown e-mail and a wrong password, sign-out, idle expiry and changing
 * one's own password — while bearer tokens keep working as before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminEmail,
  adminPassword,
  engines,
  expectProblem,
  makeUser,
  type Reply,
  startTestServer,
  type TestServer,
} from '../support/server.js';

/** A browser in miniature: keeps the cookies it is given and sends them back. */
function browser(t: TestServer) {
  const jar = new Map<string, string>();
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply> => {
    const h: Record<string, string> = { ...headers };
    if (jar.size) h.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    if (body !== undefined) h['content-type'] = 'application/json';
    const res = await fetch(t.base + path, {
      method,
      headers: h,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...rest] = (pair as string).split('=');
      const value = rest.join('=');
      if (/max-age=0/i.test(line) || value === '') jar.delete(name as string);
      else jar.set(name as string, value);
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: res.status, body: parsed as never, text, headers: res.headers };
  };
  const csrf = () => ({ 'x-csrf-token': decodeURIComponent(jar.get('leadloop_csrf') ?? '') });
  return {
    jar,
    call,
    csrf,
    login: (email: string, password: string) => call('POST', '/auth/login', { email, password }),
  };
}

describe.each(engines())('web sign-in (%s)', (engine) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(engine);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('signs the bootstrap admin in with an httpOnly session cookie and a readable CSRF cookie', async () => {
    const b = browser(t);
    const r = await b.login(adminEmail, adminPassword);
    expect(r.status, r.text).toBe(200);
    expect(r.body.user).toMatchObject({ email: adminEmail, role: 'admin' });
    const cookies = r.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith('leadloop_session='));
    const csrf = cookies.find((c) => c.startsWith('leadloop_csrf='));
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(csrf).not.toMatch(/HttpOnly/i);
    const me = await b.call('GET', '/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(adminEmail);
  });

  it('answers the same 401 for an unknown e-mail and for a wrong password', async () => {
    const unknown = await browser(t).login('nobody@example.cn', 'whatever-password');
    const wrong = await browser(t).login(adminEmail, 'not-the-password');
    expectProblem(unknown, 401);
    expectProblem(wrong, 401);
    expect(unknown.body).toEqual(wrong.body);
    expect(unknown.headers.getSetCookie()).toEqual([]);
  });

  it('refuses bad input with the field named', async () => {
    const r = await browser(t).call('POST', '/auth/login', { email: '', password: 'x' });
    expectProblem(r, 400);
    expect(JSON.stringify(r.body.errors)).toContain('email');
  });

  it('authenticates API routes by the cookie; a cookie write needs the CSRF header', async () => {
    const sdr = await makeUser(t, 'sdr');
    const b = browser(t);
    // A user created with a password signs in with it (POST /users takes an optional password).
    const created = await t.admin('POST', '/users', {
      name: '销售甲',
      email: 'sales.cookie@example.cn',
      role: 'admin',
      password: 'Cookie-Passw0rd',
    });
    expect(created.status).toBe(201);
    expect((await b.login('sales.cookie@example.cn', 'Cookie-Passw0rd')).status).toBe(200);
    expect((await b.call('GET', '/users')).status).toBe(200);

    const noHeader = await b.call('POST', '/users', { name: 'x', email: 'x1@example.cn', role: 'sdr' });
    expectProblem(noHeader, 403);
    expect(noHeader.body.detail).toMatch(/X-CSRF-Token/);
    const wrongHeader = await b.call(
      'POST',
      '/users',
      { name: 'x', email: 'x2@example.cn', role: 'sdr' },
      { 'x-csrf-token': 'forged' },
    );
    expectProblem(wrongHeader, 403);
    const ok = await b.call('POST', '/users', { name: 'x', email: 'x3@example.cn', role: 'sdr' }, b.csrf());
    expect(ok.status, ok.text).toBe(201);

    // Bearer requests are unaffected and need no CSRF token.
    const bearer = await sdr.call('GET', '/users/me');
    expect(bearer.status).toBe(200);
    const bearerWrite = await t.admin('POST', '/users', { name: 'y', email: 'y1@example.cn', role: 'sdr' });
    expect(bearerWrite.status).toBe(201);
    expectProblem(await t.as('not-a-token')('GET', '/users/me'), 401);
    expectProblem(await t.as(null)('GET', '/users/me'), 401);
  });

  it('a sales user signed in by cookie is still refused what their role may not do (403)', async () => {
    await t.admin('POST', '/users', {
      name: 'rep',
      email: 'rep.cookie@example.cn',
      role: 'sales',
      password: 'Rep-Passw0rd',
    });
    const b = browser(t);
    expect((await b.login('rep.cookie@example.cn', 'Rep-Passw0rd')).status).toBe(200);
    expectProblem(await b.call('GET', '/users'), 403);
  });

  it('sign-out ends the session', async () => {
    const b = browser(t);
    await b.login(adminEmail, adminPassword);
    const saved = new Map(b.jar);
    const out = await b.call('POST', '/auth/logout', undefined, b.csrf());
    expect(out.status, out.text).toBe(200);
    expect(out.body).toEqual({ signedOut: true });
    expect(b.jar.has('leadloop_session')).toBe(false);
    // The old cookie, replayed, no longer signs anyone in.
    for (const [k, v] of saved) b.jar.set(k, v);
    expectProblem(await b.call('GET', '/auth/me'), 401);
  });

  it('ends a session idle for 8 hours, not one used within them', async () => {
    const b = browser(t);
    await b.login(adminEmail, adminPassword);
    await t.clock.advance(7 * 3600_000);
    expect((await b.call('GET', '/auth/me')).status).toBe(200);
    await t.clock.advance(7 * 3600_000); // 7 h after the last use: still alive
    expect((await b.call('GET', '/auth/me')).status).toBe(200);
    await t.clock.advance(8 * 3600_000);
    const expired = await b.call('GET', '/auth/me');
    expectProblem(expired, 401);
    expect(expired.body.detail).toMatch(/session has ended/);
  });

  it('changes one’s own password: the old one stops working, the new one signs in', async () => {
    await t.admin('POST', '/users', { name: 'pw', email: 'pw@example.cn', role: 'sdr', password: 'Old-Passw0rd' });
    const b = browser(t);
    const other = browser(t);
    await b.login('pw@example.cn', 'Old-Passw0rd');
    await other.login('pw@example.cn', 'Old-Passw0rd');
    const wrong = await b.call(
      'PUT',
      '/users/me/password',
      { current: 'nope-nope', password: 'New-Passw0rd' },
      b.csrf(),
    );
    expectProblem(wrong, 400);
    expect(wrong.body.errors[0].field).toBe('current');
    const short = await b.call('PUT', '/users/me/password', { current: 'Old-Passw0rd', password: 'short' }, b.csrf());
    expectProblem(short, 400);
    expect(JSON.stringify(short.body.errors)).toContain('password');
    const noCsrf = await b.call('PUT', '/users/me/password', { current: 'Old-Passw0rd', password: 'New-Passw0rd' });
    expectProblem(noCsrf, 403);
    const ok = await b.call(
      'PUT',
      '/users/me/password',
      { current: 'Old-Passw0rd', password: 'New-Passw0rd' },
      b.csrf(),
    );
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.user.email).toBe('pw@example.cn');
    expect((await b.call('GET', '/auth/me')).status).toBe(200); // the session in use stays
    expectProblem(await other.call('GET', '/auth/me'), 401); // the others end
    expectProblem(await browser(t).login('pw@example.cn', 'Old-Passw0rd'), 401);
    expect((await browser(t).login('pw@example.cn', 'New-Passw0rd')).status).toBe(200);
  });

  it('answers 429 with Retry-After after 5 failures for one e-mail, until the window passes', async () => {
    await t.admin('POST', '/users', {
      name: 'th',
      email: 'throttle@example.cn',
      role: 'sdr',
      password: 'Right-Passw0rd',
    });
    for (let i = 0; i < 5; i++) {
      expectProblem(await browser(t).login('throttle@example.cn', `wrong-${i}`), 401);
    }
    // Even the right password is refused while throttled.
    const refused = await browser(t).login('throttle@example.cn', 'Right-Passw0rd');
    expectProblem(refused, 429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    await t.clock.advance(retryAfter * 1000 + 1000);
    expect((await browser(t).login('throttle@example.cn', 'Right-Passw0rd')).status).toBe(200);
  });

  it('answers 429 after 20 failures from one address, whatever the e-mail', async () => {
    await t.clock.advance(16 * 60_000); // the failures of the tests above leave the window
    for (let i = 0; i < 20; i++) {
      expectProblem(await browser(t).login(`spray${i}@example.cn`, 'guess-guess'), 401);
    }
    const r = await browser(t).login(adminEmail, adminPassword);
    expectProblem(r, 429);
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    await t.clock.advance(15 * 60_000);
    expect((await browser(t).login(adminEmail, adminPassword)).status).toBe(200);
  });
});
