import { describe, expect, it } from 'vitest';
import type { SeniorityLevel } from './seniority-level.js';
import { titleSeniority } from './title-seniority.js';
import { TITLE_WORDS } from './title-words.js';

const entries = Object.entries(TITLE_WORDS) as [SeniorityLevel, readonly string[]][];

describe('the title word table', () => {
  it('reads every word as its own level (no word is listed twice or shadowed)', () => {
    for (const [level, words] of entries) {
      for (const word of words) expect({ word, level: titleSeniority(word).level }).toEqual({ word, level });
    }
  });
});
