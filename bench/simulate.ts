import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { SeededRandom } from '../src/domain/predictive/seeded-random.js';
import { defaultScoringRules } from '../src/domain/scoring/default-rules.js';
import { historyCsv, historyRows } from '../test/support/history.js';
import { type EmbeddedLeadLoop, startEmbeddedLeadLoop } from './support/embedded-leadloop.js';

const { values: args } = parseArgs({
  options: { n: { type: 'string', default: '100000' }, runs: { type: 'string', default: '1' } },
});
const N = Number(args.n);
const RUNS = Number(args.runs);
const HOUR_MS = 3_600_000;
const FROM = new Date('2026-01-01T00:00:00Z');
const TO = new Date('2026-04-01T00:00:00Z');
const NOW = new Date('2026-04-05T02:00:00Z');
const TARGET_MS = 10_000;
const int = (n: number) => Math.round(n).toLocaleString('en-US');
/** This process's CPU time since `before`: what a simulation costs whatever else the machine runs. */
const cpuMs = (before: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
};

const regions = [
  { name: '上海', code: '310000' },
  { name: '北京', code: '110000' },
  { name: '广东省', code: '440000' },
  { name: '浙江省', code: '330000' },
  { name: '江苏省', code: '320000' },
];
const titles = ['CEO', '总经理', 'IT总监', '销售总监', '采购经理', '市场经理', '工程师', '专员', '实习生', null];
const industries = ['制造', '企业服务/软件', '零售', '金融', '教育', '医疗', null];
const channels = ['sem', 'organic_search', 'content_download', 'event_online', 'event_offline', 'partner', 'outbound'];
const behaviourTypes = Object.keys(defaultScoringRules().engagement.behaviours);

type Call = EmbeddedLeadLoop['call'];

async function enrolReps(call: Call): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < 20; i++) {
    const region = regions[i % regions.length];
    const user = await call('POST', '/users', {
      name: `销售${i}`,
      email: `rep${i}@bench.example.cn`,
      role: 'sales',
    });
    await call('PUT', `/reps/${user.id}`, {
      regions: [region.name],
      industries: i % 3 === 0 ? ['制造'] : [],
      level: 1 + (i % 5),
      weight: 1 + (i % 3),
      capacity: 200,
      department: `${region.name}${i % 2 ? '二部' : '一部'}`,
    });
    ids.push(user.id);
  }
  for (const month of ['2026-01', '2026-02', '2026-03']) await call('PUT', `/eligibility/${month}`, { repIds: ids });
  return ids;
}

type Db = EmbeddedLeadLoop['ctx']['db'];

async function seedLeads(db: Db, repIds: readonly string[]): Promise<{ behaviours: number; handoffs: number }> {
  const next = new SeededRandom(20260401).next;
  const span = TO.getTime() - FROM.getTime();
  const source = { channel: 'sem', utm: {}, referrer: null, landingPage: null, at: FROM.toISOString() };
  let behaviours = 0;
  let handoffs = 0;
  const BATCH = 2000;
  for (let start = 0; start < N; start += BATCH) {
    const leads = [];
    const answers = [];
    const events = [];
    const decided = [];
    for (let i = start; i < Math.min(N, start + BATCH); i++) {
      const id = `bench-lead-${String(i).padStart(7, '0')}`;
      const createdAt = new Date(FROM.getTime() + Math.floor((i / N) * span));
      const region = regions[Math.floor(next() * regions.length)];
      const channel = channels[Math.floor(next() * channels.length)];
      const company = `${region.name.slice(0, 2)}测试${i}科技有限公司`;
      leads.push({
        id,
        status: next() < 0.05 ? 'disqualified' : 'working',
        name: `客户${i}`,
        phone: `+86139${String(i).padStart(8, '0')}`,
        company,
        company_key: company,
        title: titles[Math.floor(next() * titles.length)],
        region: region.name,
        region_code: region.code,
        industry: industries[Math.floor(next() * industries.length)],
        employees: next() < 0.2 ? null : Math.floor(10 + next() * next() * 5000),
        channel_id: channel,
        original_source: JSON.stringify({ ...source, channel }),
        latest_source: JSON.stringify({ ...source, channel }),
        fields: '{}',
        created_at: createdAt,
        updated_at: createdAt,
      });
      if (next() < 0.4) {
        answers.push({
          lead_id: id,
          framework: 'BANT',
          answers: JSON.stringify({
            budget: 'yes',
            authority: 'yes',
            need: 'yes',
            timing: next() < 0.33 ? 'unknown' : 'yes',
          }),
          updated_at: createdAt,
        });
      }
      const count = Math.floor(next() * 5);
      for (let k = 0; k < count; k++) {
        events.push({
          id: `${id}-b${k}`,
          lead_id: id,
          type: behaviourTypes[Math.floor(next() * behaviourTypes.length)],
          meta: '{}',
          occurred_at: new Date(createdAt.getTime() + Math.floor(next() * 72 * HOUR_MS)),
        });
      }
      if (i % 7 === 0) {
        const at = new Date(createdAt.getTime() + HOUR_MS);
        decided.push({
          id: `${id}-h`,
          lead_id: id,
          rep_id: repIds[Math.floor(next() * repIds.length)],
          kind: 'assign' as const,
          mode: 'auto' as const,
          status: 'accepted' as const,
          credit: 1,
          explanation: '[]',
          package: '{}',
          decided_at: new Date(at.getTime() + Math.floor((1 + next() * 79) * HOUR_MS)),
          created_at: at,
        });
      }
    }
    await db.insertInto('leads').values(leads).execute();
    if (answers.length) await db.insertInto('qualifications').values(answers).execute();
    if (events.length) await db.insertInto('behaviours').values(events).execute();
    if (decided.length) await db.insertInto('handoffs').values(decided).execute();
    behaviours += events.length;
    handoffs += decided.length;
  }
  return { behaviours, handoffs };
}

