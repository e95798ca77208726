/**
 * A year of a Chinese B2B lead operation written straight into LeadLoop's store with set-based
 * SQL (INSERT … SELECT FROM generate_series), for bench/funnel: N leads (captured over the year
 * before `now`) with their capture touches and repeat arrivals, website behaviours, SDR activities,
 * audit entries, hand-offs (accepted, rejected, returned, pending) and opportunities (open, won,
 * lost, withdrawn) — about 10 events per lead. Every random choice is a hash of the row number and
 * a salt, so a run is repeatable and the tables agree with each other (a lead's stage outcomes are
 * drawn once, in a staging table, and every table reads them from there). Leads are written in
 * capture order, as a live system appends them (a month's leads lie together on disk).
 *
 * Shares (roughly what Chinese B2B SaaS teams report): channels of SPEC §10.1 led by search ads,
 * organic search and online chat; provinces led by Guangdong, Jiangsu, Zhejiang, Shanghai, Beijing;
 * a fifth disqualified; lead → MQL 10–20 % (channel dependent: inquiries and referrals far higher);
 * MQL → SQL ~60 %; SQL → opportunity ~40 %; opportunity → won ~25 %.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';

type Weighted = readonly (readonly [value: string, weight: number])[];

/** [channel, share of leads, MQL rate]. */
const channels: readonly (readonly [string, number, number])[] = [
  ['sem', 22, 0.12],
  ['organic_search', 14, 0.14],
  ['online_chat', 12, 0.16],
  ['direct', 8, 0.15],
  ['content_download', 8, 0.07],
  ['event_online', 6, 0.1],
  ['hotline', 5, 0.22],
  ['brand_zone', 5, 0.2],
  ['inbound_inquiry', 4, 0.45],
  ['event_offline', 4, 0.18],
  ['referral', 3, 0.4],
  ['partner', 3, 0.25],
  ['outbound', 4, 0.06],
  ['import', 2, 0.05],
];

/** [region code, region text, share]. */
const provinces: readonly (readonly [string, string, number])[] = [
  ['44', '广东省', 14],
  ['32', '江苏省', 11],
  ['33', '浙江省', 10],
  ['31', '上海市', 10],
  ['11', '北京市', 10],
  ['37', '山东省', 6],
  ['51', '四川省', 5],
  ['42', '湖北省', 4],
  ['35', '福建省', 4],
  ['41', '河南省', 3],
  ['43', '湖南省', 3],
  ['34', '安徽省', 3],
  ['12', '天津市', 2],
  ['50', '重庆市', 2],
  ['61', '陕西省', 2],
  ['21', '辽宁省', 2],
  ['13', '河北省', 2],
  ['53', '云南省', 1],
  ['45', '广西壮族自治区', 1],
  ['36', '江西省', 1],
];

const industries: Weighted = [
  ['制造业', 24],
  ['软件和信息技术服务业', 16],
  ['批发和零售业', 11],
  ['金融业', 8],
  ['教育', 7],
  ['医疗健康', 7],
  ['建筑业', 5],
  ['交通运输和物流', 5],
  ['能源化工', 4],
  ['汽车', 4],
  ['租赁和商务服务业', 5],
  ['文化传媒', 4],
];

const disqualifyReasons: Weighted = [
  ['invalid_phone', 18],
  ['unreachable', 24],
  ['wrong_person', 6],
  ['unrelated_business', 12],
  ['competitor', 4],
  ['student_job_seeker', 8],
  ['free_only', 10],
  ['spam', 5],
  ['outside_icp', 8],
  ['duplicate', 5],
];
const rejectReasons: Weighted = [
  ['not_decision_maker', 18],
  ['no_budget', 20],
  ['no_need', 14],
  ['no_timeline', 12],
  ['wrong_region', 4],
  ['wrong_industry', 4],
  ['company_too_small', 10],
  ['duplicate_in_crm', 6],
  ['bad_contact', 5],
  ['insufficient_info', 5],
  ['other', 2],
];
const returnReasons: Weighted = [
  ['not_reachable', 30],
  ['needs_more_nurturing', 30],
  ['timing_later', 20],
  ['budget_frozen', 15],
  ['chose_competitor', 5],
];
const lossReasons: Weighted = [
  ['价格偏高', 30],
  ['选择了竞品', 28],
  ['预算取消', 15],
  ['需求变更', 12],
  ['决策人变动', 8],
  ['无回应', 7],
];

