/** Qualification frameworks as GET /frameworks gives them (SPEC §4.1), and the form's body for POST/PUT. */
import type { Bilingual, Framework as StoredFramework } from '../../../../src/domain/qualification/framework.js';

export type { AnswerType, Bilingual, ChoiceOption, Criterion } from '../../../../src/domain/qualification/framework.js';

/** A framework as GET /frameworks sends it (the asking order is the criteria's). */
export type Framework = Omit<StoredFramework, 'order'>;

export const answerTypes = ['yes_no_unknown', 'choice', 'number', 'text'] as const;

/** What the form holds: the API's shape, with every answer property possible while editing. */
export interface FrameworkFormValues {
  id: string;
  name: Partial<Bilingual>;
  criteria: {
    key?: string;
    label?: Partial<Bilingual>;
    question?: Partial<Bilingual>;
    answer?: {
      type?: (typeof answerTypes)[number];
      options?: { value?: string; label?: Partial<Bilingual>; points?: number | null }[];
      min?: number | null;
      max?: number | null;
      unit?: string;
      maxLength?: number | null;
    };
    points?: number | null;
  }[];
}

const text = (v: string | undefined) => v?.trim() ?? '';
const bilingual = (v: Partial<Bilingual> | undefined) => ({ zh: text(v?.zh), en: text(v?.en) });
const given = <T>(v: T | null | undefined): v is T => v !== null && v !== undefined;

/**
 * The body POST/PUT /frameworks takes: only the properties of the chosen answer type, empty
 * optional values left out, so the API's own checks name what is really missing.
 */
export function frameworkBody(values: FrameworkFormValues): Record<string, unknown> {
  return {
    id: text(values.id),
    name: bilingual(values.name),
    criteria: (values.criteria ?? []).map((c) => {
      const a = c.answer ?? {};
      let answer: Record<string, unknown> = { type: a.type };
      if (a.type === 'choice') {
        answer = {
          type: 'choice',
          options: (a.options ?? []).map((o) => ({
            value: text(o?.value),
            label: bilingual(o?.label),
            ...(given(o?.points) ? { points: o.points } : {}),
          })),
        };
      } else if (a.type === 'number') {
        answer = {
          type: 'number',
          ...(given(a.min) ? { min: a.min } : {}),
          ...(given(a.max) ? { max: a.max } : {}),
          ...(text(a.unit) ? { unit: text(a.unit) } : {}),
        };
      } else if (a.type === 'text') {
        answer = { type: 'text', ...(given(a.maxLength) ? { maxLength: a.maxLength } : {}) };
      }
      return {
        key: text(c.key),
        ...(text(c.label?.zh) || text(c.label?.en) ? { label: bilingual(c.label) } : {}),
        question: bilingual(c.question),
        answer,
        ...(given(c.points) ? { points: c.points } : {}),
      };
    }),
  };
}

/** A stored framework as form values (to edit it). */
export function formValuesOf(f: Framework): FrameworkFormValues {
  return {
    id: f.id,
    name: { ...f.name },
    criteria: f.criteria.map((c) => ({
      key: c.key,
      label: { ...c.label },
      question: { ...c.question },
      answer: structuredClone(c.answer) as NonNullable<FrameworkFormValues['criteria'][number]['answer']>,
      points: c.points,
    })),
  };
}

export const emptyCriterion = (): FrameworkFormValues['criteria'][number] => ({
  answer: { type: 'yes_no_unknown' },
  points: 10,
});
