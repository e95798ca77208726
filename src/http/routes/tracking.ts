/**
 * Behaviour tracking (SPEC §2, §10.1): tracking sites (settings), POST /track from web pages
 * (public site key, origin-checked, CORS) or servers (bearer token), rate-limited per key,
 * and a lead's behaviours. GET /t.js (the browser snippet) is registered outside /api/v1.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { behaviourTypes, trackTypes } from '../../domain/tracking/behaviour-types.js';
import { originAllowed } from '../../domain/tracking/origins.js';
import type { Take } from '../../domain/tracking/token-bucket.js';
import type { ServiceContext } from '../../services/context.js';
import { readLeadBehaviours } from '../../services/tracking/read-behaviours.js';
import { type TrackCaller, trackBehaviour } from '../../services/tracking/track-behaviour.js';
import { createTrackingSite, readTrackingSites, trackingSiteByKey } from '../../services/tracking/tracking-sites.js';
import { authenticateToken } from '../../services/users.js';
import { anySiteAllowsOrigin } from '../../store/repositories/tracking.js';
import { problem, problems, sendProblem } from '../problem.js';
import { trackingSnippet } from '../tracking-snippet.js';

const siteKeyHeader = 'x-leadloop-site-key';

const siteSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    publicKey: z.string().describe(`sent by pages in the ${siteKeyHeader} header`),
    allowedOrigins: z.array(z.string()),
    rateLimit: z.object({
      perMinute: z.number().int().nullable().describe('requests per minute for the site; null: the default (120)'),
      perVisitorPerMinute: z
        .number()
        .int()
        .nullable()
        .describe('requests per minute per visitor; null: the default (30)'),
    }),
    createdAt: z.string(),
  })
  .meta({ id: 'TrackingSite' });

const trackBodySchema = z
  .object({
    visitorId: z
      .string()
      .max(100)
      .regex(/^[A-Za-z0-9_.:-]*$/, 'may hold letters, digits and _ . : - only')
      .optional()
      .describe('the anonymous visitor (the snippet keeps one per browser)'),
    leadId: z.string().max(100).optional(),
    email: z
      .string()
      .max(254)
      .optional()
      .describe('identifies the visitor; matched to a lead as capture normalises it'),
    type: z
      .enum(trackTypes)
      .describe(`${behaviourTypes.join(', ')}; or identify (stitches the visitor, records no behaviour)`),
    url: z.string().max(2048).optional(),
    meta: z.record(z.string(), z.unknown()).optional().describe('at most 8 KB as JSON'),
    occurredAt: z.iso
      .datetime({ offset: true })
      .optional()
      .describe('default now; a site key may not send a time in the future or over 24 h ago'),
  })
  .strict();

const behaviourSchema = z
  .object({
    id: z.string(),
    type: z.string(),
    url: z.string().nullable(),
    at: z.string(),
    meta: z.record(z.string(), z.unknown()),
    visitorId: z.string().nullable(),
  })
  .meta({ id: 'Behaviour' });

/** Who is calling POST /track, settled by its onRequest hook before the body is read. */
const callers = new WeakMap<FastifyRequest, TrackCaller>();