/** A uniform number in [0, 1) from a row number and a salt (PostgreSQL's and PGlite's hashint8). */
const u = (row: RawBuilder<unknown>, salt: number) =>
  sql`((hashint8((${row})::bigint * 1000003 + ${salt}::bigint)::bigint + 2147483648) / 4294967296.0)`;

/** A value drawn by weight with the uniform number `x`. */
function pick(x: RawBuilder<unknown>, options: Weighted): RawBuilder<unknown> {
  const total = options.reduce((s, [, w]) => s + w, 0);
  let cumulative = 0;
  const cases = options.slice(0, -1).map(([value, weight]) => {
    cumulative += weight;
    return sql`WHEN ${x} < ${sql.lit(cumulative / total)} THEN ${sql.lit(value)}`;
  });
  return sql`(CASE ${sql.join(cases, sql` `)} ELSE ${sql.lit(options[options.length - 1][0])} END)`;
}

/** Hours drawn from an exponential distribution with this mean. */
const hoursExp = (x: RawBuilder<unknown>, mean: number) => sql`(-ln(1 - ${x} * 0.999) * ${mean}) * interval '1 hour'`;

export interface GeneratedCounts {
  leads: number;
  events: number;
  tables: Record<string, number>;
}

export interface GenerateOptions {
  leads: number;
  now: Date;
  sdrs?: number;
  reps?: number;
  log?: (line: string) => void;
}

/** Writes the data set (into an empty, migrated store) and returns the row counts. */
export async function generateFunnelData(db: Kysely<any>, options: GenerateOptions): Promise<GeneratedCounts> {
  // One connection: the plan lives in temporary tables.
  return db.connection().execute((conn) => generateOn(conn, options));
}

