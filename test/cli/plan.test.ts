/**
 * `leadloop plan` (SPEC §10 CLI, §8.5): the capacity plan computed locally, run as a person runs
 * it (`node bin/leadloop.mjs plan …` in a child process), in an empty directory with no server
 * and no database.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const bin = resolve(import.meta.dirname, '../../bin/leadloop.mjs');
const dirs: string[] = [];

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Runs `leadloop plan <args>` in a fresh empty directory; resolves when it exits. */
function leadloopPlan(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string; cwd: string }> {
  const cwd = mkdtempSync(join(tmpdir(), 'leadloop-plan-'));
  dirs.push(cwd);
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const key of ['DATABASE_URL', 'LEADLOOP_DATA_DIR', 'LEADLOOP_TEST_DATABASE_URL']) delete env[key];
  return new Promise((done, fail) => {
    const proc = spawn(process.execPath, [bin, 'plan', ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    proc.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    proc.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      fail(new Error(`leadloop plan did not exit\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, 60_000);
    proc.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr, cwd });
    });
  });
}

const seedFlags = [
  '--customers',
  '600',
  '--avg-deal-size',
  '20000',
  '--growth-multiple',
  '4',
  '--renewal-rate',
  '0.5',
  '--lead-to-mql',
  '0.2',
  '--mql-to-sql',
  '0.5',
  '--sql-to-opportunity',
  '0.6',
  '--opportunity-to-won',
  '0.25',
  '--months',
  '12',
];

describe('leadloop plan', () => {
  it("prints seed 001's worked example as a table with Chinese and English labels", async () => {
    const r = await leadloopPlan([...seedFlags, '--mqls-per-sdr-per-month', '40', '--deals-per-rep-per-month', '5']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const line = (label: string) => (r.stdout.split('\n').find((l) => l.includes(label)) ?? '').trim();
    expect(line('今年收入 / Current revenue')).toMatch(/12,000,000\.00$/);
    expect(line('目标收入 / Target revenue')).toMatch(/48,000,000\.00$/);
    expect(line('续费收入 / Renewal revenue')).toMatch(/6,000,000\.00$/);
    expect(line('新增收入 / New revenue')).toMatch(/42,000,000\.00$/);
    // total, per month, conversion to the next stage
    expect(
      line('新客户 / New customers')
        .split(/\s{2,}/)
        .slice(1),
    ).toEqual(['2,100', '175']);
    expect(
      line('商机 / Opportunities')
        .split(/\s{2,}/)
        .slice(1),
    ).toEqual(['8,400', '700', '25%']);
    expect(
      line('SQL  ')
        .split(/\s{2,}/)
        .slice(1),
    ).toEqual(['14,000', '1,167', '60%']);
    expect(
      line('MQL  ')
        .split(/\s{2,}/)
        .slice(1),
    ).toEqual(['28,000', '2,334', '50%']);
    expect(
      line('线索 / Leads')
        .split(/\s{2,}/)
        .slice(1),
    ).toEqual(['140,000', '11,667', '20%']);
    expect(line('SDRs (40 MQLs each a month)')).toMatch(/\s59$/);
    expect(line('Sales reps (5 deals each a month)')).toMatch(/\s35$/);
    expect(readdirSync(r.cwd)).toEqual([]); // computed locally: no data directory, no files
  });

  it('--json prints the answer of POST /plans/capacity, exact where doubles drift', async () => {
    const r = await leadloopPlan([
      '--customers',
      '100',
      '--avg-deal-size',
      '10000',
      '--target-revenue',
      '32990000',
      '--renewal-rate',
      '0.5',
      '--lead-to-mql',
      '0.2',
      '--mql-to-sql',
      '0.5',
      '--sql-to-opportunity',
      '0.6',
      '--opportunity-to-won',
      '0.57',
      '--months',
      '12',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      currentRevenue: 1_000_000,
      targetRevenue: 32_990_000,
      renewalRevenue: 500_000,
      newRevenue: 32_490_000,
      newCustomers: 3249,
      opportunities: 5700, // 3249 ÷ 0.57; a double says 5700.000000000001
      sqls: 9500,
      mqls: 19_000,
      leads: 95_000,
      perMonth: { leads: 7917, mqls: 1584, sqls: 792, opportunities: 475, newCustomers: 271 },
    });
  });

  it('months default to 12; the seed example as JSON', async () => {
    const withoutMonths = seedFlags.slice(0, -2);
    const r = await leadloopPlan([...withoutMonths, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      newCustomers: 2100,
      leads: 140_000,
      perMonth: { leads: 11_667, newCustomers: 175 },
    });
  });

  it('names every bad flag on stderr and exits 2', async () => {
    const r = await leadloopPlan([
      '--customers',
      '600',
      '--avg-deal-size',
      '20k',
      '--growth-multiple',
      '4',
      '--target-revenue',
      '48000000',
      '--renewal-rate',
      '1.5',
      '--lead-to-mql',
      '0',
      '--mql-to-sql',
      '0.5',
      '--sql-to-opportunity',
      '0.6',
      '--months',
      '1.5',
    ]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    for (const flag of [
      '--avg-deal-size: must be a number',
      '--growth-multiple: give exactly one of --growth-multiple and --target-revenue',
      '--renewal-rate: must be from 0 to 1',
      '--lead-to-mql: must be more than 0 and at most 1',
      '--opportunity-to-won: is required',
      '--months: must be a whole number of months',
    ]) {
      expect(r.stderr).toContain(flag);
    }
    expect(r.stderr).not.toContain('--customers');
  });

  it('a target below the renewal revenue is refused with the reason', async () => {
    const flags = [...seedFlags];
    flags[flags.indexOf('--growth-multiple') + 1] = '0.4';
    const r = await leadloopPlan(flags);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--growth-multiple: the target revenue 4800000\.00 is below what renewals bring in/);
  });
});
