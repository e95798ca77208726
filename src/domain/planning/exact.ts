/**
 * Exact rational arithmetic on bigints, for capacity planning (SPEC §8.5): money, rates and
 * counts are read as the decimals a person wrote ("0.57", "20000", "1.1"), never as binary
 * floating point, so 3249 ÷ 0.57 is exactly 5700 (a double says 5700.000000000001, and rounding
 * that up would plan one opportunity too many).
 *
 * A value is num/den in lowest terms with den > 0. Small on purpose: the operations the planner
 * needs, nothing more.
 */

const MAX_EXPONENT = 400;
const decimalPattern = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export class Exact {
  private constructor(
    readonly num: bigint,
    readonly den: bigint,
  ) {}

  static readonly zero = new Exact(0n, 1n);
  static readonly one = new Exact(1n, 1n);

  static fraction(num: bigint, den: bigint = 1n): Exact {
    if (den === 0n) throw new RangeError('division by zero');
    const sign = den < 0n ? -1n : 1n;
    const g = gcd(num, den) || 1n;
    return new Exact((sign * num) / g, (sign * den) / g);
  }

  static integer(n: bigint | number): Exact {
    return new Exact(BigInt(n), 1n);
  }

  /**
   * The exact value of a decimal: text ("0.2", "20000", "1.5e3", ".5") or a JS number, read as
   * the shortest decimal that prints it (String(0.1) is "0.1": what the person wrote, not the
   * binary double nearest to it). Undefined for anything else (NaN, Infinity, "1/3", "20,000",
   * an exponent beyond ±400).
   */
  static parse(value: number | string | bigint): Exact | undefined {
    if (typeof value === 'bigint') return Exact.integer(value);
    if (typeof value === 'number' && !Number.isFinite(value)) return undefined;
    const text = typeof value === 'number' ? String(value) : value.trim();
    const m = decimalPattern.exec(text);
    if (!m) return undefined;
    const [, sign, whole = '', fraction = '', exponent] = m;
    if (whole === '' && fraction === '') return undefined;
    const exp = exponent === undefined ? 0 : Number(exponent);
    if (!Number.isSafeInteger(exp) || Math.abs(exp) > MAX_EXPONENT) return undefined;
    let num = BigInt(`${whole}${fraction}` || '0');
    if (sign === '-') num = -num;
    const shift = exp - fraction.length;
    return shift >= 0 ? Exact.fraction(num * 10n ** BigInt(shift)) : Exact.fraction(num, 10n ** BigInt(-shift));
  }

  plus(other: Exact): Exact {
    return Exact.fraction(this.num * other.den + other.num * this.den, this.den * other.den);
  }

  minus(other: Exact): Exact {
    return Exact.fraction(this.num * other.den - other.num * this.den, this.den * other.den);
  }

  times(other: Exact): Exact {
    return Exact.fraction(this.num * other.num, this.den * other.den);
  }

  dividedBy(other: Exact): Exact {
    if (other.num === 0n) throw new RangeError('division by zero');
    return Exact.fraction(this.num * other.den, this.den * other.num);
  }

  /** -1, 0 or 1 as this is less than, equal to or greater than `other`. */
  compare(other: Exact): -1 | 0 | 1 {
    const d = this.num * other.den - other.num * this.den;
    return d < 0n ? -1 : d > 0n ? 1 : 0;
  }

  sign(): -1 | 0 | 1 {
    return this.num < 0n ? -1 : this.num > 0n ? 1 : 0;
  }

  isInteger(): boolean {
    return this.den === 1n;
  }

  /** Whether it is written with at most `places` decimal places (20000.5 has 1, 1/3 has none). */
  hasAtMostDecimals(places: number): boolean {
    return 10n ** BigInt(places) % this.den === 0n;
  }

  /** The smallest integer ≥ this. */
  ceil(): bigint {
    const q = this.num / this.den; // truncates toward zero
    return this.num % this.den !== 0n && this.num > 0n ? q + 1n : q;
  }

  /** The largest integer ≤ this. */
  floor(): bigint {
    const q = this.num / this.den;
    return this.num % this.den !== 0n && this.num < 0n ? q - 1n : q;
  }

  /** Rounded to `places` decimals, halves away from zero (四舍五入: 0.125 → 0.13). */
  round(places: number): Exact {
    const scale = 10n ** BigInt(places);
    const scaled = this.times(Exact.integer(scale));
    const half = Exact.fraction(1n, 2n);
    const whole = scaled.sign() < 0 ? -scaled.times(Exact.integer(-1)).plus(half).floor() : scaled.plus(half).floor();
    return Exact.fraction(whole, scale);
  }

  /** Decimal text with exactly `places` decimals, rounded half away from zero: "12000000.00". */
  toFixed(places: number): string {
    const scale = 10n ** BigInt(places);
    const scaled = this.round(places).times(Exact.integer(scale));
    const n = scaled.num; // an integer now
    const negative = n < 0n;
    const digits = (negative ? -n : n).toString().padStart(places + 1, '0');
    const whole = digits.slice(0, digits.length - places);
    const fraction = places > 0 ? `.${digits.slice(digits.length - places)}` : '';
    return `${negative ? '-' : ''}${whole}${fraction}`;
  }

  /** The nearest double, through its decimal text (exact when it has ≤ 15 significant digits). */
  toNumber(places = 6): number {
    return Number(this.toFixed(places));
  }

  toString(): string {
    return this.den === 1n ? this.num.toString() : `${this.num}/${this.den}`;
  }
}
