/**
 * `leadloop plan` (SPEC §10 CLI, §8.5): the capacity plan (reverse funnel) computed locally,
 * no server and no database: the same arithmetic as `POST /plans/capacity`
 * (domain/planning/capacity-plan.ts), flags read as exact decimals. Prints a table with Chinese
 * and English labels, or the API's JSON answer with --json. Bad flags: every one at fault on
 * stderr, exit code 2.
 *
 *   leadloop plan --customers 600 --avg-deal-size 20000 --growth-multiple 4 --renewal-rate 0.5 \
 *     --lead-to-mql 0.2 --mql-to-sql 0.5 --sql-to-opportunity 0.6 --opportunity-to-won 0.25 --months 12
 */
import { Command } from 'commander';
import { InvalidInput } from '../domain/errors.js';
import { type CapacityPlan, type CapacityPlanInput, planCapacity } from '../domain/planning/capacity-plan.js';
import { Exact } from '../domain/planning/exact.js';

interface PlanOptions {
  customers?: string;
  avgDealSize?: string;
  growthMultiple?: string;
  targetRevenue?: string;
  renewalRate?: string;
  leadToMql?: string;
  mqlToSql?: string;
  sqlToOpportunity?: string;
  opportunityToWon?: string;
  months?: string;
  mqlsPerSdrPerMonth?: string;
  dealsPerRepPerMonth?: string;
  json?: boolean;
}

/** Body field (as the domain names it) → the flag a person typed. */
const flagOf: Record<string, string> = {
  customers: '--customers',
  avgDealSize: '--avg-deal-size',
  growthMultiple: '--growth-multiple',
  targetRevenue: '--target-revenue',
  renewalRate: '--renewal-rate',
  conversion: '--lead-to-mql, --mql-to-sql, --sql-to-opportunity, --opportunity-to-won',
  'conversion.leadToMql': '--lead-to-mql',
  'conversion.mqlToSql': '--mql-to-sql',
  'conversion.sqlToOpportunity': '--sql-to-opportunity',
  'conversion.opportunityToWon': '--opportunity-to-won',
  months: '--months',
  mqlsPerSdrPerMonth: '--mqls-per-sdr-per-month',
  dealsPerRepPerMonth: '--deals-per-rep-per-month',
};

/** Field names inside messages ("give exactly one of growthMultiple and targetRevenue") as flags. */
function withFlags(message: string): string {
  return message.replace(/\b[a-z]+(?:[A-Z][a-z]+)+\b/g, (name) => flagOf[name] ?? name);
}

export function planCommand(): Command {
  return new Command('plan')
    .description(
      'capacity plan (reverse funnel, 倒推漏斗): from customers, deal size, target and renewal to the new ' +
        'customers, opportunities, SQLs, MQLs and leads needed, and the SDRs and reps; computed locally',
    )
    .option('--customers <n>', 'paying customers now (this year), e.g. 600')
    .option('--avg-deal-size <yuan>', 'average revenue per customer a year (客单价), e.g. 20000')
    .option('--growth-multiple <x>', 'target ÷ current revenue (4 = four times this year; +40% is 1.4)')
    .option('--target-revenue <yuan>', 'the revenue target, instead of --growth-multiple')
    .option('--renewal-rate <share>', 'share of this year’s revenue that renews, 0 to 1 (0.5 = 50%)')
    .option('--lead-to-mql <share>', 'lead → MQL conversion, more than 0 and at most 1')
    .option('--mql-to-sql <share>', 'MQL → SQL conversion')
    .option('--sql-to-opportunity <share>', 'SQL → opportunity conversion')
    .option('--opportunity-to-won <share>', 'opportunity → won conversion')
    .option('--months <n>', 'months the plan runs', '12')
    .option('--mqls-per-sdr-per-month <n>', 'MQLs one SDR hands to sales a month (gives SDRs needed)')
    .option('--deals-per-rep-per-month <n>', 'new deals one rep wins a month (gives reps needed)')
    .option('--json', 'print the answer of POST /api/v1/plans/capacity as JSON')
    .action((opts: PlanOptions) => runPlan(opts));
}

