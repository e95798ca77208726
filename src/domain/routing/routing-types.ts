/**
 * The routing contract (SPEC §5.2): what choosing a rep reads and what it decides. The
 * decision is a pure function of these values (choose-rep.ts); services gather them from
 * storage inside the transfer's transaction and store the decision as the hand-off.
 */

/** A sales rep as routing sees them at the moment of the decision. */
export interface RepCandidate {
  id: string;
  name: string;
  /** GB/T 2260 region codes the rep covers (a province code covers its cities). */
  regions: readonly string[];
  /** Industries the rep has cases in (free text, matched like scoring's industry rules). */
  industries: readonly string[];
  /** Skill level, 1 (new) … 5 (top closer). */
  level: number;
  /** Rotation weight, > 0 (default 1). */
  weight: number;
  /** Maximum open undecided MQLs (pending hand-offs). */
  capacity: number;
  department: string | null;
  /** On this month's eligibility list (PUT /eligibility/{yyyy-mm}). */
  eligible: boolean;
  suspendedUntil: Date | null;
  /** Pending hand-offs assigned or synced to the rep now. */
  openMqls: number;
}

/** The rotation state of one pool of reps, as stored (rotation_counters). */
export interface RotationState {
  /** Leads (credit-independent count) each rep has received in this pool; absent = never. */
  received: Readonly<Record<string, number>>;
  /** Sequence number of each rep's last pick in this pool (higher = more recent); absent = never. */
  lastPick: Readonly<Record<string, number>>;
  /** The department of the last pick in this pool, for interleaving; null = none yet. */
  lastDepartment: string | null;
}

/** A CRM account that matched the lead's company (SPEC §5.2 step 1). */
export interface AccountMatch {
  accountId: string;
  accountName: string;
  matchedOn: 'credit_code' | 'name' | 'alias';
  /** Null = no active owner (the account does not decide the rep). */
  ownerId: string | null;
  lastActivityAt: Date | null;
  /** The contacts the owner works with. */
  contacts: readonly { name: string; title: string | null }[];
}

/** What routing needs of the lead. */
export interface RoutingLead {
  id: string;
  regionCode: string | null;
  industry: string | null;
  title: string | null;
  score: number;
  /** e.g. "A1" (SPEC §4.3). */
  grade: string | null;
}

export interface RoutingPolicy {
  /** Owner inactive for N days → assign to the owner with full credit (default 30). */
  conflictInactiveDays: number;
  /** …and the owner must make first contact within M days (default 3). */
  firstContactDays: number;
  /** Credit of a sync to an active owner with a contact at least as senior (default 1/3). */
  partialCredit: number;
  /** "weight": weighted round-robin across the pool, departments interleaved among equals;
   *  "department": each department an equal share first, split by weight inside it. */
  balance: 'weight' | 'department';
  /** Skill: leads of these grades prefer reps at or above `topLevel`; others prefer below it. */
  skill: { mustWinGrades: readonly string[]; topLevel: number } | null;
}

/** One line of "why did this rep get this lead?" — every rule tried and every rep skipped. */
export interface RoutingStep {
  step:
    | 'account'
    | 'eligibility'
    | 'capacity'
    | 'suspension'
    | 'region'
    | 'industry'
    | 'skill'
    | 'rotation'
    | 'dispatch';
  /** The rep this line is about, when it is about one. */
  repId?: string;
  outcome: 'picked' | 'skipped' | 'narrowed' | 'kept' | 'matched' | 'no_match' | 'dispatch';
  /** Human-readable, Chinese first: "地区: 上海 (31) — 3 of 7 reps cover it" (as stored; API clients read it). */
  message: string;
  /** What kind of line this is, for wording it in the reader's language; absent on lines stored before codes. */
  code?: RoutingCode;
  /** The values `code` is worded with (see ROUTING_CODES). */
  params?: RoutingParams;
}

/**
 * The kinds of routing line, each with its params (dates as ISO strings, regions as RegionName):
 * - account_none {} — no CRM account;
 * - account_no_owner {account, matchedOn} — the account has no active owner;
 * - account_idle {account, matchedOn, owner, lastActivityAt|null, inactiveDays, firstContactDays, firstContactDueAt};
 * - account_sync {account, matchedOn, owner, lastActivityAt, inactiveDays, contactTitle|null, contactSeniority,
 *   moreSenior, contacts: Mention[] (name, title, seniority; the first 5), contactCount, credit};
 * - account_owner {owner, notEligible, suspendedUntil|null, atCapacity, openMqls, capacity} — the owner gets it;
 * - rep_skipped {rep, notEligible, suspendedUntil|null, atCapacity, openMqls, capacity, badWeight, weight|null};
 * - region_unknown, industry_unknown, skill_off {} — the lead has no region / industry, no skill policy;
 * - region {region}, industry {industry}, skill_must_win / skill_practice {grade|null, topLevel}, each with
 *   {pool, matching, removed, leftOut: Mention[]} (the first MAX_NAMED left out; with regions / industries / level);
 *   the outcome says which: no_match (pool kept), matched (all), narrowed;
 * - rotation {rep, weight, received, share, department|null, pool, balance, tieBreak|null,
 *   notDue: Mention[] (weight, received; the first MAX_NAMED), notDueCount};
 * - dispatch_no_reps {} — the roster is empty; dispatch_nobody_fits {notEligible, suspended, atCapacity, badWeight};
 * - dispatch_manual {reason} — the SDR asked for dispatch; dispatch_recalled {} — only the breaching rep fits;
 * - dispatch_assigned / dispatch_synced {rep} — a dispatcher resolved it.
 */
export const ROUTING_CODES = [
  'account_none',
  'account_no_owner',
  'account_idle',
  'account_sync',
  'account_owner',
  'rep_skipped',
  'region_unknown',
  'industry_unknown',
  'skill_off',
  'region',
  'industry',
  'skill_must_win',
  'skill_practice',
  'rotation',
  'dispatch_no_reps',
  'dispatch_nobody_fits',
  'dispatch_manual',
  'dispatch_recalled',
  'dispatch_assigned',
  'dispatch_synced',
] as const;
export type RoutingCode = (typeof ROUTING_CODES)[number];

/** A region in both languages (the code alone when the taxonomy does not know it). */
export interface RegionName {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
}

/** A person a line names, with what the line saw of them. */
export interface Mention {
  readonly name: string;
  readonly title?: string | null;
  readonly seniority?: string;
  readonly regions?: readonly RegionName[];
  readonly industries?: readonly string[];
  readonly level?: number;
  readonly weight?: number;
  readonly received?: number;
}

export type RoutingParams = Readonly<
  Record<string, string | number | boolean | null | RegionName | readonly Mention[]>
>;

export interface RoutingDecision {
  kind: 'assign' | 'sync' | 'dispatch';
  repId: string | null;
  /** SDR credit: 1, or the partial credit of a sync (SPEC §5.2). */
  credit: number;
  /** Set when an idle account owner gets the lead (first contact within M days). */
  firstContactDueAt: Date | null;
  /** The pool the rotation picked from (for updating its state), null when no rotation ran. */
  poolKey: string | null;
  explanation: RoutingStep[];
}
