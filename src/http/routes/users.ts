/** Users, teams and API tokens (SPEC §1, §10.1): admin only, except reading yourself. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotFound } from '../../domain/errors.js';
import { authorize } from '../../domain/policy.js';
import { type Role, roles } from '../../domain/roles.js';
import type { ServiceContext } from '../../services/context.js';
import { createTeam, createUser, issueToken } from '../../services/users.js';
import { findUser, listTeams, listUsers } from '../../store/repositories/users.js';
import { presentTeam, presentUser, teamSchema, userSchema } from '../presenters/user.js';
import { problems } from '../problem.js';

const newUserBody = z
  .object({
    name: z.string().trim().min(1, 'is required').max(200),
    email: z.email().max(254),
    role: z.enum(roles),
    team: z.string().trim().min(1).max(100).nullish().describe('team id or name; a new name creates the team'),
    password: z.string().min(8, 'must be at least 8 characters').max(200).nullish(),
  })
  .strict();

export async function userRoutes(app: FastifyInstance, ctx: ServiceContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create a user',
        body: newUserBody,
        response: { 201: userSchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(presentUser(await createUser(ctx, request.actor, request.body))),
  );

  api.get(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'List users',
        querystring: z.object({ role: z.enum(roles).optional(), teamId: z.string().optional() }).strict(),
        response: { 200: z.object({ items: z.array(userSchema) }), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      authorize(request.actor, 'users.read');
      return { items: (await listUsers(ctx.db, request.query)).map(presentUser) };
    },
  );

  api.get(
    '/users/names',
    {
      schema: {
        tags: ['users'],
        summary: 'Colleagues by name: every user’s id, name, role and team, for any signed-in role (no e-mail)',
        response: {
          200: z.object({
            items: z.array(
              z.object({ id: z.string(), name: z.string(), role: z.enum(roles), teamId: z.string().nullable() }),
            ),
          }),
          ...problems(401),
        },
      },
    },
    async (request) => {
      authorize(request.actor, 'users.names');
      const users = await listUsers(ctx.db, {});
      return { items: users.map((u) => ({ id: u.id, name: u.name, role: u.role as Role, teamId: u.team_id })) };
    },
  );

  api.get(
    '/users/me',
    { schema: { tags: ['users'], summary: 'The caller', response: { 200: userSchema, ...problems(401) } } },
    async (request) => {
      const user = await findUser(ctx.db, request.actor.id);
      if (!user) throw new NotFound('user');
      return presentUser(user);
    },
  );

  api.post(
    '/users/:id/tokens',
    {
      schema: {
        tags: ['users'],
        summary: 'Issue a bearer token for a user (shown once; stored hashed)',
        params: z.object({ id: z.string() }),
        body: z
          .object({ label: z.string().max(100).nullish() })
          .strict()
          .optional(),
        response: { 201: z.object({ id: z.string(), token: z.string() }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await issueToken(ctx, request.actor, request.params.id, request.body?.label)),
  );

  api.post(
    '/teams',
    {
      schema: {
        tags: ['users'],
        summary: 'Create a team',
        body: z.object({ name: z.string().trim().min(1).max(100), managerId: z.string().nullish() }).strict(),
        response: { 201: teamSchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(presentTeam(await createTeam(ctx, request.actor, request.body))),
  );

  api.get(
    '/teams',
    {
      schema: {
        tags: ['users'],
        summary: 'List teams',
        response: { 200: z.object({ items: z.array(teamSchema) }), ...problems(401) },
      },
    },
    async () => ({ items: (await listTeams(ctx.db)).map(presentTeam) }),
  );
}
