/**
 * Seniority from a free-text job title, Chinese or English (SPEC §4.3 fit, §5.2 "the new
 * contact is more senior than the contact the owner works with").
 *
 * The rule: **the head noun at the end decides.** A title is a head noun with modifiers in
 * front of it, so the rank-bearing word that ends last names the position: 销售总监助理 is an
 * assistant (staff) to a director, 总经理助理 an assistant, IT经理 a manager, Senior Manager a
 * manager, Assistant Manager a manager. Where several words end at the same place the longest
 * wins (副总经理 is a VP, not a 总经理). Three refinements:
 * - English puts the complement after "of / to / for / at / in": "VP of Sales", "Head of
 *   Digital", "Assistant to the CEO" are read up to that word.
 * - "Chief … Officer" / "首席…官" is C-level whatever stands between (Chief Technology Officer).
 * - A compound title names several positions (技术副总裁兼CTO, 董事长/总经理, "CEO & Founder"):
 *   each is read on its own and the highest counts.
 * Brackets are notes, not titles ("经理（华东区）"); full-width letters, case, dots (V.P., Sr.)
 * and traditional characters (總經理) are folded first.
 */

import { toSimplifiedChinese } from '../normalise/simplified-chinese.js';
import { toHalfWidth } from '../normalise/width.js';
import { SENIORITY_RANK, type SeniorityLevel } from './seniority-level.js';
import { TITLE_WORDS } from './title-words.js';

export interface TitleSeniority {
  level: SeniorityLevel;
  /** c_level 5, vp 4, director 3, manager 2, staff 1, intern 0, unknown -1. */
  rank: number;
  /** The word that decided, as written in the word table ("总监", "vice president"). */
  matched?: string;
}

interface Hit {
  level: SeniorityLevel;
  word: string;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** One token per CJK character, one per run of ASCII letters and digits; the rest separates. */
function tokenise(text: string): string[] {
  const tokens: string[] = [];
  let word = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    const asciiWordChar = (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
    if (asciiWordChar) {
      word += ch;
      continue;
    }
    if (word) {
      tokens.push(word);
      word = '';
    }
    if (CJK.test(ch)) tokens.push(ch);
  }
  if (word) tokens.push(word);
  return tokens;
}

// Words are looked up by their tokens joined with a space: 总经理 → "总 经 理".
const WORDS = new Map<string, Hit>();
let longestWord = 0;
for (const [level, words] of Object.entries(TITLE_WORDS) as [SeniorityLevel, readonly string[]][]) {
  for (const word of words) {
    const tokens = tokenise(word);
    WORDS.set(tokens.join(' '), { level, word });
    longestWord = Math.max(longestWord, tokens.length);
  }
}

const COMPLEMENT = new Set(['of', 'to', 'for', 'at', 'in', 'with', 'from']);
const CHIEF_FRAME_HEAD = new Set(['officer', 'executive', '官']);
const CHIEF_FRAME: Hit = { level: 'c_level', word: 'chief … officer' };

function chiefBefore(tokens: readonly string[], end: number): boolean {
  for (let i = 0; i < end; i++) {
    if (tokens[i] === 'chief') return true;
    if (tokens[i] === '首' && tokens[i + 1] === '席' && i + 1 < end) return true;
  }
  return false;
}

/** The rank-bearing word that ends last (longest among those ending there). */
function headOf(tokens: readonly string[]): Hit | undefined {
  for (let end = tokens.length; end > 0; end--) {
    if (CHIEF_FRAME_HEAD.has(tokens[end - 1]) && chiefBefore(tokens, end - 1)) return CHIEF_FRAME;
    let hit: Hit | undefined;
    let key = '';
    for (let start = end - 1; start >= 0 && start >= end - longestWord; start--) {
      key = key ? `${tokens[start]} ${key}` : tokens[start];
      hit = WORDS.get(key) ?? hit;
    }
    if (hit) return hit;
  }
  return undefined;
}

function readPart(part: string): Hit | undefined {
  const tokens = tokenise(part);
  const complement = tokens.findIndex((t, i) => i > 0 && COMPLEMENT.has(t));
  return headOf(complement > 0 ? tokens.slice(0, complement) : tokens);
}

const BRACKETED = /\([^)]*\)?|\[[^\]]*\]?|【[^】]*】?|〔[^〕]*〕?/g;
// Between positions of a compound title: 兼 and its kin, slashes, commas, "&", " and ", " - ".
const BETWEEN_POSITIONS = /兼|及|暨|与|和|[/|,，、;；&+\n]|\band\b|\s-\s|[—–]/;
function fold(title: string): string {
  return toSimplifiedChinese(toHalfWidth(title).toLowerCase().replace(/\./g, ''));
}

const UNKNOWN: TitleSeniority = Object.freeze({ level: 'unknown', rank: SENIORITY_RANK.unknown });

export function titleSeniority(title: string | null | undefined): TitleSeniority {
  if (!title) return UNKNOWN;
  let best: Hit | undefined;
  for (const part of fold(title).replace(BRACKETED, ' ').split(BETWEEN_POSITIONS)) {
    const hit = readPart(part);
    if (hit && (!best || SENIORITY_RANK[hit.level] > SENIORITY_RANK[best.level])) best = hit;
  }
  return best ? { level: best.level, rank: SENIORITY_RANK[best.level], matched: best.word } : UNKNOWN;
}

/**
 * Orders two contacts by seniority: negative when `a` is less senior than `b`, 0 when equal,
 * positive when more senior. Takes titles or already-read seniorities. An unreadable title ranks
 * below an intern; routing decides separately whether "unknown" may count as "less senior".
 */
export function compareSeniority(a: TitleSeniority | string | null, b: TitleSeniority | string | null): number {
  const rankA = typeof a === 'object' && a !== null ? a.rank : titleSeniority(a).rank;
  const rankB = typeof b === 'object' && b !== null ? b.rank : titleSeniority(b).rank;
  return Math.sign(rankA - rankB);
}
