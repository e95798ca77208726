/**
 * A year of B2B leads shaped like the public lead-scoring data issue 9's quality bar refers to
 * (Kaggle "X Education Leads.csv", 9,240 rows: lead origin and source, visits, time on site,
 * pages per visit, last activity, occupation, do-not-email/call flags, many blanks, and a
 * "Tags" column written by the sales team after the fact), in LeadLoop's Chinese B2B terms.
 * The columns are the ones a history import reads (SPEC §10.1): 外部编号, 渠道 (built-in channel
 * ids), 职位, 行业, 地区, 员工数 (bands), 创建时间, 结果; every other column goes to `fields`.
 *
 * The generating model is known (each row carries its true probability) and realistic: mostly
 * additive in log-odds, a saturating effect of time on site (log of the minutes), and two mild
 * interactions — time on site matters less for leads from ad forms, and a senior contact at a
 * large company is worth more than the sum of the two — so a comparison with tree learners
 * says whether they find something an additive model cannot.
 * 签单销售 (the rep who signed the deal) is filled in only for won leads: known only after the
 * outcome. Leads of the last month are partly still open (empty outcome). Seeded.
 */
import { SeededRandom } from '../../src/domain/predictive/seeded-random.js';
import type { HistoryRow } from '../../test/support/history.js';

/** The column only known after the outcome. */
export const leakyColumn = '签单销售';

export const publicLikeHeader = [
  '外部编号',
  '渠道',
  '线索来源',
  '职位',
  '行业',
  '地区',
  '员工数',
  '访问次数',
  '网站停留秒数',
  '每次访问页数',
  '最近动作',
  '身份',
  '拒收邮件',
  '拒接电话',
  '索取白皮书',
  '订阅资讯',
  '活动编号',
  '创建时间',
  '结果',
  leakyColumn,
].join(',');

/** A row of the file; `won` is false for an open lead too (its outcome is empty). */
export interface PublicLikeRow extends HistoryRow {
  outcome: '已转化' | '未转化' | '';
}

type Table = readonly (readonly [string, number, number])[]; // level, share, effect in log-odds

// 线索来源 (the public data's Lead Origin): ad forms convert far better, bulk imports far worse.
const origins: Table = [
  ['官网表单', 0.52, 0],
  ['API接入', 0.38, -0.35],
  ['表单广告', 0.08, 1.9],
  ['小程序', 0.012, 0.3],
  ['批量导入', 0.008, -0.9],
];
// 渠道 of leads from the website and API (ad forms and bulk imports have their own, below).
const webChannels: Table = [
  ['sem', 0.28, 0],
  ['organic_search', 0.24, 0.1],
  ['direct', 0.18, 0],
  ['online_chat', 0.14, -0.6],
  ['content_download', 0.06, -0.3],
  ['inbound_inquiry', 0.04, 0.9],
  ['event_online', 0.03, -0.1],
  ['hotline', 0.015, 0.6],
  ['partner', 0.01, 0.5],
  ['event_offline', 0.005, 0.4],
];
const adFormChannels: Table = [
  ['referral', 0.45, 1.3],
  ['brand_zone', 0.25, 0.2],
  ['sem', 0.3, 0],
];
const importChannels: Table = [
  ['outbound', 0.7, -0.7],
  ['event_offline', 0.3, 0.4],
];
const channelEffect = new Map([...webChannels, ...adFormChannels, ...importChannels].map(([c, , e]) => [c, e]));

