/**
 * The HTTP API (SPEC §10): Fastify with zod route schemas, from which the OpenAPI 3.1
 * document is generated. Thin adapters: auth → validate → service → presenter.
 */
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { ManualClock } from '../clock.js';
import type { ServiceContext } from '../services/context.js';
import { authenticate } from './auth.js';
import { registerJsonBodyParser } from './json-body.js';
import { finishOpenApiDocument } from './openapi.js';
import { errorToProblem, problem, sendProblem } from './problem.js';
import { accountRoutes } from './routes/accounts.js';
import { activityRoutes } from './routes/activities.js';
import { adminRoutes } from './routes/admin.js';
import { auditRoutes } from './routes/audit.js';
import { authRoutes } from './routes/auth.js';
import { channelRoutes } from './routes/channels.js';
import { cleaningRoutes } from './routes/cleaning.js';
import { definitionRoutes } from './routes/definitions.js';
import { economicsRoutes } from './routes/economics.js';
import { enrichmentRoutes } from './routes/enrichment.js';
import { handoffRoutes } from './routes/handoffs.js';
import { healthRoutes } from './routes/health.js';
import { importRoutes } from './routes/imports.js';
import { incentiveRoutes } from './routes/incentives.js';
import { leadRoutes } from './routes/leads.js';
import { liveRoutes } from './routes/live.js';
import { mergeRoutes } from './routes/merges.js';
import { modelRoutes } from './routes/models.js';
import { notificationTestRoutes } from './routes/notification-tests.js';
import { notificationRoutes } from './routes/notifications.js';
import { opportunityRoutes } from './routes/opportunities.js';
import { planRoutes } from './routes/plans.js';
import { poolRoutes } from './routes/pool.js';
import { qualificationRoutes } from './routes/qualification.js';
import { queueRoutes } from './routes/queue.js';
import { reportRoutes } from './routes/reports.js';
import { rosterRoutes } from './routes/roster.js';
import { routingRoutes } from './routes/routing.js';
import { scoreRoutes } from './routes/scores.js';
import { scoringPreviewRoutes } from './routes/scoring-preview.js';
import { simulationRoutes } from './routes/simulations.js';
import { slaRoutes } from './routes/sla.js';
import { trackingRoutes, trackingSnippetRoute } from './routes/tracking.js';
import { transferPreviewRoutes } from './routes/transfer-preview.js';
import { userRoutes } from './routes/users.js';
import { notFound, registerWebConsole } from './web-console.js';

export interface AppOptions {
  ctx: ServiceContext;
  /** Present only with LEADLOOP_CLOCK=manual: enables POST /admin/clock. */
  manualClock?: ManualClock;
  logLevel?: string;
}

export const bodyLimitBytes = 16 * 1024 * 1024;
export const importFileLimitBytes = 64 * 1024 * 1024;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.logLevel ?? 'info', redact: ['req.headers.authorization', 'req.headers.cookie'] },
    bodyLimit: bodyLimitBytes,
    // Errors Fastify raises before routing (a malformed or over-long path parameter) are bad
    // input too: problem+json, 400, naming the path.
    frameworkErrors: (error, _request, reply) => {
      sendProblem(
        reply,
        problem(400, `the path is not valid: ${error.message}`, [
          { field: 'path', message: error.message, messageZh: `路径无效：${error.message}` },
        ]),
      );
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'LeadLoop API', version: '1', description: 'Closed-loop B2B lead operations (SPEC §10.1).' },
      servers: [{ url: '/' }],
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(multipart, { limits: { fileSize: importFileLimitBytes, files: 1, fields: 10 } });

  registerJsonBodyParser(app);
  app.setErrorHandler((error, request, reply) => sendProblem(reply, errorToProblem(error, request)));
  // 404 problem+json for the API; the web console's index.html for other GETs (deep links).
  app.setNotFoundHandler(notFound);
  app.decorateRequest('actor', undefined as never);
  app.decorateRequest('session', undefined);
  app.addHook('onRequest', authenticate(options.ctx));

  await app.register(
    async (api) => {
      let document: unknown;
      api.get('/openapi.json', { schema: { hide: true }, config: { public: true } }, async () => {
        document ??= finishOpenApiDocument(app.swagger());
        return document;
      });
      await healthRoutes(api);
      await adminRoutes(api, options.ctx, options.manualClock);
      await authRoutes(api, options.ctx);
      await userRoutes(api, options.ctx);
      await channelRoutes(api, options.ctx);
      await leadRoutes(api, options.ctx);
      await mergeRoutes(api, options.ctx);
      await qualificationRoutes(api, options.ctx);
      await scoreRoutes(api, options.ctx);
      await scoringPreviewRoutes(api, options.ctx);
      await definitionRoutes(api, options.ctx);
      await trackingRoutes(api, options.ctx);
      await enrichmentRoutes(api, options.ctx);
      await cleaningRoutes(api, options.ctx);
      await rosterRoutes(api, options.ctx);
      await accountRoutes(api, options.ctx);
      await handoffRoutes(api, options.ctx);
      await activityRoutes(api, options.ctx);
      await routingRoutes(api, options.ctx);
      await importRoutes(api, options.ctx);
      await auditRoutes(api, options.ctx);
      await slaRoutes(api, options.ctx);
      await notificationRoutes(api, options.ctx);
      await notificationTestRoutes(api, options.ctx);
      await poolRoutes(api, options.ctx);
      await opportunityRoutes(api, options.ctx);
      await queueRoutes(api, options.ctx);
      await reportRoutes(api, options.ctx);
      await incentiveRoutes(api, options.ctx);
      await planRoutes(api, options.ctx);
      await economicsRoutes(api, options.ctx);
      await liveRoutes(api, options.ctx);
      await transferPreviewRoutes(api, options.ctx);
      await modelRoutes(api, options.ctx);
      await simulationRoutes(api, options.ctx);
    },
    { prefix: '/api/v1' },
  );
  await trackingSnippetRoute(app);
  await registerWebConsole(app);
  return app;
}