export function runPlan(opts: PlanOptions): void {
  const input: CapacityPlanInput = {
    customers: opts.customers,
    avgDealSize: opts.avgDealSize,
    growthMultiple: opts.growthMultiple,
    targetRevenue: opts.targetRevenue,
    renewalRate: opts.renewalRate,
    conversion: {
      leadToMql: opts.leadToMql,
      mqlToSql: opts.mqlToSql,
      sqlToOpportunity: opts.sqlToOpportunity,
      opportunityToWon: opts.opportunityToWon,
    },
    months: opts.months,
    mqlsPerSdrPerMonth: opts.mqlsPerSdrPerMonth,
    dealsPerRepPerMonth: opts.dealsPerRepPerMonth,
  };
  let plan: CapacityPlan;
  try {
    plan = planCapacity(input);
  } catch (error) {
    if (!(error instanceof InvalidInput)) throw error;
    for (const e of error.errors)
      console.error(`leadloop plan: ${flagOf[e.field] ?? e.field}: ${withFlags(e.message)}`);
    console.error('Run `leadloop plan --help` for the flags.');
    process.exitCode = 2;
    return;
  }
  if (opts.json) {
    console.log(JSON.stringify(plan, null, 2));
    return;
  }
  console.log(formatPlan(input, plan));
}

// --- the table -------------------------------------------------------------------------------

/** Terminal columns a string takes: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6);
    width += wide ? 2 : 1;
  }
  return width;
}

const pad = (text: string, width: number, right: boolean) => {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
};

/** First column left-aligned, the others right-aligned, two spaces apart. */
function table(rows: string[][]): string[] {
  const columns = Math.max(...rows.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, i) => Math.max(...rows.map((r) => displayWidth(r[i] ?? ''))));
  return rows.map((r) =>
    widths
      .map((w, i) => pad(r[i] ?? '', w, i > 0))
      .join('  ')
      .trimEnd(),
  );
}

const grouped = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

const count = (n: number) => grouped(String(n));

function money(n: number): string {
  const [whole, fraction] = n.toFixed(2).split('.');
  return `${grouped(whole)}.${fraction}`;
}

/** A share as a percentage, exactly: "0.2" → "20%", "0.333333" → "33.3333%". */
function percent(share: unknown): string {
  const value = typeof share === 'string' || typeof share === 'number' ? Exact.parse(share) : undefined;
  if (!value) return '';
  const text = value
    .times(Exact.integer(100))
    .toFixed(4)
    .replace(/\.?0+$/, '');
  return `${text}%`;
}

function plain(value: unknown): string {
  const exact = typeof value === 'string' || typeof value === 'number' ? Exact.parse(value) : undefined;
  return exact ? exact.toFixed(6).replace(/\.?0+$/, '') : String(value);
}

export function formatPlan(input: CapacityPlanInput, plan: CapacityPlan): string {
  const months = plain(input.months);
  const conversion = input.conversion ?? {};
  const lines: string[] = [];
  lines.push(`产能规划（倒推漏斗）/ Capacity plan (reverse funnel): ${months} 个月 / months`);
  lines.push('');
  lines.push(
    ...table([
      ['收入 / Revenue', '元 / CNY'],
      ['  今年收入 / Current revenue', money(plan.currentRevenue)],
      ['  目标收入 / Target revenue', money(plan.targetRevenue)],
      ['  续费收入 / Renewal revenue', money(plan.renewalRevenue)],
      ['  新增收入 / New revenue', money(plan.newRevenue)],
    ]),
  );
  lines.push('');
  lines.push(
    ...table([
      ['漏斗 / Funnel', '合计 / Total', '每月 / Per month', '转化率 / To next stage'],
      ['  线索 / Leads', count(plan.leads), count(plan.perMonth.leads), percent(conversion.leadToMql)],
      ['  MQL', count(plan.mqls), count(plan.perMonth.mqls), percent(conversion.mqlToSql)],
      ['  SQL', count(plan.sqls), count(plan.perMonth.sqls), percent(conversion.sqlToOpportunity)],
      [
        '  商机 / Opportunities',
        count(plan.opportunities),
        count(plan.perMonth.opportunities),
        percent(conversion.opportunityToWon),
      ],
      ['  新客户 / New customers', count(plan.newCustomers), count(plan.perMonth.newCustomers), ''],
    ]),
  );
  const team: string[][] = [];
  if (plan.sdrsNeeded !== undefined) {
    const each = plain(input.mqlsPerSdrPerMonth);
    team.push([`  SDR（每人每月 ${each} 个 MQL）/ SDRs (${each} MQLs each a month)`, count(plan.sdrsNeeded)]);
  }
  if (plan.repsNeeded !== undefined) {
    const each = plain(input.dealsPerRepPerMonth);
    team.push([`  销售（每人每月 ${each} 单）/ Sales reps (${each} deals each a month)`, count(plan.repsNeeded)]);
  }
  if (team.length > 0) {
    lines.push('');
    lines.push(...table([['人员 / Team', '人 / people'], ...team]));
  }
  lines.push('');
  lines.push('人数与单数向上取整，每一级都取整 / Counts of people and deals round up, at every stage.');
  return lines.join('\n');
}
