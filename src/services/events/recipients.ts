/** Who is told about an event (SPEC §9): people by role, and a rep's sales manager. */
import type { Queryable } from '../../store/db.js';

/** Active users with any of these roles. */
export async function usersWithRoles(db: Queryable, roles: readonly string[]): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('role', 'in', [...roles])
    .where('active', '=', true)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/** The active sales managers of each rep's team. */
export async function managersOf(db: Queryable, repIds: readonly string[]): Promise<Map<string, string[]>> {
  const managers = new Map<string, string[]>();
  if (repIds.length === 0) return managers;
  const rows = await db
    .selectFrom('users as rep')
    .innerJoin('users as manager', 'manager.team_id', 'rep.team_id')
    .select(['rep.id as repId', 'manager.id as managerId'])
    .where('rep.id', 'in', [...new Set(repIds)])
    .where('manager.role', '=', 'sales_manager')
    .where('manager.active', '=', true)
    .execute();
  for (const r of rows) managers.set(r.repId, [...(managers.get(r.repId) ?? []), r.managerId]);
  return managers;
}
