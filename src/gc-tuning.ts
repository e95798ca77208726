/**
 * How the server process's garbage collector runs. V8's default starts a full (mark-compact)
 * collection once the old generation has grown a little past what survived the last one: under
 * a steady load of transfers that came every ~6 s. On a 2-CPU machine each one held requests up
 * for about 100 ms (its marking runs in steps on the server's thread and concurrently on the
 * other CPU, which PostgreSQL then lacks), and those episodes set the p99 (bench/FINDINGS.md).
 * Letting the old generation grow to four times the live heap before the next full collection
 * makes them rare, for a few hundred MB more memory. `leadloop start` calls this before the
 * server starts, and the benches that run the server in their own process do too.
 */
import { setFlagsFromString } from 'node:v8';

export function tuneGarbageCollector(): void {
  setFlagsFromString('--heap-growing-percent=300');
}
