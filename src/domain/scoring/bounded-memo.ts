/**
 * Remembers a pure function's answers for repeated keys. Bulk scoring sees the same titles,
 * industries and region codes over and over, and reading a title costs far more than a map
 * lookup. Bounded so a stream of unique free text cannot grow it without limit: when full it
 * starts again empty, which is cheap and keeps the common keys coming back quickly.
 */
export class BoundedMemo<V> {
  readonly #answers = new Map<string, V>();

  constructor(
    private readonly compute: (key: string) => V,
    private readonly limit = 10_000,
  ) {}

  get(key: string): V {
    const known = this.#answers.get(key);
    if (known !== undefined) return known;
    const answer = this.compute(key);
    if (this.#answers.size >= this.limit) this.#answers.clear();
    this.#answers.set(key, answer);
    return answer;
  }
}
