/**
 * Custom columns of a history file become typed `fields` (SPEC §10.1), so a model can learn from
 * them: a column's type is inferred over the whole file, then every value is converted to it.
 * - yes_no: every value is yes/no/true/false/y/n/是/否/1/0 (a column of only 0 and 1 too) → booleans;
 * - number: every value is a number (thousands separators allowed) → JSON numbers;
 * - date: every value is a date (see normalise/date-text.ts) → 'yyyy-mm-dd', or full ISO when
 *   any value of the column has a time;
 * - otherwise category: the trimmed text.
 * Empty cells carry no value and do not vote.
 */
import { parseDateText } from '../normalise/date-text.js';

export type FieldType = 'number' | 'category' | 'yes_no' | 'date';

const yes = new Set(['yes', 'true', 'y', '是', '1']);
const no = new Set(['no', 'false', 'n', '否', '0']);
const numberText = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:e[+-]?\d+)?$/;

const clean = (text: string) => text.normalize('NFKC').trim();

function parseNumber(text: string): number | null {
  const t = clean(text).toLowerCase();
  if (!/\d/.test(t) || !numberText.test(t)) return null;
  const n = Number(t.replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}

function parseYesNo(text: string): boolean | null {
  const t = clean(text).toLowerCase();
  return yes.has(t) ? true : no.has(t) ? false : null;
}

/** Inference for one column, fed value by value (the file is not held twice). */
export class FieldTypeVote {
  #seen = 0;
  #yesNo = true;
  #number = true;
  #date = true;
  #timed = false;

  add(text: string): void {
    if (clean(text) === '') return;
    this.#seen++;
    if (this.#yesNo && parseYesNo(text) === null) this.#yesNo = false;
    if (this.#number && parseNumber(text) === null) this.#number = false;
    if (this.#date) {
      const date = parseDateText(clean(text));
      if (!date) this.#date = false;
      else if (date.day === null) this.#timed = true;
    }
  }

  get type(): FieldType {
    if (this.#seen === 0) return 'category';
    if (this.#yesNo) return 'yes_no';
    if (this.#number) return 'number';
    if (this.#date) return 'date';
    return 'category';
  }

  /** For a date column: whether its values are written as instants (some value has a time). */
  get timed(): boolean {
    return this.#timed;
  }
}

/** How a column's values are stored; `timed` only matters for dates. */
export interface ColumnType {
  type: FieldType;
  timed: boolean;
}

/** A non-empty cell as the JSON value of its column's type (the type was inferred from it). */
export function typedValue(column: ColumnType, text: string): string | number | boolean {
  switch (column.type) {
    case 'yes_no':
      return parseYesNo(text) as boolean;
    case 'number':
      return parseNumber(text) as number;
    case 'date': {
      const date = parseDateText(clean(text));
      if (!date) return clean(text);
      return date.day !== null && !column.timed ? date.day : date.at.toISOString();
    }
    case 'category':
      return text.trim();
  }
}
