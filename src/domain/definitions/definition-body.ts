/**
 * A stage definition (口径, SPEC §4.2) as data: the criteria a lead must meet to count as a
 * valid lead, an MQL, an SQL or an opportunity. Seed 002: to make MQLs fewer and better you add
 * a criterion ("agreed to meet sales"); to get more you drop one ("no timeline needed") — so a
 * definition is a plain list, and each variant is the list with one entry more or less.
 */
import type { AnswerValue, Bilingual } from '../qualification/framework.js';

export const definitionKinds = ['valid_lead', 'mql', 'sql', 'opportunity'] as const;
export type DefinitionKind = (typeof definitionKinds)[number];

export const definitionKindNames: Record<DefinitionKind, Bilingual> = {
  valid_lead: { zh: '有效线索', en: 'valid lead' },
  mql: { zh: 'MQL（市场认可线索）', en: 'MQL' },
  sql: { zh: 'SQL（销售认可线索）', en: 'SQL' },
  opportunity: { zh: '商机', en: 'opportunity' },
};

/** Built-in lead fields a `field` criterion may require; custom attributes are `fields.<name>`. */
export const profileFields = ['name', 'company', 'title', 'region', 'industry', 'employees', 'channel'] as const;
export type ProfileField = (typeof profileFields)[number];

/** Things that happen to a lead after hand-off (SPEC §6.1), for the SQL and opportunity stages. */
export const milestones = ['accepted_by_sales', 'opportunity_registered'] as const;
export type Milestone = (typeof milestones)[number];

export type ContactRequirement = 'phone_or_email' | 'phone' | 'email';

export type DefinitionCriterion =
  /**
   * An answer of a qualification framework. With `oneOf`, the answer must be one of those values;
   * with `min`/`max` (number answers), within the bounds; with neither, answered at all
   * ("unknown" does not count as an answer).
   */
  | { kind: 'answer'; framework: string; key: string; oneOf?: AnswerValue[]; min?: number; max?: number }
  /** The lead's total score (SPEC §4.3) is at least `min`. */
  | { kind: 'minScore'; min: number }
  /** A way to reach the lead. A definition with no contact criterion requires none. */
  | { kind: 'contact'; require: ContactRequirement }
  /** A built-in field (`company`) or a custom attribute (`fields.项目立项`) has a value. */
  | { kind: 'field'; field: string }
  /** The lead's current status is none of these (valid lead: not disqualified, SPEC §8.1). */
  | { kind: 'status'; notIn: string[] }
  | { kind: 'milestone'; milestone: Milestone };

export interface DefinitionBody {
  kind: DefinitionKind;
  /** All must be met. */
  criteria: DefinitionCriterion[];
}
