/**
 * A qualification framework as data (SPEC §4.1): the questions an SDR asks on a call, in the
 * order they are asked, each with an answer type and the points a good answer earns. BANT,
 * CHAMP and MEDDIC ship built in; admins edit them and add their own, so nothing here is an
 * enum of frameworks.
 */

/** Text shown in both UI languages. */
export interface Bilingual {
  zh: string;
  en: string;
}

export const yesNoUnknown = ['yes', 'no', 'unknown'] as const;
export type YesNoUnknown = (typeof yesNoUnknown)[number];

export interface ChoiceOption {
  /** Stored in the answers; stable while labels are reworded. */
  value: string;
  label: Bilingual;
  /** Points for choosing this option; an option without its own earns the criterion's `points`. */
  points?: number;
}

export type AnswerType =
  | { type: 'yes_no_unknown' }
  | { type: 'choice'; options: ChoiceOption[] }
  | { type: 'number'; min?: number; max?: number; unit?: string }
  | { type: 'text'; maxLength: number };

export interface Criterion {
  /** The answer key (`answers.<key>` in the API), an English id such as `economicBuyer`. */
  key: string;
  /** Short name for score explanations and the timeline ("预算"). */
  label: Bilingual;
  question: Bilingual;
  answer: AnswerType;
  /**
   * yes/no: points for "yes" (no and unknown earn nothing); choice: the default for options
   * naming no points; number and text: points for having an answer at all.
   */
  points: number;
}

export interface Framework {
  /** Used in answers (`{framework: "BANT"}`) and in definitions (`BANT.timing`). */
  id: string;
  name: Bilingual;
  builtIn: boolean;
  /** Criteria are asked in the order listed: CHAMP asks the challenge first (SPEC §4.1). */
  order: 'as-listed';
  criteria: Criterion[];
}

/** One answer: "yes" | "no" | "unknown", a choice option's value, a number or text. */
export type AnswerValue = string | number;

/** Answers to one framework by criterion key; a key that is absent has not been answered. */
export type Answers = Readonly<Record<string, AnswerValue>>;

export function criterionOf(framework: Framework, key: string): Criterion | undefined {
  return framework.criteria.find((c) => c.key === key);
}
