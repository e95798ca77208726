import type { zhCN } from './zh-CN.js';

/** The shape of a catalogue: the keys of zh-CN, any string as value. */
type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Catalogue = Widen<typeof zhCN>;
