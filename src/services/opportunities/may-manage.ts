/**
 * Who registers and closes a lead's opportunities (SPEC §1, §6.1): the rep holding the lead,
 * that rep's sales manager (same team), sales ops and admins. Everyone else gets a 403 saying so.
 */
import { Forbidden } from '../../domain/errors.js';
import type { Actor } from '../../domain/roles.js';
import type { Queryable } from '../../store/db.js';

const who = 'only the rep holding the lead, their sales manager, sales ops or an admin';

export async function mayManageOpportunities(db: Queryable, actor: Actor, ownerId: string | null): Promise<void> {
  if (actor.role === 'sales_ops' || actor.role === 'admin') return;
  if (!ownerId) throw new Forbidden(`no rep holds this lead; ${who} register and close its opportunities`);
  if (actor.role === 'sales') {
    if (ownerId === actor.id) return;
    throw new Forbidden(`this lead is held by another person; ${who} register and close its opportunities`);
  }
  if (actor.role === 'sales_manager') {
    const owner = await db.selectFrom('users').select(['team_id', 'role']).where('id', '=', ownerId).executeTakeFirst();
    if (owner && actor.teamId && owner.team_id === actor.teamId) return;
    throw new Forbidden(
      `the person holding this lead is not on your team; ${who} register and close its opportunities`,
    );
  }
  throw new Forbidden(`the role ${actor.role} may not register or close opportunities`);
}
