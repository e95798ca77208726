/**
 * Money of channel economics (SPEC §8.2) in integer fen (分, 1/100 yuan), so sums and ratios carry
 * no floating-point artefacts: amounts are read from their decimal text (at most 2 decimals),
 * summed as integers, and divided once, rounding half away from zero.
 */

/** Largest amount one entry may hold: 10^12 yuan (numeric(16,2) in the database). */
export const MAX_AMOUNT_FEN = 100_000_000_000_000;

const DECIMAL = /^(\d+)(?:\.(\d{1,2}))?$/;

/**
 * An amount as entered (a JSON number, or text from a sheet: "1,234.50", "¥1000", "1000.1") →
 * fen, or why it is not an amount. Negative amounts and more than 2 decimals are refused.
 */
export function parseAmount(input: number | string): { fen: number } | { error: string; errorZh: string } {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { error: 'must be a number', errorZh: '须为数字' };
    if (input < 0) return { error: 'must not be negative', errorZh: '不能为负数' };
    // The shortest decimal text of the number: 1000.1 → "1000.1", 0.125 → "0.125" (refused below).
    text = String(input);
    if (/e/i.test(text))
      return {
        error: 'must be at most 1,000,000,000,000 with at most 2 decimals',
        errorZh: '不能超过 1,000,000,000,000，最多两位小数',
      };
  } else {
    text = input
      .trim()
      .replace(/^[¥￥]\s*/, '')
      .replace(/,/g, '')
      .replace(/\s/g, '');
    if (text.startsWith('-')) return { error: 'must not be negative', errorZh: '不能为负数' };
  }
  const m = DECIMAL.exec(text);
  if (!m) {
    return /^\d+\.\d{3,}$/.test(text)
      ? {
          error: 'has more than 2 decimals (amounts are exact to the fen, 0.01)',
          errorZh: '超过两位小数（金额精确到分，0.01）',
        }
      : {
          error: `"${String(input)}" is not an amount (e.g. 1234.50)`,
          errorZh: `“${String(input)}”不是金额（如 1234.50）`,
        };
  }
  const whole = m[1].replace(/^0+(?=\d)/, '');
  if (whole.length > 13) return { error: 'must be at most 1,000,000,000,000', errorZh: '不能超过 1,000,000,000,000' };
  const fen = Number(whole) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  if (fen > MAX_AMOUNT_FEN)
    return { error: 'must be at most 1,000,000,000,000', errorZh: '不能超过 1,000,000,000,000' };
  return { fen };
}

/** fen → yuan as a JSON number with at most 2 decimals (100010 → 1000.1). */
export const yuan = (fen: number): number => fen / 100;

/** yuan as the reports give it (already rounded to the fen) → fen. */
export const toFen = (amount: number): number => Math.round(amount * 100);

/** a / b rounded half away from zero to an integer (b > 0), exact for any safe integers. */
function divideRounded(a: bigint, b: bigint): bigint {
  const negative = a < 0n;
  const n = negative ? -a : a;
  const q = (2n * n + b) / (2n * b);
  return negative ? -q : q;
}

/** Spend per unit (lead, MQL …) in yuan to the fen, half away from zero; null when there are none. */
export function costPer(spendFen: number, count: number): number | null {
  if (count <= 0) return null;
  return yuan(Number(divideRounded(BigInt(spendFen), BigInt(count))));
}

/** ROI = (revenue − spend) / spend to 4 decimals, half away from zero; null when nothing was spent. */
export function returnOnSpend(revenueFen: number, spendFen: number): number | null {
  if (spendFen <= 0) return null;
  return Number(divideRounded(BigInt(revenueFen - spendFen) * 10_000n, BigInt(spendFen))) / 10_000;
}