// 职位: titles by seniority (LeadLoop reads the seniority; the effect is the seniority's).
const seniorities: readonly (readonly [readonly string[], number, number])[] = [
  [['CEO', '总经理', '董事长', '创始人'], 0.08, 0.5],
  [['副总裁', '副总经理'], 0.05, 0.4],
  [['销售总监', '市场总监', 'IT总监'], 0.12, 0.3],
  [['采购经理', '市场经理', 'IT经理', '运营主管'], 0.25, 0.1],
  [['销售专员', '工程师', '采购专员'], 0.35, 0],
  [['实习生'], 0.03, -0.6],
  [[''], 0.12, -0.2],
];
const industries: Table = [
  ['制造业', 0.22, 0.2],
  ['软件和信息技术', 0.16, 0.3],
  ['零售', 0.1, -0.1],
  ['金融', 0.08, 0.1],
  ['教育', 0.07, -0.2],
  ['医疗', 0.06, 0.1],
  ['物流', 0.05, 0],
  ['房地产', 0.04, -0.3],
  ['能源', 0.03, 0.1],
  ['其他', 0.04, 0],
  ['', 0.15, -0.3],
];
const regions: Table = [
  ['广东', 0.16, 0.1],
  ['上海', 0.12, 0.15],
  ['北京', 0.11, 0.1],
  ['浙江', 0.1, 0.05],
  ['江苏', 0.1, 0.05],
  ['山东', 0.06, 0],
  ['四川', 0.05, -0.1],
  ['湖北', 0.04, 0],
  ['福建', 0.04, 0],
  ['河南', 0.03, -0.1],
  ['陕西', 0.02, -0.1],
  ['重庆', 0.02, 0],
  ['天津', 0.02, 0],
  ['安徽', 0.02, -0.05],
  ['辽宁', 0.01, -0.1],
  ['', 0.1, -0.1],
];
const bands: Table = [
  ['1-49', 0.3, -0.3],
  ['50-199', 0.28, 0],
  ['200-999', 0.18, 0.2],
  ['1000以上', 0.09, 0.3],
  ['', 0.15, -0.1],
];
// 最近动作 (Last Activity), with rare levels a model should pool.
const lastActivities: Table = [
  ['邮件已打开', 0.36, 0.2],
  ['短信已发送', 0.29, 1.3],
  ['在线咨询会话', 0.1, -0.9],
  ['页面浏览', 0.07, -0.3],
  ['表单已提交', 0.05, 0],
  ['邮件退回', 0.04, -1.2],
  ['已电话沟通', 0.03, 0.9],
  ['未接通', 0.03, -0.8],
  ['参加直播', 0.01, 0.5],
  ['邮件链接点击', 0.01, 0.3],
  ['取消订阅', 0.005, -0.8],
  ['已加微信', 0.003, 1.0],
  ['视频会议', 0.002, 0.8],
];
// 身份 (What is your current occupation): often blank, and the blank says something.
const occupations: Table = [
  ['待业', 0.6, -0.1],
  ['在职企业员工', 0.08, 2.0],
  ['企业主', 0.03, 1.0],
  ['学生', 0.02, -0.3],
  ['其他', 0.01, 0.2],
  ['', 0.26, -0.8],
];
const closers = ['王磊', '李娜', '张伟', '刘洋', '陈静', '杨帆'];

const INTERCEPT = -2.75;
const STRENGTH = 1.75; // the tables' effects are relative; this sets how separable the leads are
const TIME_SLOPE = 0.95; // per unit of log(1 + minutes on site)
const AD_FORM_TIME_FACTOR = 0.3; // time on site tells less about a lead from an ad form
const SENIOR_AT_LARGE = 0.6; // c-level or VP at a company of 200 or more

const YEAR_START = Date.UTC(2024, 11, 31, 16); // 2025-01-01 00:00 in China
const YEAR_MS = 365 * 86_400_000;
const OPEN_FROM = Date.UTC(2025, 11, 1) - 8 * 3_600_000; // December 2025, China time

export interface PublicLikeOptions {
  /** Capture dates without a time (many leads share one), as some CRM exports write them. */
  dayOnly?: boolean;
  /** How strong the two interactions are: 0 additive, 1 the realistic default, 3 strong (trees should win). */
  interactions?: number;
}

