/**
 * Enrichment never blocks capture (SPEC §3): after a capture transaction commits, the created
 * and merged lead ids are handed to this queue, which enriches them in the background with
 * bounded concurrency. A failing run is reported to `onError` and costs nothing else.
 *
 * The queue lives in process memory: ids still waiting when the process stops are not
 * enriched (POST /leads/{id}/enrich runs a lead by hand). A durable outbox can replace it
 * behind the same interface.
 */
import type { ServiceContext } from '../context.js';
import { runEnrichment } from './run-enrichment.js';

export interface EnrichmentQueue {
  /** Queue leads for enrichment; returns at once. Ignored until started and after stop. */
  enqueue(leadIds: readonly string[]): void;
  start(): void;
  /** Resolves when nothing is waiting or running. */
  idle(): Promise<void>;
  /** Drops waiting ids, aborts running lookups and waits for their runs to finish. */
  stop(): Promise<void>;
  onError: (error: unknown, leadIds: readonly string[]) => void;
}

export class InProcessEnrichmentQueue implements EnrichmentQueue {
  onError: (error: unknown, leadIds: readonly string[]) => void = () => {};
  // A Set keeps arrival order and lets a lead queued twice (created, then merged) wait once.
  #waiting = new Set<string>();
  #running = new Set<string>();
  #batches = new Set<Promise<void>>();
  #state: 'new' | 'started' | 'stopped' = 'new';
  #stop = new AbortController();
  #idle: (() => void)[] = [];

  /**
   * @param work enriches a batch of leads; `stop` is aborted when the queue stops
   * @param concurrency batches at once
   * @param batchSize leads per batch (one transaction each): a batch costs about seven
   *   statements whatever its size, and runs beside capture, so bulk capture wants big ones
   */
  constructor(
    private readonly work: (leadIds: string[], stop: AbortSignal) => Promise<unknown>,
    private readonly concurrency = 2,
    private readonly batchSize = 250,
  ) {}

  start(): void {
    if (this.#state === 'new') this.#state = 'started';
    this.#pump();
  }

  enqueue(leadIds: readonly string[]): void {
    if (this.#state !== 'started') return;
    for (const id of leadIds) this.#waiting.add(id);
    this.#pump();
  }

  idle(): Promise<void> {
    if (this.#waiting.size === 0 && this.#batches.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  async stop(): Promise<void> {
    this.#state = 'stopped';
    this.#waiting.clear();
    this.#stop.abort();
    await Promise.all(this.#batches);
  }

  #pump(): void {
    while (this.#state === 'started' && this.#batches.size < this.concurrency) {
      const batch: string[] = [];
      for (const id of this.#waiting) {
        if (batch.length >= this.batchSize) break;
        // A lead being enriched now waits for that run to end: two runs of one lead would ask the providers twice.
        if (!this.#running.has(id)) batch.push(id);
      }
      if (batch.length === 0) break;
      for (const id of batch) {
        this.#waiting.delete(id);
        this.#running.add(id);
      }
      const run: Promise<void> = this.work(batch, this.#stop.signal)
        .then(
          () => {},
          (error) => this.onError(error, batch),
        )
        .finally(() => {
          for (const id of batch) this.#running.delete(id);
          this.#batches.delete(run);
          this.#pump();
          if (this.#waiting.size === 0 && this.#batches.size === 0)
            for (const resolve of this.#idle.splice(0)) resolve();
        });
      this.#batches.add(run);
    }
  }
}

/**
 * The queue of a service context. A batch whose transaction fails is retried lead by lead, so
 * one lead the database refuses cannot keep the others of its batch unenriched.
 */
export function createEnrichmentQueue(ctx: ServiceContext): EnrichmentQueue {
  return new InProcessEnrichmentQueue(async (leadIds, stop) => {
    try {
      await runEnrichment(ctx, leadIds, { actorId: null, stop });
    } catch (error) {
      if (leadIds.length === 1 || stop.aborted) throw error;
      const failed: string[] = [];
      for (const leadId of leadIds) {
        await runEnrichment(ctx, [leadId], { actorId: null, stop }).catch(() => failed.push(leadId));
      }
      if (failed.length) {
        throw new Error(`enrichment failed for ${failed.join(', ')}: ${(error as Error).message}`, { cause: error });
      }
    }
  });
}
