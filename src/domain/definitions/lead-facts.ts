/**
 * What a definition looks at, gathered by the service from the lead, its qualification answers,
 * its score and its hand-offs. Plain values, so a definition can be replayed over past leads
 * (SPEC §8.6) as easily as it gates a transfer.
 */
import type { Answers } from '../qualification/framework.js';
import type { Milestone, ProfileField } from './definition-body.js';

export interface LeadFacts {
  status: string;
  phone: string | null;
  email: string | null;
  /** Qualification answers by framework id: `{ BANT: { budget: 'yes' } }`. */
  answers: Readonly<Record<string, Answers>>;
  /** Total score (SPEC §4.3); null when not computed yet. */
  score: number | null;
  profile?: Readonly<Partial<Record<ProfileField, unknown>>>;
  /** Custom attributes (`lead.fields`). */
  fields?: Readonly<Record<string, unknown>>;
  milestones?: Readonly<Partial<Record<Milestone, boolean>>>;
}