/** `count` leads captured over 2025 (China time, to the minute or only the day), oldest first. */
export function publicLikeHistory(count = 9000, seed = 1, options: PublicLikeOptions = {}): PublicLikeRow[] {
  const k = options.interactions ?? 1;
  const adFormTimeFactor = 1 - (1 - AD_FORM_TIME_FACTOR) * k;
  const seniorAtLarge = SENIOR_AT_LARGE * k;
  const random = new SeededRandom(seed);
  const next = () => random.next();
  const pick = <Row extends readonly [unknown, number, number]>(table: readonly Row[]): Row => {
    let u = next();
    for (const row of table) {
      u -= row[1];
      if (u < 0) return row;
    }
    return table[table.length - 1];
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const yes = (share: number) => (next() < share ? '是' : '否');

  const times = Array.from({ length: count }, () => YEAR_START + Math.floor(next() * (YEAR_MS / 60_000)) * 60_000);
  times.sort((a, b) => a - b);

  return times.map((at, i) => {
    const [origin, , originEffect] = pick(origins);
    const channelTable = origin === '表单广告' ? adFormChannels : origin === '批量导入' ? importChannels : webChannels;
    const [channel] = pick(channelTable);
    const [titles, , seniorityEffect] = pick(seniorities);
    const title = titles[Math.floor(next() * titles.length)];
    const [industry, , industryEffect] = pick(industries);
    const [region, , regionEffect] = pick(regions);
    const [band, , bandEffect] = pick(bands);
    const [activity, , activityEffect] = pick(lastActivities);
    const [occupation, , occupationEffect] = pick(occupations);

    // Behaviour on the website: a fifth never came; time on site is long-tailed.
    const cameBack = next() >= 0.22;
    const visits = cameBack ? Math.min(60, Math.max(1, Math.floor(Math.exp(1 + 0.7 * normal())))) : 0;
    const seconds = cameBack
      ? Math.min(2400, Math.round(Math.exp(Math.log(300) + 0.15 * Math.log(visits) + 1.1 * normal())))
      : 0;
    const pages = cameBack ? Math.round((1 + Math.exp(0.6 + 0.5 * normal())) * 100) / 100 : 0;
    const behaviourUnknown = next() < 0.015; // visits and pages blank together, as in the public data
    const noEmail = yes(0.08);
    const noCall = yes(0.003);
    const whitepaper = yes(0.3);
    const newsletter = next() < 0.02 ? '' : yes(0.05);
    const campaign = next() < 0.4 ? '' : `HD${String(Math.floor(80 * next() ** 2)).padStart(3, '0')}`;

    const senior = titles === seniorities[0][0] || titles === seniorities[1][0];
    const large = band === '200-999' || band === '1000以上';
    const logit =
      INTERCEPT +
      STRENGTH *
        (originEffect +
          (channelEffect.get(channel) ?? 0) +
          seniorityEffect +
          industryEffect +
          regionEffect +
          bandEffect +
          activityEffect +
          occupationEffect +
          (noEmail === '是' ? -1.0 : 0) +
          (noCall === '是' ? -0.6 : 0) +
          (whitepaper === '是' ? -0.1 : 0)) +
      TIME_SLOPE * (origin === '表单广告' ? adFormTimeFactor : 1) * Math.log1p(seconds / 60) +
      0.04 * Math.min(visits, 15) -
      0.08 * Math.min(pages, 10) +
      (senior && large ? seniorAtLarge : 0);
    const truth = 1 / (1 + Math.exp(-logit));
    const won = next() < truth;
    const open = at >= OPEN_FROM && next() < 0.25;
    const outcome = open ? '' : won ? '已转化' : '未转化';

    const externalId = `XE-${String(600_000 + i * 7)}`;
    const createdAt = options.dayOnly ? chinaMinute(at).slice(0, 10) : chinaMinute(at);
    const line = [
      externalId,
      channel,
      origin,
      title,
      industry,
      region,
      band,
      behaviourUnknown ? '' : visits,
      seconds,
      behaviourUnknown ? '' : pages,
      activity,
      occupation,
      noEmail,
      noCall,
      whitepaper,
      newsletter,
      campaign,
      createdAt,
      outcome,
      outcome === '已转化' ? closers[Math.floor(next() * closers.length)] : '',
    ].join(',');
    return { externalId, createdAt, truth, won: outcome === '已转化', outcome, line };
  });
}

/** 'yyyy-mm-dd hh:mm' in China time, as a CRM export writes it. */
function chinaMinute(at: number): string {
  return new Date(at + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
