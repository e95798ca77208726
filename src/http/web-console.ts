/**
 * The web console (SPEC §10.2): the built app in web/dist at `/`; any GET outside /api that
 * is not a file answers index.html, so deep links work. Without a build (web/dist missing) the
 * API still runs and such a GET says how to build the console.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { problem, sendProblem } from './problem.js';

export const webDist = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export async function registerWebConsole(app: FastifyInstance): Promise<void> {
  if (!existsSync(`${webDist}index.html`)) return;
  await app.register(fastifyStatic, {
    root: webDist,
    prefix: '/',
    index: 'index.html',
    // The build writes a brotli and a gzip copy of each text file (web/vite.config.ts).
    preCompressed: true,
    setHeaders: (reply, path) => {
      // Vite names bundled files by content hash: cache them for good; the rest is revalidated.
      reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}

export function notFound(request: FastifyRequest, reply: FastifyReply) {
  const path = request.url.split('?')[0] ?? '';
  const isApi = path === '/api' || path.startsWith('/api/');
  if ((request.method === 'GET' || request.method === 'HEAD') && !isApi) {
    if (existsSync(`${webDist}index.html`)) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html', webDist);
    }
    return reply
      .status(503)
      .type('text/plain; charset=utf-8')
      .send('The web console is not built: run `npm run build:web` (npm install and npm start do it).');
  }
  return sendProblem(reply, problem(404, `no route ${request.method} ${path}`));
}
