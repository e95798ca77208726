import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../../domain/policy.js';
import { addChannel, changeChannel } from '../../services/channels.js';
import type { ServiceContext } from '../../services/context.js';
import { type ChannelRow, listChannels } from '../../store/repositories/channels.js';
import { problems } from '../problem.js';

const kind = z.enum(['free', 'paid']);
const defaultPath = z.enum(['direct_to_sales', 'sdr_queue', 'pool']);
const channelSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    nameZh: z.string(),
    kind,
    defaultPath,
    builtIn: z.boolean(),
    active: z.boolean(),
  })
  .meta({ id: 'Channel' });

const present = (c: ChannelRow): z.infer<typeof channelSchema> => ({
  id: c.id,
  name: c.name,
  nameZh: c.name_zh,
  kind: c.kind,
  defaultPath: c.default_path,
  builtIn: c.built_in,
  active: c.active,
});

export async function channelRoutes(app: FastifyInstance, ctx: ServiceContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/channels',
    {
      schema: {
        tags: ['channels'],
        summary: 'List channels',
        response: { 200: z.object({ items: z.array(channelSchema) }), ...problems(401, 403) },
      },
    },
    async (request) => {
      authorize(request.actor, 'channels.read');
      return { items: (await listChannels(ctx.db)).map(present) };
    },
  );
  api.post(
    '/channels',
    {
      schema: {
        tags: ['channels'],
        summary: 'Add a channel',
        body: z
          .object({
            id: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'must be 2–40 of a-z, 0-9 and _, starting with a letter'),
            name: z.string().trim().min(1).max(100),
            nameZh: z.string().trim().min(1).max(100).nullish(),
            kind,
            defaultPath: defaultPath.default('sdr_queue'),
          })
          .strict(),
        response: { 201: channelSchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(present(await addChannel(ctx, request.actor, request.body))),
  );
  api.patch(
    '/channels/:id',
    {
      schema: {
        tags: ['channels'],
        summary: 'Change or retire a channel',
        params: z.object({ id: z.string() }),
        body: z
          .object({
            name: z.string().trim().min(1).max(100),
            nameZh: z.string().trim().min(1).max(100),
            kind,
            defaultPath,
            active: z.boolean(),
          })
          .partial()
          .strict(),
        response: { 200: channelSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => present(await changeChannel(ctx, request.actor, request.params.id, request.body)),
  );
}
