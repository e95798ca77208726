/**
 * Group commit for single captures (POST /leads): requests that arrive while a capture
 * transaction is in flight wait and then share the next transaction, so under load many leads
 * pay for one commit. Each request still gets its own answer (its lead, created or merged, or
 * its own validation errors). If a shared transaction fails in the database, its items are
 * retried one by one, so one bad item cannot fail the others.
 */
import { InvalidInput } from '../domain/errors.js';
import type { LeadRow } from '../store/repositories/leads.js';
import { findLeadsByIds } from '../store/repositories/leads.js';
import { type CaptureEntry, captureInTransaction } from './capture-leads.js';
import type { ServiceContext } from './context.js';

export interface CapturedLead {
  lead: LeadRow;
  merged: boolean;
}

interface Waiting extends CaptureEntry {
  resolve(result: CapturedLead): void;
  reject(error: unknown): void;
}

export class CaptureBatcher {
  #queue: Waiting[] = [];
  #inFlight = 0;
  #scheduled = false;

  /**
   * @param maxInFlight transactions at once: 1 for PGlite (one connection), a few for a
   *   PostgreSQL pool so the server's connections stay busy
   * @param maxBatch leads per shared transaction
   * @param crowd requests that must be waiting before another transaction starts beside a
   *   running one: a full batch by default. Under HTTP, requests trickle in while a transaction
   *   runs; starting a second one for a few of them made the transactions smaller (at 50
   *   clients ~21 leads each instead of ~25, at 150 ~30 instead of ~75), and a transaction's
   *   statements cost node and PostgreSQL CPU whatever its size.
   */
  constructor(
    private readonly ctx: ServiceContext,
    private readonly maxInFlight: number,
    private readonly maxBatch = 200,
    private readonly crowd = maxBatch,
  ) {}

  capture(entry: CaptureEntry): Promise<CapturedLead> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ ...entry, resolve, reject });
      this.#schedule();
    });
  }

  /**
   * Starts batches after the requests read in this turn of the event loop have queued
   * (setImmediate runs after I/O). Without it PGlite, whose queries finish in microtasks,
   * would run each request's transaction before the next request is even parsed.
   */
  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      this.#pump();
    });
  }

  #pump(): void {
    while (this.#inFlight < this.maxInFlight && this.#queue.length > 0) {
      // A further transaction beside a running one only for a crowd: fewer requests wait
      // for the running one and share the next commit, which costs the database (and
      // the round trips) far less than a second small transaction.
      if (this.#inFlight > 0 && this.#queue.length < this.crowd) break;
      const batch = this.#queue.splice(0, this.maxBatch);
      this.#inFlight++;
      void this.#run(batch).finally(() => {
        this.#inFlight--;
        this.#schedule();
      });
    }
  }

  async #run(batch: Waiting[]): Promise<void> {
    let answers: (CapturedLead | InvalidInput)[];
    try {
      answers = await this.ctx.db.transaction().execute(async (trx) => {
        const outcomes = await captureInTransaction(trx, this.ctx, batch, { touchKind: 'capture' });
        const rows = new Map(
          (
            await findLeadsByIds(
              trx,
              outcomes.flatMap((o) => (o.ok ? [o.leadId] : [])),
            )
          ).map((r) => [r.id, r]),
        );
        return outcomes.map((o) =>
          o.ok ? { lead: rows.get(o.leadId) as LeadRow, merged: o.merged } : new InvalidInput(o.errors),
        );
      });
    } catch (error) {
      if (batch.length === 1) {
        batch[0].reject(error);
        return;
      }
      for (const item of batch) await this.#run([item]);
      return;
    }
    this.ctx.enrichment.enqueue(answers.flatMap((a) => (a instanceof InvalidInput ? [] : [a.lead.id])));
    batch.forEach((item, i) => {
      const answer = answers[i];
      if (answer instanceof InvalidInput) item.reject(answer);
      else item.resolve(answer);
    });
  }
}
