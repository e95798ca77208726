import { describe, expect, it } from 'vitest';
import { syntheticLeads } from '../../domain/predictive/synthetic-leads.js';
import { trainModel } from '../../domain/predictive/train-model.js';
import { trainInWorker } from './train-in-worker.js';

describe('trainInWorker', () => {
  it('answers exactly what trainModel answers in process: the model crosses the thread whole', async () => {
    const leads = syntheticLeads(2000, { seed: 7, leaky: true });
    const result = await trainInWorker(leads, { seed: 7, target: 'won' });
    expect(result.kind).toBe('trained');
    expect(result).toStrictEqual(trainModel(leads, { seed: 7, target: 'won' }));
  });

  it('answers too little history as the learner does', async () => {
    const result = await trainInWorker(syntheticLeads(50, { seed: 7 }), { minLabelled: 200 });
    expect(result).toMatchObject({ kind: 'not_enough', labelled: 50, needLabelled: 150 });
  });

  it('rejects with the error the learner threw in the worker', async () => {
    const training = trainInWorker(syntheticLeads(500, { seed: 7 }), { l2Grid: [] });
    await expect(training).rejects.toThrow(RangeError);
    await expect(training).rejects.toThrow('l2Grid must not be empty');
  });
});
