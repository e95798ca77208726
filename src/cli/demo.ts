import type { Config } from '../config.js';

export async function runDemo(_config: Config, _opts: { leads: number }): Promise<void> {
  throw new Error('demo: being written');
}