export async function trackingRoutes(app: FastifyInstance, ctx: ServiceContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/tracking-sites',
    {
      schema: {
        tags: ['tracking'],
        summary: 'Register a website that embeds the tracking snippet (admin, marketing)',
        body: z
          .object({
            name: z.string().trim().min(1).max(200),
            allowedOrigins: z
              .array(z.string().max(300))
              .min(1)
              .max(50)
              .describe('origins the pages are served from, e.g. https://www.example.cn'),
            rateLimit: z
              .object({
                perMinute: z.number().int().min(1).max(100_000).optional(),
                perVisitorPerMinute: z.number().int().min(1).max(100_000).optional(),
              })
              .strict()
              .optional(),
          })
          .strict(),
        response: { 201: siteSchema, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => reply.status(201).send(await createTrackingSite(ctx, request.actor, request.body)),
  );

  api.get(
    '/tracking-sites',
    {
      schema: {
        tags: ['tracking'],
        summary: 'Tracking sites (admin, marketing)',
        response: { 200: z.object({ items: z.array(siteSchema) }), ...problems(401, 403) },
      },
    },
    async (request) => ({ items: await readTrackingSites(ctx, request.actor) }),
  );

  api.route({
    method: 'OPTIONS',
    url: '/track',
    config: { public: true },
    schema: { hide: true },
    handler: async (request, reply) => {
      const origin = request.headers.origin;
      if (!origin || !(await anySiteAllowsOrigin(ctx.db, origin.toLowerCase()))) {
        return sendProblem(reply, problem(403, `the origin ${origin ?? '(none)'} is not allowed by any tracking site`));
      }
      return reply
        .status(204)
        .header('access-control-allow-origin', origin)
        .header('access-control-allow-methods', 'POST')
        .header('access-control-allow-headers', `content-type, ${siteKeyHeader}`)
        .header('access-control-max-age', '600')
        .header('vary', 'Origin')
        .send();
    },
  });

  api.post(
    '/track',
    {
      config: { public: true },
      onRequest: async (request, reply) => identifyCaller(ctx, request, reply),
      schema: {
        tags: ['tracking'],
        summary:
          'Record a behaviour (page_view, download, …) and stitch anonymous visitors to leads; from pages with a site key, from servers with a bearer token',
        description:
          'Send either the X-LeadLoop-Site-Key header (browsers; an Origin header must be one of the site’s allowedOrigins) or a bearer token (servers, which may backfill occurredAt). An event needs visitorId, leadId or email. An unknown leadId is a 404. Rate-limited per key: 429 with Retry-After.',
        security: [{ bearer: [] }, {}],
        headers: z.looseObject({
          [siteKeyHeader]: z.string().max(100).optional().describe('a tracking site’s public key'),
        }),
        body: trackBodySchema,
        response: {
          202: z
            .object({
              id: z.string().nullable().describe('the behaviour recorded; null for identify'),
              leadId: z.string().nullable().describe('the lead it belongs to; null while the visitor is anonymous'),
              stitched: z.number().int().describe('earlier anonymous events of the visitor moved to the lead now'),
            })
            .describe('accepted'),
          ...problems(400, 401, 403, 404, 413, 415, 429),
        },
      },
    },
    async (request, reply) => {
      const caller = callers.get(request) as TrackCaller;
      const body = request.body;
      if (caller.kind === 'site' && body.visitorId) {
        const take = ctx.trackingLimits.visitor(caller.site.id, body.visitorId, caller.site.visitor_rate_per_minute);
        if (!take.ok) return tooMany(reply, take, `visitor ${body.visitorId}`);
      }
      return reply.status(202).send(await trackBehaviour(ctx, caller, body));
    },
  );

  api.get(
    '/leads/:id/behaviours',
    {
      schema: {
        tags: ['tracking'],
        summary: 'A lead’s tracked behaviours, newest first (cursor pagination)',
        params: z.object({ id: z.string().min(1).max(100) }),
        querystring: z
          .object({
            type: z.enum(behaviourTypes).optional(),
            cursor: z.string().max(500).optional(),
            limit: z.coerce.number().int().min(1).max(500).default(50),
          })
          .strict(),
        response: {
          200: z.object({ items: z.array(behaviourSchema), nextCursor: z.string().nullable() }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request) =>
      readLeadBehaviours(ctx, request.actor, request.params.id, {
        cursor: request.query.cursor,
        limit: request.query.limit,
        type: request.query.type,
      }),
  );
}

/**
 * A site key (checked against the Origin when a browser sends one) or a bearer token; then the
 * key's rate limit. Runs before the body is read, so refused callers cost no parsing.
 */
async function identifyCaller(ctx: ServiceContext, request: FastifyRequest, reply: FastifyReply) {
  const siteKey = request.headers[siteKeyHeader];
  if (typeof siteKey === 'string' && siteKey !== '') {
    const site = await trackingSiteByKey(ctx, siteKey);
    if (!site) return sendProblem(reply, problem(401, `the ${siteKeyHeader} header names no tracking site`));
    const origin = request.headers.origin;
    if (origin !== undefined) {
      if (!originAllowed(site.allowed_origins, origin)) {
        return sendProblem(
          reply,
          problem(403, `the origin ${origin} is not one of this tracking site's allowed origins`),
        );
      }
      reply
        .header('access-control-allow-origin', origin)
        .header('access-control-expose-headers', 'Retry-After')
        .header('vary', 'Origin');
    }
    const take = ctx.trackingLimits.site(site.id, site.rate_per_minute);
    if (!take.ok) return tooMany(reply, take, 'this site key');
    callers.set(request, { kind: 'site', site });
    return;
  }
  const token = request.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token) {
    return sendProblem(
      reply.header('www-authenticate', 'Bearer'),
      problem(401, `send a site key (${siteKeyHeader}) from web pages, or a bearer token from servers`),
    );
  }
  const actor = await authenticateToken(ctx, token);
  if (!actor) {
    return sendProblem(
      reply.header('www-authenticate', 'Bearer error="invalid_token"'),
      problem(401, 'the bearer token is not valid'),
    );
  }
  request.actor = actor;
  const take = ctx.trackingLimits.token(createHash('sha256').update(token).digest('base64url'));
  if (!take.ok) return tooMany(reply, take, 'this token');
  callers.set(request, { kind: 'token', actor });
}

function tooMany(reply: FastifyReply, take: Extract<Take, { ok: false }>, who: string) {
  return sendProblem(
    reply.header('retry-after', String(take.retryAfterSeconds)),
    problem(429, `too many events from ${who}; retry in ${take.retryAfterSeconds} s`),
  );
}

/** GET /t.js: the browser snippet, public and cacheable (registered at the root, not under /api/v1). */
export async function trackingSnippetRoute(app: FastifyInstance) {
  const etag = `"${createHash('sha256').update(trackingSnippet).digest('base64url').slice(0, 20)}"`;
  app.get('/t.js', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
    reply
      .header('cache-control', 'public, max-age=3600')
      .header('etag', etag)
      .header('x-content-type-options', 'nosniff')
      .header('access-control-allow-origin', '*');
    if (request.headers['if-none-match'] === etag) return reply.status(304).send();
    return reply.type('application/javascript; charset=utf-8').send(trackingSnippet);
  });
}
