/**
 * A trained model as kept in predictive_models.model: the domain's model (encoder, weights,
 * calibration, evaluation) with what scoring needs beside it, and how it reads to people.
 */
import type { ModelTarget } from '../../domain/lead-features/model-target.js';
import { effectWords, type Term, type TermNames, termWords } from '../../domain/lead-features/term-words.js';
import type { trainModel } from '../../domain/predictive/train-model.js';
import type { DB } from '../../store/db.js';
import { listChannels } from '../../store/repositories/channels.js';

export type LearnedModel = Extract<ReturnType<typeof trainModel>, { kind: 'trained' }>['model'];

export interface StoredModel {
  target: ModelTarget;
  /** Behaviour and touch counts the model knows: a live lead without any has zero, not "unknown". */
  countFeatures: string[];
  learned: LearnedModel;
}

/** A term with its effect, in words: "渠道 = 官网咨询: +18%". */
export interface TermInWords {
  feature: string;
  effect: number;
  term: Term;
  words: { 'zh-CN': string; en: string };
}

export function termInWords(term: Term, effect: number, names: TermNames): TermInWords {
  const zh = termWords(term, 'zh-CN', names);
  const en = termWords(term, 'en', names);
  return {
    feature: en,
    effect: Math.round(effect * 10_000) / 10_000,
    term,
    words: { 'zh-CN': `${zh}: ${effectWords(effect)}`, en: `${en}: ${effectWords(effect)}` },
  };
}

export async function loadTermNames(db: DB): Promise<TermNames> {
  const channels = await listChannels(db);
  return { channels: new Map(channels.map((c) => [c.id, { name: c.name, nameZh: c.name_zh }])) };
}
