/**
 * Splits free-text region input into comparable tokens.
 *
 * Han characters become one token each (Chinese has no spaces: 浙江省杭州市), Latin text becomes
 * one token per word (Hangzhou, Zhejiang). Looking regions up by joining leading tokens lets
 * "浙江杭州", "浙江 杭州", "Hang Zhou" and "Zhejiang Hangzhou" all split at a name boundary, while
 * a Latin name never matches the middle of a word ("Alibaba" is not 阿里 "Ali").
 */
import { toHalfWidth } from './width.js';

const TOKEN = /\p{Script=Han}|[a-z0-9\u00c0-\u024f]+/gu;

// Words that qualify a name without identifying it: "Zhejiang Province", "Hong Kong SAR", "Shanghai, China".
const LATIN_FILLER_WORDS = new Set([
  'province',
  'city',
  'municipality',
  'autonomous',
  'region',
  'prefecture',
  'special',
  'administrative',
  'sar',
  'china',
  'prc',
]);

const COUNTRY_PREFIX = ['中', '国']; // 中国上海 → 上海

export function regionTokens(raw: string): string[] {
  const tokens = (toHalfWidth(raw).toLowerCase().match(TOKEN) ?? []).filter((t) => !LATIN_FILLER_WORDS.has(t));
  if (tokens.length > COUNTRY_PREFIX.length && tokens[0] === COUNTRY_PREFIX[0] && tokens[1] === COUNTRY_PREFIX[1]) {
    return tokens.slice(COUNTRY_PREFIX.length);
  }
  return tokens;
}

/** The lookup key of a whole name: "Inner Mongolia" → "innermongolia", "上海市" → "上海市". */
export function regionKey(raw: string): string {
  return regionTokens(raw).join('');
}
