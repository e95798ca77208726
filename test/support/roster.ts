/** The usual roster of hand-off tests: reps covering Shanghai, eligible in the given months. */
import { expect } from 'vitest';
import type { Client } from './server.js';

export async function enrolShanghaiReps(
  ops: { call: Client },
  reps: readonly { id: string }[],
  months: readonly string[] = ['2026-03'],
): Promise<void> {
  for (const rep of reps) {
    const r = await ops.call('PUT', `/reps/${rep.id}`, {
      regions: ['上海'],
      industries: [],
      level: 2,
      weight: 1,
      capacity: 100,
      department: '华东一部',
    });
    expect(r.status, r.text).toBe(200);
  }
  for (const month of months) {
    const e = await ops.call('PUT', `/eligibility/${month}`, { repIds: reps.map((r) => r.id) });
    expect(e.status, e.text).toBe(200);
  }
}
