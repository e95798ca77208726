import { z } from 'zod';
import { roles } from '../../domain/roles.js';
import type { TeamRow, UserRow } from '../../store/repositories/users.js';

export const userSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: z.enum(roles),
    teamId: z.string().nullable(),
    active: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });

export const teamSchema = z
  .object({ id: z.string(), name: z.string(), managerId: z.string().nullable(), createdAt: z.string() })
  .meta({ id: 'Team' });

export function presentUser(row: UserRow): z.infer<typeof userSchema> {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role as z.infer<typeof userSchema>['role'],
    teamId: row.team_id,
    active: row.active,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export function presentTeam(row: TeamRow): z.infer<typeof teamSchema> {
  return { id: row.id, name: row.name, managerId: row.manager_id, createdAt: new Date(row.created_at).toISOString() };
}
