/**
 * The clocks that start when a lead gets an SDR owner or lands in the SDR queue (SPEC §6.2, §7).
 * Stub: filled in by the SLA slice.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';

/** Every way a lead gets an SDR owner (claim, assign, transfer back) starts its recall clock. */
export async function startRecallClocks(
  _trx: Transaction<Database>,
  _ctx: ServiceContext,
  _owned: readonly { leadId: string; ownerId: string }[],
): Promise<void> {}

/** A lead entering the SDR queue unowned (capture, re-surfacing) starts its speed-to-lead clock. */
export async function startFirstTouchClocks(
  _trx: Transaction<Database>,
  _ctx: ServiceContext,
  _leadIds: readonly string[],
): Promise<void> {}
