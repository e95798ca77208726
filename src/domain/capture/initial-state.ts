/**
 * Status and owner of a newly captured lead. An outbound lead an SDR creates is theirs to work
 * from the first minute (SPEC §2: outbound/cold call is SDR-created); every other lead starts
 * `new` and unowned until routing (SPEC §5.1) places it.
 */
import type { Actor } from '../roles.js';

export function initialState(channel: string, actor: Actor): { status: 'new' | 'working'; ownerId: string | null } {
  if (channel === 'outbound' && (actor.role === 'sdr' || actor.role === 'sdr_lead')) {
    return { status: 'working', ownerId: actor.id };
  }
  return { status: 'new', ownerId: null };
}