async function candidates(call: Call) {
  const definition = (await call('GET', '/definitions/mql/versions')).items[0].criteria;
  const { rules } = await call('GET', '/scoring/rules');
  const routing = await call('GET', '/routing/rules');
  const { policy: sla } = await call('GET', '/sla/policy');
  return {
    definition: { criteria: definition.filter((c: { key?: string }) => c.key !== 'timing') },
    scoring: {
      rules: { ...rules, fit: { ...rules.fit, seniority: { ...rules.fit.seniority, c_level: 40, staff: -10 } } },
    },
    routing: { rules: routing.rules, policy: { ...routing.policy, balance: 'department' } },
    sla: { policy: { ...sla, acceptance: { ...sla.acceptance, hours: 24 } } },
  };
}

console.log(
  `bench/simulate — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, PGlite on disk`,
);
const leadloop = await startEmbeddedLeadLoop({ name: 'simulate', now: NOW });
const { call } = leadloop;
let missed = false;
try {
  const repIds = await enrolReps(call);
  const seedStart = performance.now();
  const seeded = await seedLeads(leadloop.ctx.db, repIds);
  console.log(
    `seeded ${int(N)} leads, ${int(seeded.behaviours)} behaviours, ${int(seeded.handoffs)} decided hand-offs, 20 reps in ${int(performance.now() - seedStart)} ms`,
  );
  const bodies = await candidates(call);
  console.log(
    `\nPOST /simulations over ${FROM.toISOString().slice(0, 10)} … ${TO.toISOString().slice(0, 10)} (target < ${int(TARGET_MS)} ms)`,
  );
  const run = async (kind: 'definition' | 'scoring' | 'routing' | 'sla') => {
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      const answer = await call('POST', '/simulations', {
        kind,
        candidate: bodies[kind],
        from: FROM.toISOString(),
        to: TO.toISOString(),
      });
      const ms = performance.now() - started;
      missed ||= ms >= TARGET_MS;
      const { current: a, candidate: b, diff } = answer;
      console.log(
        `  ${kind.padEnd(10)} ${int(ms).padStart(7)} ms  ${ms < TARGET_MS ? 'met   ' : 'MISSED'}  (CPU ${int(cpuMs(cpuBefore))} ms)  leads ${int(a.leads)}  MQLs ${int(a.mqls)} → ${int(b.mqls)}  hand-offs ${int(a.handoffs)} → ${int(b.handoffs)}  max deviation ${a.fairness.maxDeviation.toFixed(3)} → ${b.fairness.maxDeviation.toFixed(3)}  SLA breaches ${a.expectedSlaBreaches?.toFixed(0) ?? '–'} → ${b.expectedSlaBreaches?.toFixed(0) ?? '–'}  expected wins ${a.expectedWins?.toFixed(0) ?? '–'} → ${b.expectedWins?.toFixed(0) ?? '–'}  changed ${int(diff.changed)}`,
      );
    }
  };
  for (const kind of ['definition', 'scoring', 'routing', 'sla'] as const) await run(kind);

  // With an active predictive model, every period lead is scored for the expected wins.
  await leadloop.importHistory(historyCsv(historyRows(2000)));
  const model = await call('POST', '/models/train', { target: 'won' });
  await call('POST', `/models/${model.id}/activate`);
  console.log(
    '\nwith an active model (target won, trained on 2,000 history leads and the live leads old enough to have an\n' +
      'outcome — none of the bench’s live leads is ever won, so the model expects next to no wins from them):',
  );
  for (const kind of ['definition', 'scoring'] as const) await run(kind);
} finally {
  await leadloop.close();
}
if (missed) console.log('\nA simulation missed the target.');
