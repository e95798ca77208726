/**
 * The roster as a transfer's routing reads it (roster.ts repCandidatesQuery), held by this
 * process between transfers with the version it was read at (roster_version, bumped by
 * triggers on any change to profiles, eligibility lists or the reps' users, migration
 * 023-rep-load). A transfer sends the version it holds in its one read and gets the rows back
 * only when the database's version differs, so a change committed by any process is seen by
 * the next transfer, and an unchanged roster of hundreds of reps is not read and parsed again.
 * Loads (open MQLs) change with every hand-off and are always read: they are not held here.
 */
import type { RosterRowJson } from '../../store/repositories/roster.js';

export interface HeldRoster {
  month: string;
  version: number;
  rows: readonly RosterRowJson[];
}

export class RosterCache {
  #held: HeldRoster | null = null;

  /** The rows held for `month`, if any. */
  held(month: string): HeldRoster | null {
    return this.#held?.month === month ? this.#held : null;
  }

  /** Keeps rows just read; an older version never replaces a newer one of the same month. */
  keep(roster: HeldRoster): void {
    const current = this.#held;
    if (current && current.month === roster.month && current.version > roster.version) return;
    this.#held = roster;
  }
}
