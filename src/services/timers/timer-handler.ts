import type { Transaction } from 'kysely';
import type { TimerRow } from '../../store/repositories/timers.js';
import type { Database } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';

/**
 * What a timer does when it falls due, inside the transaction that marks it fired. It checks
 * that what it guards still needs it (a decided hand-off, a touched lead: nothing to do) and
 * dates its effects at the timer's due time, not at the sweep's.
 */
export type TimerHandler = (trx: Transaction<Database>, ctx: ServiceContext, timer: TimerRow) => Promise<void>;
