/**
 * Runs the domain's learner (trainModel: pure, seconds of CPU for 100,000 leads) on a thread of
 * its own, so the server keeps answering while a model trains. One worker per training, ended
 * once it has answered. The examples go in and the TrainingResult comes back by structured clone
 * (Dates, plain objects and arrays: all a model is made of).
 *
 * The entry (train-worker.mjs) registers tsx itself: a worker does not get the loader hooks its
 * parent registered in-process (bin/leadloop.mjs, vitest). The parent's flags are not passed on
 * (execArgv: []), so under `npm start` too (tsx's `--import`) the worker loads TypeScript the same
 * single way, and does not register tsx twice.
 */
import { Worker } from 'node:worker_threads';
import type { Example } from '../../domain/predictive/examples.js';
import type { TrainingResult } from '../../domain/predictive/model.js';
import type { TrainOptions } from '../../domain/predictive/train-model.js';

const entry = new URL('./train-worker.mjs', import.meta.url);

/** trainModel(examples, options) in a worker thread; rejects with the error the worker threw. */
export function trainInWorker(examples: readonly Example[], options: TrainOptions = {}): Promise<TrainingResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry, { workerData: { examples, options }, execArgv: [] });
    let settled = false;
    worker.once('message', (result: TrainingResult) => {
      settled = true;
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the training worker stopped (exit code ${code}) before it answered`));
    });
  });
}
