// The thread that trains a predictive model (train-in-worker.ts). Plain JavaScript, so that it
// starts in any parent: it registers tsx, then loads the domain's TypeScript learner.
// workerData: { examples, options }; it posts back the TrainingResult, and what it throws becomes
// the Worker's 'error' event.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { trainModel } = await import('../../domain/predictive/train-model.ts');
parentPort.postMessage(trainModel(workerData.examples, workerData.options));