async function generateOn(db: Kysely<any>, options: GenerateOptions): Promise<GeneratedCounts> {
  const N = options.leads;
  const SDRS = options.sdrs ?? 40;
  const REPS = options.reps ?? 60;
  const now = options.now;
  const yearAgo = new Date(now.getTime() - 365 * 86_400_000);
  const log = options.log ?? (() => {});
  // Consistent by construction: no foreign-key or other triggers per row while loading (the
  // schema keeps nothing derived in triggers; the only other one refuses audit edits).
  await sql`SET session_replication_role = replica`.execute(db);
  const step = async (label: string, query: RawBuilder<unknown>) => {
    const t = performance.now();
    const r = await query.execute(db);
    log(`  ${label}: ${r.numAffectedRows ?? ''} rows, ${((performance.now() - t) / 1000).toFixed(1)} s`);
  };

  await step(
    'teams',
    sql`INSERT INTO teams (id, name, created_at)
      SELECT 'team-' || t, '销售' || t || '组', ${yearAgo}::timestamptz FROM generate_series(1, 6) t`,
  );
  await step(
    'users',
    sql`INSERT INTO users (id, name, email, role, team_id, created_at, updated_at)
      SELECT 'sdr-' || lpad(g::text, 3, '0'), 'SDR' || g || '号', 'sdr' || g || '@bench.example.cn', 'sdr', NULL,
        ${yearAgo}::timestamptz, ${yearAgo}::timestamptz FROM generate_series(1, ${SDRS}) g
      UNION ALL
      SELECT 'rep-' || lpad(g::text, 3, '0'), '销售' || g || '号', 'rep' || g || '@bench.example.cn', 'sales',
        'team-' || (1 + g % 6), ${yearAgo}::timestamptz, ${yearAgo}::timestamptz FROM generate_series(1, ${REPS}) g`,
  );

  // The plan: one row per lead with every outcome drawn once.
  const g = sql`g`;
  const channelCase = pick(
    u(g, 1),
    channels.map(([c, w]) => [c, w] as const),
  );
  const mqlRate = sql`(CASE channel_id ${sql.join(
    channels.map(([c, , rate]) => sql`WHEN ${sql.lit(c)} THEN ${sql.lit(rate)}`),
    sql` `,
  )} END)`;
  const provinceIndex = pick(
    u(g, 2),
    provinces.map(([code, , w]) => [code, w] as const),
  );
  await step(
    'plan',
    sql`CREATE TEMP TABLE funnel_plan AS
      SELECT g, 'L' || lpad(g::text, 8, '0') AS id, channel_id, region_code, created_at,
        ${u(g, 3)} AS u_mql, ${u(g, 4)} AS u_dq, ${u(g, 5)} AS u_handoff, ${u(g, 6)} AS u_opp, ${u(g, 7)} AS u_close,
        ${mqlRate} AS mql_rate,
        'sdr-' || lpad((1 + (hashint8(g::bigint * 7 + 11)::bigint & 2147483647) % ${SDRS})::text, 3, '0') AS sdr_id,
        'rep-' || lpad((1 + (hashint8(g::bigint * 13 + 17)::bigint & 2147483647) % ${REPS})::text, 3, '0') AS rep_id
      FROM (SELECT g, ${channelCase} AS channel_id, ${provinceIndex} AS region_code,
          ${yearAgo}::timestamptz + ((g - 1 + ${u(g, 8)}) / ${N} * 365 * 86400) * interval '1 second' AS created_at
        FROM generate_series(1, ${N}) g) x`,
  );
  // Stages: MQL (a hand-off), its decision, an opportunity and its close; disqualified otherwise for a fifth.
  await step(
    'plan stages',
    sql`CREATE TEMP TABLE funnel_stages AS
      SELECT p.*,
        CASE WHEN mql_at IS NULL THEN NULL
          WHEN u_handoff < 0.55 THEN 'accepted' WHEN u_handoff < 0.60 THEN 'returned'
          WHEN u_handoff < 0.86 THEN 'rejected' ELSE 'pending' END AS handoff_status,
        mql_at + ${hoursExp(sql`u_handoff`, 20)} AS decided_at,
        CASE WHEN mql_at IS NULL AND u_dq < 0.2 THEN 'dq' END AS dq
      FROM (SELECT *, CASE WHEN u_mql < mql_rate THEN created_at + ${hoursExp(sql`u_mql / mql_rate`, 96)} END AS mql_at
        FROM funnel_plan) p`,
  );
  await step(
    'plan opportunities',
    sql`CREATE TEMP TABLE funnel_opps AS
      SELECT s.*, decided_at + ${hoursExp(sql`u_opp / 0.4`, 240)} AS opp_at,
        CASE WHEN u_close < 0.25 THEN 'won' WHEN u_close < 0.6 THEN 'lost' WHEN u_close < 0.65 THEN 'withdrawn' ELSE 'open' END AS opp_stage
      FROM funnel_stages s WHERE handoff_status = 'accepted' AND u_opp < 0.4`,
  );
  await sql`ALTER TABLE funnel_stages ADD PRIMARY KEY (g)`.execute(db);
  await sql`ANALYZE funnel_stages`.execute(db);
  await sql`ANALYZE funnel_opps`.execute(db);
  const source = (channel: RawBuilder<unknown>, campaign: RawBuilder<unknown>, at: RawBuilder<unknown>) =>
    sql`jsonb_build_object('channel', ${channel}, 'utm', jsonb_build_object('source', NULL, 'medium', NULL,
      'campaign', ${campaign}, 'term', NULL, 'content', NULL), 'referrer', NULL, 'landingPage', NULL, 'at', ${at})`;
  const campaign = sql`CASE WHEN s.channel_id IN ('sem', 'brand_zone', 'event_online', 'event_offline', 'partner')
    THEN s.channel_id || '-' || to_char(s.created_at, 'YYYY-MM') END`;
  const status = sql`CASE
      WHEN s.dq IS NOT NULL THEN 'disqualified'
      WHEN o.opp_stage = 'won' THEN 'won' WHEN o.opp_stage = 'lost' THEN 'lost'
      WHEN o.opp_stage IN ('open', 'withdrawn') THEN 'opportunity'
      WHEN s.handoff_status = 'accepted' THEN 'sql' WHEN s.handoff_status = 'pending' THEN 'mql'
      WHEN s.handoff_status IN ('rejected', 'returned') THEN 'working'
      WHEN s.u_dq < 0.45 THEN 'new' WHEN s.u_dq < 0.75 THEN 'working' ELSE 'nurturing' END`;
  const employees = sql`CASE WHEN ${u(sql`s.g`, 9)} < 0.1 THEN NULL
      ELSE (CASE ${pick(u(sql`s.g`, 10), [
        ['1', 30],
        ['50', 30],
        ['200', 22],
        ['1000', 12],
        ['5000', 6],
      ])} WHEN '1' THEN 1 + floor(${u(sql`s.g`, 11)} * 49) WHEN '50' THEN 50 + floor(${u(sql`s.g`, 11)} * 150)
        WHEN '200' THEN 200 + floor(${u(sql`s.g`, 11)} * 800) WHEN '1000' THEN 1000 + floor(${u(sql`s.g`, 11)} * 4000)
        ELSE 5000 + floor(${u(sql`s.g`, 11)} * 45000) END)::int END`;
  const regionText = sql`(CASE s.region_code ${sql.join(
    provinces.map(([code, text]) => sql`WHEN ${sql.lit(code)} THEN ${sql.lit(text)}`),
    sql` `,
  )} END)`;
  await step(
    'leads',
    sql`INSERT INTO leads (id, status, owner_id, name, phone, email, company, title, region, region_code, industry,
        employees, channel_id, original_source, latest_source, flags, score, grade, status_reason, owned_since,
        last_touch_at, created_at, updated_at)
      SELECT s.id, ${status},
        CASE WHEN s.dq IS NULL AND s.u_dq >= 0.45 OR s.mql_at IS NOT NULL THEN s.sdr_id END,
        '客户' || s.g, CASE WHEN ${u(sql`s.g`, 12)} < 0.88 THEN '1' || (3000000000 + s.g)::text END,
        CASE WHEN ${u(sql`s.g`, 12)} > 0.5 THEN 'c' || s.g || '@corp' || (s.g % 5000) || '.cn' END,
        '公司' || (s.g % 300000), CASE WHEN ${u(sql`s.g`, 13)} < 0.3 THEN '采购经理' WHEN ${u(sql`s.g`, 13)} < 0.5 THEN 'IT总监' END,
        ${regionText}, s.region_code, ${pick(u(sql`s.g`, 14), industries)}, ${employees}, s.channel_id,
        ${source(sql`s.channel_id`, campaign, sql`s.created_at`)}, ${source(sql`s.channel_id`, campaign, sql`s.created_at`)},
        CASE WHEN s.handoff_status = 'returned' THEN ARRAY['MRL'] ELSE '{}'::text[] END,
        (${u(sql`s.g`, 15)} * 60)::int + CASE WHEN s.mql_at IS NOT NULL THEN 40 ELSE 0 END, NULL,
        CASE WHEN s.dq IS NOT NULL THEN ${pick(u(sql`s.g`, 16), disqualifyReasons)} END,
        s.created_at, s.created_at, s.created_at, s.created_at
      FROM funnel_stages s LEFT JOIN funnel_opps o ON o.g = s.g`,
  );
  await step(
    'lead_touches',
    sql`INSERT INTO lead_touches (id, lead_id, kind, channel_id, occurred_at)
      SELECT 'T' || s.g, s.id, 'capture', s.channel_id, s.created_at FROM funnel_stages s
      UNION ALL
      SELECT 'TM' || s.g, s.id, 'merge', ${pick(
        u(sql`s.g`, 17),
        channels.map(([c, w]) => [c, w] as const),
      )},
        s.created_at + ${hoursExp(u(sql`s.g`, 18), 24 * 30)} FROM funnel_stages s WHERE ${u(sql`s.g`, 19)} < 0.12`,
  );
  // Website behaviours: ~2.5 per lead (page views, downloads, form views) around its capture.
  await step(
    'behaviours',
    sql`INSERT INTO behaviours (id, lead_id, type, url, occurred_at)
      SELECT 'B' || b, s.id, ${pick(u(sql`b`, 20), [
        ['page_view', 70],
        ['download', 10],
        ['form_view', 12],
        ['video_play', 8],
      ])}, '/p/' || (b % 40), s.created_at + (${u(sql`b`, 21)} * 30 - 5) * interval '1 day'
      FROM generate_series(1, ${Math.round(N * 2.5)}) b
      JOIN funnel_stages s ON s.g = 1 + (hashint8(b::bigint * 31 + 5)::bigint & 2147483647) % ${N}`,
  );
  // SDR activities: ~5.5 per lead, on the leads an SDR works, by its SDR.
  await step(
    'activities',
    sql`INSERT INTO activities (id, lead_id, user_id, type, duration_sec, outcome, occurred_at)
      SELECT 'A' || a, s.id, s.sdr_id, t, CASE WHEN t = 'call' THEN (${u(sql`a`, 23)} * 600)::int END,
        CASE WHEN t = 'call' THEN CASE WHEN ${u(sql`a`, 24)} < 0.45 THEN 'connected' ELSE 'no_answer' END END,
        s.created_at + ${hoursExp(u(sql`a`, 25), 24 * 7)}
      FROM (SELECT a, ${pick(u(sql`a`, 22), [
        ['call', 55],
        ['wechat', 20],
        ['email', 15],
        ['meeting', 3],
        ['note', 7],
      ])} AS t, 1 + (hashint8(a::bigint * 37 + 3)::bigint & 2147483647) % ${N} AS lg
        FROM generate_series(1, ${Math.round(N * 5.5)}) a) x
      JOIN funnel_stages s ON s.g = x.lg`,
  );
  await step(
    'handoffs',
    sql`INSERT INTO handoffs (id, lead_id, sdr_id, rep_id, kind, mode, status, decision_reason, decided_by, decided_at, created_at)
      SELECT 'H' || s.g, s.id, s.sdr_id, s.rep_id, 'assign', 'auto', s.handoff_status,
        CASE s.handoff_status WHEN 'rejected' THEN ${pick(u(sql`s.g`, 26), rejectReasons)}
          WHEN 'returned' THEN ${pick(u(sql`s.g`, 26), returnReasons)} END,
        CASE WHEN s.handoff_status <> 'pending' THEN s.rep_id END,
        CASE WHEN s.handoff_status = 'returned' THEN s.decided_at + ${hoursExp(u(sql`s.g`, 27), 24 * 10)}
          WHEN s.handoff_status <> 'pending' THEN s.decided_at END,
        s.mql_at
      FROM funnel_stages s WHERE s.mql_at IS NOT NULL`,
  );
  await step(
    'opportunities',
    sql`INSERT INTO opportunities (id, lead_id, handoff_id, amount, stage, reason, created_by, created_at, closed_at,
        withdrawn_at, updated_at)
      SELECT 'O' || o.g, o.id, 'H' || o.g, round((20000 + ${u(sql`o.g`, 28)} ^ 2 * 480000)::numeric, -2), o.opp_stage,
        CASE WHEN o.opp_stage = 'lost' THEN ${pick(u(sql`o.g`, 29), lossReasons)} END, o.rep_id, o.opp_at,
        CASE WHEN o.opp_stage IN ('won', 'lost') THEN o.opp_at + ${hoursExp(u(sql`o.g`, 30), 24 * 45)} END,
        CASE WHEN o.opp_stage = 'withdrawn' THEN o.opp_at + ${hoursExp(u(sql`o.g`, 30), 24 * 20)} END,
        o.opp_at
      FROM funnel_opps o`,
  );
  // The audit entries the reports read (capture, disqualification, hand-off decisions).
  await step(
    'audit_log',
    sql`INSERT INTO audit_log (id, actor_id, action, entity_type, entity_id, lead_id, to_state, reason, at)
      SELECT 'AU-c-' || s.g, NULL, 'lead.created', 'lead', s.id, s.id, NULL, NULL, s.created_at FROM funnel_stages s
      UNION ALL
      SELECT 'AU-d-' || s.g, s.sdr_id, 'lead.disqualified', 'lead', s.id, s.id, '{"status":"disqualified"}'::jsonb, NULL,
        s.created_at + ${hoursExp(sql`s.u_dq * 5`, 72)} FROM funnel_stages s WHERE s.dq IS NOT NULL
      UNION ALL
      SELECT 'AU-h-' || s.g, s.sdr_id, 'handoff.created', 'handoff', 'H' || s.g, s.id, NULL, NULL, s.mql_at
        FROM funnel_stages s WHERE s.mql_at IS NOT NULL
      UNION ALL
      SELECT 'AU-a-' || s.g, s.rep_id, 'handoff.accepted', 'handoff', 'H' || s.g, s.id, NULL, NULL, s.decided_at
        FROM funnel_stages s WHERE s.handoff_status IN ('accepted', 'returned')`,
  );
  await sql`DROP TABLE funnel_opps`.execute(db);
  await sql`DROP TABLE funnel_stages`.execute(db);
  await sql`DROP TABLE funnel_plan`.execute(db);
  await sql`RESET session_replication_role`.execute(db);
  await sql`ANALYZE`.execute(db);

  const tables: Record<string, number> = {};
  for (const table of ['leads', 'lead_touches', 'behaviours', 'activities', 'handoffs', 'opportunities', 'audit_log']) {
    const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(db);
    tables[table] = Number(r.rows[0].n);
  }
  const events = Object.entries(tables)
    .filter(([t]) => t !== 'leads')
    .reduce((s, [, n]) => s + n, 0);
  return { leads: tables.leads, events, tables };
}
