/**
 * The OpenAPI 3.1 document is the truth a generated client relies on (SPEC §10): it lists the
 * fixed resources, every operation declares its statuses (4xx problems included) and the schema
 * of its 2xx body, and what the server answers is inside the document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, makeUser, type Reply, startTestServer, type TestServer } from '../support/server.js';

type Operation = {
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
  security?: unknown[];
};
type Doc = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  security?: unknown[];
  components?: { schemas?: Record<string, any>; securitySchemes?: Record<string, unknown> };
};

const methods = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'];
const unauthenticated = new Set(['GET /api/v1/health', 'GET /api/v1/openapi.json']);

function operations(doc: Doc): { key: string; op: Operation }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => methods.includes(method))
      .map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })),
  );
}

describe.each(engines())('OpenAPI document (%s)', (engine) => {
  let t: TestServer;
  let doc: Doc;
  let ops: { key: string; op: Operation }[];
  beforeAll(async () => {
    t = await startTestServer(engine);
    const r = await t.as(null)('GET', '/openapi.json');
    expect(r.status).toBe(200);
    doc = r.body;
    ops = operations(doc).filter(({ key }) => !unauthenticated.has(key));
  });
  afterAll(async () => t?.stop());

  /** The responses the document declares for an operation ("GET /api/v1/leads/{id}"). */
  function responsesOf(key: string): Operation['responses'] {
    const [method, path] = key.split(' ');
    const op = doc.paths[path]?.[method.toLowerCase()];
    expect(op, `${key} is in the document`).toBeDefined();
    return op.responses;
  }

  it('is OpenAPI 3.1.x, served as JSON without a token', async () => {
    const r = await t.as(null)('GET', '/openapi.json');
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
  });

  it('lists the fixed resources of §10.1', () => {
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/health',
        '/api/v1/leads',
        '/api/v1/leads/bulk',
        '/api/v1/leads/{id}',
        '/api/v1/leads/{id}/timeline',
        '/api/v1/users',
        '/api/v1/users/{id}/tokens',
        '/api/v1/imports',
        '/api/v1/imports/{id}',
      ]),
    );
    expect(Object.keys(doc.paths.api ?? {})).toEqual([]);
    expect(doc.paths['/api/v1/leads']).toHaveProperty('get');
    expect(doc.paths['/api/v1/leads']).toHaveProperty('post');
    expect(doc.paths['/api/v1/users']).toHaveProperty('post');
    expect(doc.paths['/api/v1/users/{id}/tokens']).toHaveProperty('post');
    expect(doc.paths['/api/v1/imports']).toHaveProperty('post');
  });

  it('declares bearer authentication, with /health open', () => {
    expect(JSON.stringify(doc.components?.securitySchemes ?? {})).toMatch(/"scheme":"bearer"/);
    expect(doc.security?.length).toBeGreaterThan(0);
    expect(doc.paths['/api/v1/health'].get.security).toEqual([]);
  });

  it('has operations to check', () => {
    expect(ops.length).toBeGreaterThanOrEqual(10);
  });

  it('every operation declares a 2xx response with a schema', () => {
    const without = ops.filter(
      ({ op }) =>
        !Object.entries(op.responses).some(
          ([s, r]) => /^2\d\d$/.test(s) && Object.values(r.content ?? {}).some((c) => c.schema),
        ),
    );
    expect(without.map((o) => o.key)).toEqual([]);
  });

  it('every operation declares at least one 4xx response, and 401 for a missing token', () => {
    expect(ops.filter(({ op }) => !Object.keys(op.responses).some((s) => /^4\d\d$/.test(s))).map((o) => o.key)).toEqual(
      [],
    );
    expect(ops.filter(({ op }) => !op.responses['401']).map((o) => o.key)).toEqual([]);
  });

  it('describes problems with type, title, status, detail and field errors', () => {
    const problem = doc.components?.schemas?.Problem;
    expect(problem).toBeDefined();
    expect(Object.keys(problem.properties)).toEqual(
      expect.arrayContaining(['type', 'title', 'status', 'detail', 'errors']),
    );
    expect(problem.required).toEqual(expect.arrayContaining(['type', 'title', 'status']));
  });

  it('declares 4xx answers as application/problem+json, the media type the server sends', () => {
    const wrong = ops.flatMap(({ key, op }) =>
      Object.entries(op.responses)
        .filter(([s]) => /^4\d\d$/.test(s))
        .filter(([, r]) => !Object.keys(r.content ?? {}).includes('application/problem+json'))
        .map(([s, r]) => `${key} ${s}: ${Object.keys(r.content ?? {}).join(', ')}`),
    );
    expect(wrong).toEqual([]);
  });

  describe('what the server answers is inside the document', () => {
    let sales: Awaited<ReturnType<typeof makeUser>>;
    let sdr: Awaited<ReturnType<typeof makeUser>>;
    let leadId: string;
    beforeAll(async () => {
      sales = await makeUser(t, 'sales');
      sdr = await makeUser(t, 'sdr');
      leadId = (await t.admin('POST', '/leads', { name: '文档', phone: '13912349999', channel: 'sem' })).body.lead.id;
    });

    const xml = { 'content-type': 'application/xml' };
    const tooBig = () => JSON.stringify({ name: 'x'.repeat(17 * 1024 * 1024) });

    /** [operation, expected status, the call] */
    const calls: [string, number, () => Promise<Reply>][] = [
      ['GET /api/v1/users/me', 200, () => t.admin('GET', '/users/me')],
      ['GET /api/v1/users/me', 401, () => t.as(null)('GET', '/users/me')],
      [
        'POST /api/v1/leads',
        201,
        () => t.admin('POST', '/leads', { name: '新', phone: '13912348888', channel: 'sem' }),
      ],
      [
        'POST /api/v1/leads',
        200,
        () => t.admin('POST', '/leads', { name: '文档', phone: '13912349999', channel: 'hotline' }),
      ],
      ['POST /api/v1/leads', 400, () => t.admin('POST', '/leads', { name: '坏', phone: '12', channel: 'sem' })],
      [
        'POST /api/v1/leads',
        403,
        () => sales.call('POST', '/leads', { name: '销售', phone: '13912347777', channel: 'sem' }),
      ],
      ['POST /api/v1/leads', 413, () => t.admin('POST', '/leads', tooBig())],
      ['POST /api/v1/leads', 415, () => t.admin('POST', '/leads', '<lead/>', xml)],
      [
        'POST /api/v1/leads/bulk',
        200,
        () => t.admin('POST', '/leads/bulk', { leads: [{ name: '批', phone: '13912346666', channel: 'sem' }, {}] }),
      ],
      ['POST /api/v1/leads/bulk', 400, () => t.admin('POST', '/leads/bulk', { leads: [] })],
      ['GET /api/v1/leads', 200, () => t.admin('GET', '/leads?limit=2')],
      ['GET /api/v1/leads', 400, () => t.admin('GET', '/leads?limit=0')],
      ['GET /api/v1/leads/{id}', 200, () => t.admin('GET', `/leads/${leadId}`)],
      ['GET /api/v1/leads/{id}', 403, () => sales.call('GET', `/leads/${leadId}`)],
      ['GET /api/v1/leads/{id}', 404, () => t.admin('GET', '/leads/no-such-lead')],
      ['GET /api/v1/leads/{id}/timeline', 200, () => t.admin('GET', `/leads/${leadId}/timeline`)],
      ['GET /api/v1/leads/{id}/timeline', 403, () => sales.call('GET', `/leads/${leadId}/timeline`)],
      [
        'POST /api/v1/users',
        201,
        () => t.admin('POST', '/users', { name: 'Doc', email: 'doc.user@example.cn', role: 'marketing' }),
      ],
      [
        'POST /api/v1/users',
        409,
        () => t.admin('POST', '/users', { name: 'Doc', email: 'doc.user@example.cn', role: 'marketing' }),
      ],
      ['POST /api/v1/users', 403, () => sdr.call('POST', '/users', { name: 'X', email: 'x@example.cn', role: 'sdr' })],
      ['POST /api/v1/users', 415, () => t.admin('POST', '/users', '<user/>', xml)],
      ['POST /api/v1/users', 413, () => t.admin('POST', '/users', tooBig())],
      ['POST /api/v1/users/{id}/tokens', 404, () => t.admin('POST', '/users/no-such-user/tokens', {})],
      ['POST /api/v1/teams', 415, () => t.admin('POST', '/teams', '<team/>', xml)],
      [
        'POST /api/v1/channels',
        403,
        () => sdr.call('POST', '/channels', { id: 'doc_channel', name: 'x', kind: 'free' }),
      ],
      ['POST /api/v1/channels', 415, () => t.admin('POST', '/channels', '<channel/>', xml)],
      ['POST /api/v1/imports', 400, () => t.admin('POST', '/imports', { file: 'nope' })],
      ['GET /api/v1/imports/{id}', 404, () => t.admin('GET', '/imports/no-such-import')],
      ['GET /api/v1/imports/{id}/errors.csv', 404, () => t.admin('GET', '/imports/no-such-import/errors.csv')],
      ['GET /api/v1/audit', 403, () => sdr.call('GET', '/audit')],
      ['POST /api/v1/admin/clock', 400, () => t.admin('POST', '/admin/clock', { advance: 'soon' })],
      ['POST /api/v1/admin/clock', 415, () => t.admin('POST', '/admin/clock', '<clock/>', xml)],
    ];

    it.each(calls)('%s answers %i, a status it declares, with a media type it declares', async (key, status, call) => {
      const r = await call();
      expect(r.status, r.text.slice(0, 300)).toBe(status);
      const responses = responsesOf(key);
      expect(Object.keys(responses)).toContain(String(status));
      const mediaType = (r.headers.get('content-type') ?? '').split(';')[0].trim();
      expect(Object.keys(responses[String(status)].content ?? {})).toContain(mediaType);
    });
  });
});
