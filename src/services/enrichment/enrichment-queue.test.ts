import { describe, expect, it } from 'vitest';
import { InProcessEnrichmentQueue } from './enrichment-queue.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('the in-process enrichment queue', () => {
  it('works each lead once, at most `concurrency` batches at a time, and a failing batch costs nothing else', async () => {
    const done: string[] = [];
    const errors: string[] = [];
    let running = 0;
    let most = 0;
    const queue = new InProcessEnrichmentQueue(
      async (ids) => {
        running++;
        most = Math.max(most, running);
        await tick();
        running--;
        if (ids.includes('bad')) throw new Error('provider exploded');
        done.push(...ids);
      },
      2,
      1,
    );
    queue.onError = (_error, ids) => errors.push(...ids);
    queue.start();
    queue.enqueue(['a', 'b', 'bad', 'c', 'a']);
    queue.enqueue(['d']);
    await queue.idle();
    expect(done.sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(errors).toEqual(['bad']);
    expect(most).toBe(2);
  });

  it('batches waiting leads, ignores work before start and after stop; stop aborts running work', async () => {
    const batches: string[][] = [];
    const batching = new InProcessEnrichmentQueue(
      async (ids) => {
        batches.push(ids);
        await tick();
      },
      1,
      3,
    );
    batching.start();
    batching.enqueue(['a']);
    batching.enqueue(['b', 'c', 'd', 'e']);
    await batching.idle();
    expect(batches).toEqual([['a'], ['b', 'c', 'd'], ['e']]);

    const seen: string[] = [];
    let aborted = false;
    const queue = new InProcessEnrichmentQueue(
      async (ids, stop) => {
        seen.push(...ids);
        await new Promise<void>((resolve) => stop.addEventListener('abort', () => resolve(), { once: true }));
        aborted = stop.aborted;
      },
      1,
      1,
    );
    queue.enqueue(['early']);
    queue.start();
    queue.enqueue(['x', 'y']);
    await tick();
    await queue.stop();
    queue.enqueue(['late']);
    await tick();
    expect(seen).toEqual(['x']);
    expect(aborted).toBe(true);
  });
});
