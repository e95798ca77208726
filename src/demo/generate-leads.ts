/**
 * The demo workspace's leads: a pure, seeded generator. The same count, seed and `now` give the
 * same leads, byte for byte. Each arrival is a LeadInput as a client would send it (phones and
 * regions written the many ways people write them), when it arrived, and who captured it.
 *
 * Realism it aims for:
 * - Chinese B2B companies (city + brand + industry word + legal form, some foreign-invested ones
 *   in English), people with common surnames, titles from 董事长 to 市场专员.
 * - A channel mix of a SaaS vendor: SEM and organic search large, content, chat and events
 *   next, referrals and partners small; SDR cold calls (outbound) captured by the SDR.
 * - UTM on paid channels, search-engine referrers, landing pages of the vendor's site.
 * - Arrivals over the last 90 days, on weekdays and office hours mostly, growing a little;
 *   offline events and webinars bring bursts on their days.
 * - About 8% repeats: a known person again (phone or e-mail written differently, or the same
 *   company + name), through another channel, later — so de-duplication has work to do.
 */
import { pinyin } from 'pinyin-pro';
import type { LeadInput, UtmInput } from '../domain/capture/lead-input.js';
import { companyMatchKey } from '../domain/normalise/company.js';
import { normaliseEmail } from '../domain/normalise/email.js';
import { personNameKey } from '../domain/normalise/person-name.js';
import { normalisePhone } from '../domain/normalise/phone.js';
import {
  type Area,
  brands,
  type City,
  cities,
  cityNamed,
  companyDomainForms,
  englishBrands,
  englishGivenNames,
  englishIndustryWords,
  givenFemale,
  givenMale,
  type Industry,
  industryWords,
  legalSuffixes,
  mobilePrefixes,
  publicMailDomains,
  surnames,
  titlesEn,
  titlesSmallCompany,
  titlesZh,
} from './people.js';
import { Random, type Weighted } from './random.js';
import { type DemoUser, marketingEmail, outboundCallers, sdrLead } from './roster.js';

export const defaultDemoSeed = 20260301;
/** Leads arrive over this many days, ending now. */
export const demoDays = 90;
/** Share of arrivals, on top of the leads, that are a known person coming again. */
export const repeatShare = 0.08;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Leads arrive on Beijing time (UTC+8, no daylight saving). */
const BEIJING = 8 * HOUR;
const site = 'https://www.demo-saas.cn';

export interface DemoLead {
  input: LeadInput;
  capturedAt: Date;
  /** How long before `now` it arrived. */
  offsetMs: number;
  /** E-mail of the roster user who captures it (an SDR for outbound, else marketing). */
  capturedBy: string;
  /** For a repeat: index (in the returned list) of the arrival it repeats; it should merge. */
  repeatOf: number | null;
  /** For a repeat: what it should be matched on. */
  matchOn: 'phone' | 'email' | 'company+name' | null;
}

export interface DemoLeadOptions {
  /** How many distinct leads; repeats (about 8%) come on top. */
  count: number;
  now: Date;
  seed?: number;
}

/** Channel shares of first arrivals (percent). */
export const channelMix: Weighted<string> = [
  ['sem', 27],
  ['organic_search', 19],
  ['content_download', 10],
  ['outbound', 8],
  ['online_chat', 7],
  ['event_offline', 6],
  ['hotline', 5],
  ['event_online', 4],
  ['inbound_inquiry', 4],
  ['referral', 3],
  ['partner', 3],
  ['direct', 3],
  ['brand_zone', 1],
];

/** Channels a known person comes back through. */
const repeatChannels: Weighted<string> = [
  ['content_download', 20],
  ['sem', 18],
  ['event_online', 14],
  ['online_chat', 12],
  ['organic_search', 10],
  ['hotline', 8],
  ['outbound', 6],
  ['inbound_inquiry', 6],
  ['direct', 4],
  ['event_offline', 2],
];

interface OfflineEvent {
  name: string;
  campaign: string;
  city: string;
  daysAgo: number;
}
export const offlineEvents: readonly OfflineEvent[] = [
  { name: '2026华东CIO数字化转型峰会', campaign: '2026_cio_summit_shanghai', city: '上海', daysAgo: 68 },
  { name: '深圳跨境电商与新零售博览会', campaign: '2026_cbec_expo_shenzhen', city: '深圳', daysAgo: 41 },
  { name: '北京智能制造与工业互联网论坛', campaign: '2026_smart_mfg_forum_beijing', city: '北京', daysAgo: 17 },
];

interface Webinar {
  title: string;
  slug: string;
  daysAgo: number;
}
export const webinars: readonly Webinar[] = [
  { title: 'SDR团队从0到1搭建实战', slug: 'sdr-team-playbook', daysAgo: 80 },
  { title: '线索评分模型怎么做', slug: 'lead-scoring-model', daysAgo: 52 },
  { title: '市场与销售如何对齐MQL口径', slug: 'mql-definition', daysAgo: 30 },
  { title: 'AI时代的B2B销售开发', slug: 'ai-sales-development', daysAgo: 9 },
];

const contentAssets: readonly (readonly [slug: string, title: string])[] = [
  ['2026-b2b-lead-ops-whitepaper', '2026 B2B线索运营白皮书'],
  ['sdr-playbook', 'SDR工作手册'],
  ['mql-definition-template', 'MQL口径定义模板'],
  ['sales-funnel-benchmark', '2025销售漏斗基准报告'],
  ['crm-selection-guide', 'CRM选型指南'],
  ['manufacturing-digital-sales', '制造业数字化营销案例集'],
];

export const semCampaigns: readonly (readonly [campaign: string, landing: string, terms: readonly string[]])[] = [
  ['2026Q1_品牌词', 'brand', ['云启CRM', '云启CRM价格', '云启销售云']],
  ['2026Q1_CRM通用词', 'crm-trial', ['CRM系统', '客户管理系统', 'CRM软件哪个好', '销售管理软件', '免费CRM']],
  ['2026Q1_选型词', 'crm-compare', ['CRM选型', 'CRM对比', 'CRM哪家好']],
  ['线索管理_行业词', 'lead-management', ['线索管理', '销售线索分配', 'SDR管理', 'B2B获客', '线索评分']],
  ['SCRM_通用词', 'scrm', ['SCRM', '企业微信CRM', '私域客户管理']],
];

const partners: readonly (readonly [id: string, name: string])[] = [
  ['partner_mochou', '墨筹咨询'],
  ['partner_qimu', '栖木数科'],
  ['partner_hengchuan', '衡川软件'],
];

const sitePages = [
  '/',
  '/pricing',
  '/product/crm',
  '/product/scrm',
  '/product/sales-automation',
  '/customers',
  '/free-trial',
  '/blog/what-is-sdr',
  '/blog/mql-vs-sql',
  '/blog/lead-scoring-guide',
];
const inquiries = [
  '想了解50人销售团队的报价',
  '能否对接企业微信',
  '申请产品演示',
  '私有化部署怎么收费',
  '有没有制造业的案例',
  '试用账号申请',
  '想对比一下现有CRM',
  '数据能否从Excel导入',
];

/** Hour-of-day weights (Beijing time) for web forms and for office-hours contact (calls). */
const webHours = [0.3, 0.15, 0.1, 0.05, 0.05, 0.1, 0.3, 0.8, 2, 5, 7, 6, 3, 4, 7, 7, 6, 5, 3, 2, 2.5, 2.5, 1.5, 0.7];
const officeHours = [0, 0, 0, 0, 0, 0, 0, 0, 0.5, 5, 7, 6, 1.5, 3, 7, 7, 6, 4, 1, 0.2, 0, 0, 0, 0];
/** Weekday weights, Sunday first. */
const webDays = [0.35, 1, 1, 1, 1, 0.9, 0.4];
const officeDays = [0.03, 1, 1, 1, 1, 1, 0.08];

type Rhythm = 'web' | 'office';

/** Beijing days of the window: day 0 is today, day 89 is 89 days ago. */
class Calendar {
  readonly #now: number;
  readonly #todayStart: number;
  /** Minutes of today (Beijing) that have fully passed, in whole hours. */
  readonly #hoursToday: number;

  constructor(now: Date) {
    this.#now = now.getTime();
    this.#todayStart = Math.floor((this.#now + BEIJING) / DAY) * DAY - BEIJING;
    this.#hoursToday = Math.floor((this.#now - this.#todayStart) / HOUR);
  }

  weekday(daysAgo: number): number {
    return new Date(this.#todayStart - daysAgo * DAY + BEIJING).getUTCDay();
  }

  #hourWeights(rhythm: Rhythm, daysAgo: number): number[] {
    const weights = rhythm === 'web' ? webHours : officeHours;
    return daysAgo === 0 ? weights.map((w, h) => (h < this.#hoursToday ? w : 0)) : weights;
  }

  pickDay(rng: Random, rhythm: Rhythm, newest = 0, oldest = demoDays - 1): number {
    const days: [number, number][] = [];
    for (let d = newest; d <= oldest; d++) {
      const hours = this.#hourWeights(rhythm, d);
      const share =
        hours.reduce((a, b) => a + b, 0) / (rhythm === 'web' ? webHours : officeHours).reduce((a, b) => a + b, 0);
      const trend = 0.75 + 0.5 * (1 - d / (demoDays - 1));
      days.push([d, (rhythm === 'web' ? webDays : officeDays)[this.weekday(d)] * trend * share]);
    }
    if (days.every(([, w]) => w === 0)) return Math.min(oldest, Math.max(newest, 1));
    return rng.weighted(days);
  }

  /** A time on that day; today only in hours that have passed. */
  at(rng: Random, rhythm: Rhythm, daysAgo: number, hours?: readonly number[]): Date {
    let weights = this.#hourWeights(rhythm, daysAgo);
    if (hours)
      weights = weights.map((w, h) =>
        hours.includes(h) && (daysAgo > 0 || h < this.#hoursToday) ? Math.max(w, 0.1) : 0,
      );
    if (weights.every((w) => w === 0)) weights = this.#hourWeights('web', Math.max(daysAgo, 1));
    const hour = rng.weighted(weights.map((w, h) => [h, w] as const));
    const ms = this.#todayStart - daysAgo * DAY + hour * HOUR + rng.int(0, 59) * MINUTE + rng.int(0, 59) * 1000;
    return new Date(Math.min(ms, this.#now - MINUTE));
  }

  daysAgoOf(at: Date): number {
    return Math.floor((this.#todayStart + DAY - 1 - at.getTime()) / DAY);
  }

  get now(): number {
    return this.#now;
  }
}

interface Company {
  name: string;
  /** The name without its legal form (集团 kept), to write variants of. */
  base: string;
  suffix: string;
  key: string;
  city: City;
  industry: Industry;
  domain: string;
  english: boolean;
  employees: number | null;
  people: Set<string>;
}

interface Person {
  name: string;
  /** For e-mail addresses. */
  surnamePy: string;
  givenPy: string;
  englishName: string | null;
  chinese: boolean;
  surname: string;
  given: string;
}

interface Arrival {
  lead: LeadInput;
  at: Date;
  capturedBy: string;
  repeatOf: Arrival | null;
  matchOn: DemoLead['matchOn'];
  // What a repeat needs to know about the original.
  company: Company | null;
  person: Person;
  phoneRaw: string | null;
  phoneE164: string | null;
  email: string | null;
  cityUsed: City;
}

const py = (text: string, surname = false): string =>
  pinyin(text, { toneType: 'none', type: 'array', v: true, ...(surname ? { surname: 'all' as const } : {}) })
    .join('')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

const initialsOf = (text: string): string =>
  pinyin(text, { pattern: 'first', toneType: 'none', type: 'array' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

class Generator {
  readonly rng: Random;
  readonly cal: Calendar;
  readonly companies: Company[] = [];
  readonly companyKeys = new Set<string>();
  readonly domains = new Set<string>();
  readonly phones = new Set<string>();
  readonly emails = new Set<string>();
  readonly people = new Set<string>();

  constructor(seed: number, now: Date) {
    this.rng = new Random(seed);
    this.cal = new Calendar(now);
  }

  // ——— companies and people ———

  company(city: City): Company {
    const rng = this.rng;
    if (this.companies.length > 10 && rng.chance(0.12)) {
      const same = this.companies.filter((c) => c.city === city);
      if (same.length > 0) return rng.pick(same);
    }
    for (let attempt = 0; attempt < 50; attempt++) {
      const english = rng.chance(0.06);
      let name: string;
      let base: string;
      let suffix: string;
      let industry: Industry;
      let domain: string;
      if (english) {
        const brand = rng.pick(englishBrands);
        const [word, ind] = rng.weighted(englishIndustryWords);
        industry = ind;
        base = rng.chance(0.7) ? `${city.pinyin} ${brand} ${word}` : `${brand} ${word} (${city.pinyin})`;
        suffix = 'Co., Ltd.';
        name = `${base} ${suffix}`;
        domain = `${brand.toLowerCase()}${rng.pick(['.com.cn', '-china.com', '.cn'])}`;
      } else {
        const [brand, brandPy] = rng.pick(brands);
        const [word, ind] = rng.weighted(industryWords);
        industry = ind;
        suffix = rng.weighted(legalSuffixes);
        const group = suffix.startsWith('集团');
        if (group) suffix = suffix.slice(2);
        const style = rng.weighted([
          ['city-first', 85],
          ['bracket', 10],
          ['bracket-full', 5],
        ] as const);
        const core = `${brand}${word}`;
        base =
          style === 'city-first'
            ? `${city.name}${core}`
            : style === 'bracket'
              ? `${core}(${city.name})`
              : `${core}（${city.name}）`;
        if (group) base += '集团';
        name = `${base}${suffix}`;
        domain = rng
          .weighted(companyDomainForms)
          .replace('{b}', brandPy.replace(/\d/g, ''))
          .replace('{c}', initialsOf(city.name));
      }
      const key = companyMatchKey(name);
      if (!key || this.companyKeys.has(key)) continue;
      if (this.domains.has(domain)) {
        // Another company has that brand: the city goes into the domain (shyunfan.com), else a number.
        const [head, ...tail] = domain.split('.');
        const c = initialsOf(city.name);
        domain =
          [`${c}${head}.${tail.join('.')}`, `${head}-${c}.${tail.join('.')}`].find((d) => !this.domains.has(d)) ??
          domain;
        for (let n = 2; this.domains.has(domain); n++) domain = `${head}${n}.${tail.join('.')}`;
      }
      this.companyKeys.add(key);
      this.domains.add(domain);
      const company: Company = {
        name,
        base,
        suffix,
        key,
        city,
        industry,
        domain,
        english,
        employees: this.employees(english),
        people: new Set(),
      };
      this.companies.push(company);
      return company;
    }
    throw new Error('demo: ran out of company names');
  }

  employees(english: boolean): number | null {
    const rng = this.rng;
    if (rng.chance(0.12)) return null;
    const [lo, hi] = rng.weighted<readonly [number, number]>(
      english
        ? [
            [[50, 499], 3],
            [[500, 1999], 4],
            [[2000, 9999], 3],
            [[10000, 50000], 1],
          ]
        : [
            [[3, 19], 14],
            [[20, 99], 30],
            [[100, 499], 28],
            [[500, 1999], 15],
            [[2000, 9999], 9],
            [[10000, 80000], 4],
          ],
    );
    const n = Math.round(Math.exp(Math.log(lo) + rng.next() * (Math.log(hi) - Math.log(lo))));
    if (rng.chance(0.45)) {
      // People round: "about 200", "500 or so".
      const nice = [10, 20, 30, 50, 80, 100, 150, 200, 300, 500, 800, 1000, 2000, 3000, 5000, 10000, 20000, 50000];
      return nice.reduce((best, v) => (Math.abs(v - n) < Math.abs(best - n) ? v : best), nice[0]);
    }
    return n >= 1000 ? Math.round(n / 50) * 50 : n >= 100 ? Math.round(n / 10) * 10 : n;
  }

  person(company: Company | null): Person {
    const rng = this.rng;
    for (let attempt = 0; attempt < 100; attempt++) {
      const surname = rng.weighted(surnames);
      const female = rng.chance(0.45);
      const pool = female ? givenFemale : givenMale;
      let given = rng.pick(pool);
      if (rng.chance(0.7)) {
        const second = rng.pick(pool);
        given =
          second === given && !rng.chance(0.15)
            ? `${given}${rng.pick(pool === givenMale ? givenMale : givenFemale)}`
            : `${given}${second}`;
      }
      if (given.length === 2 && given[0] === given[1] && !female) continue;
      const englishName = company?.english || rng.chance(0.04) ? rng.pick(englishGivenNames) : null;
      const surnamePy = py(surname, true);
      const givenPy = py(given);
      const useEnglish = company?.english && rng.chance(0.75);
      const name = useEnglish
        ? `${englishName} ${surnamePy[0].toUpperCase()}${surnamePy.slice(1)}`
        : `${surname}${given}`;
      const key = personNameKey(name);
      if (company?.people.has(key)) continue;
      company?.people.add(key);
      return { name, surname, given, surnamePy, givenPy, englishName, chinese: !useEnglish };
    }
    throw new Error('demo: ran out of person names');
  }

  title(company: Company | null): string | null {
    const rng = this.rng;
    if (rng.chance(0.08)) return null;
    if (company?.english) return rng.weighted(rng.chance(0.75) ? titlesEn : titlesZh);
    if (company?.employees != null && company.employees < 50 && rng.chance(0.6))
      return rng.weighted(titlesSmallCompany);
    return rng.weighted(titlesZh);
  }

  // ——— contact details ———

  mobile(): { raw: string; e164: string } {
    const rng = this.rng;
    for (;;) {
      const digits = `${rng.weighted(mobilePrefixes)}${rng.digits(8)}`;
      const e164 = `+86${digits}`;
      if (this.phones.has(e164)) continue;
      const check = normalisePhone(digits);
      if (!check.ok) continue;
      this.phones.add(e164);
      return { raw: this.formatMobile(digits), e164 };
    }
  }

  formatMobile(d: string, not?: string): string {
    const rng = this.rng;
    const a = d.slice(0, 3);
    const b = d.slice(3, 7);
    const c = d.slice(7);
    const forms: Weighted<string> = [
      [d, 40],
      [`${a} ${b} ${c}`, 15],
      [`${a}-${b}-${c}`, 12],
      [`+86 ${a} ${b} ${c}`, 10],
      [`+86${d}`, 8],
      [`+86-${a}-${b}-${c}`, 5],
      [`0086 ${d}`, 3],
      [`86-${d}`, 2],
      [d.replace(/\d/g, (x) => String.fromCharCode(0xff10 + Number(x))), 1], // typed with a full-width IME
    ];
    const choices = not === undefined ? forms : forms.filter(([f]) => f !== not);
    return rng.weighted(choices);
  }

  landline(city: City): { raw: string; e164: string } | null {
    const rng = this.rng;
    for (let attempt = 0; attempt < 20; attempt++) {
      const local = `${rng.pick(['5', '6', '8'])}${rng.digits(city.localDigits - 1)}`;
      const half = Math.ceil(local.length / 2);
      const raw = rng.weighted([
        [`${city.areaCode}-${local}`, 5],
        [`${city.areaCode} ${local.slice(0, half)} ${local.slice(half)}`, 2],
        [`(${city.areaCode})${local}`, 1],
        [`+86 ${city.areaCode.slice(1)} ${local}`, 1],
      ]);
      const check = normalisePhone(raw);
      if (!check.ok || this.phones.has(check.e164)) continue;
      this.phones.add(check.e164);
      return { raw, e164: check.e164 };
    }
    return null;
  }

  email(person: Person, company: Company | null): string {
    const rng = this.rng;
    const s = person.surnamePy;
    const g = person.givenPy;
    const en = person.englishName?.toLowerCase();
    const corporate =
      company !== null &&
      rng.chance(company.english ? 0.95 : company.employees !== null && company.employees < 50 ? 0.35 : 0.7);
    let local: string;
    let domain: string;
    if (corporate && company) {
      domain = company.domain;
      local =
        en && rng.chance(0.7)
          ? rng.weighted([
              [`${en}.${s}`, 4],
              [`${en}${s}`, 1],
              [`${en}`, 1],
            ])
          : rng.weighted([
              [`${g}.${s}`, 3],
              [`${s}${g}`, 3],
              [`${s}.${g}`, 2],
              [`${s}_${g}`, 1],
              [`${s}${initialsOf(person.given)}`, 2],
            ]);
    } else {
      domain = rng.weighted(publicMailDomains);
      local =
        domain === 'qq.com' || (domain === 'foxmail.com' && rng.chance(0.3))
          ? `${rng.int(1, 9)}${rng.digits(rng.int(5, 9))}`
          : rng.weighted([
              [`${s}${g}`, 3],
              [`${s}${g}${rng.int(1, 99)}`, 3],
              [`${g}${s}${rng.int(70, 99)}`, 2],
              [`${en ?? g}_${s}`, 1],
            ]);
    }
    let email = `${local}@${domain}`;
    for (let n = 2; this.emails.has(email) || !normaliseEmail(email).ok; n++) email = `${local}${n}@${domain}`;
    this.emails.add(email);
    return email;
  }

  regionText(city: City, english: boolean): string | null {
    const rng = this.rng;
    if (rng.chance(0.1)) return null;
    return english && rng.chance(0.6) ? city.pinyin : rng.weighted(city.regionForms);
  }

  // ——— sources ———

  caller(area: Area): string {
    const rng = this.rng;
    if (rng.chance(0.1)) return sdrLead.email;
    const local: DemoUser[] = outboundCallers.filter((u) => u.areas?.includes(area));
    return rng.pick(local.length ? local : outboundCallers).email;
  }

  /** UTM, referrer, landing page and extra fields of one arrival, and its time. */
  source(
    channel: string,
    city: City,
    industry: Industry,
    options: { after?: Date; event?: OfflineEvent } = {},
  ): { src: Pick<LeadInput, 'utm' | 'referrer' | 'landingPage' | 'fields'>; at: Date } | null {
    const rng = this.rng;
    const cal = this.cal;
    // A repeat comes on the original's day or within 30 days after it.
    const oldest = options.after ? cal.daysAgoOf(options.after) : demoDays - 1;
    const newest = options.after ? Math.max(0, oldest - 30) : 0;
    const anyDay = (rhythm: Rhythm) => cal.at(rng, rhythm, cal.pickDay(rng, rhythm, newest, oldest));
    const token = () =>
      Array.from({ length: 16 }, () =>
        rng.pick([...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-']),
      ).join('');
    const searchReferrer = (engine: string, term: string) => {
      const q = encodeURIComponent(term);
      switch (engine) {
        case 'baidu':
          return `https://www.baidu.com/s?wd=${q}`;
        case '360':
          return `https://www.so.com/s?q=${q}`;
        case 'sogou':
          return `https://www.sogou.com/web?query=${q}`;
        case 'shenma':
          return `https://m.sm.cn/s?q=${q}`;
        default:
          return `https://cn.bing.com/search?q=${q}`;
      }
    };
    const solution = {
      制造业: 'manufacturing',
      汽车: 'manufacturing',
      零售: 'retail',
      快消: 'retail',
      金融: 'finance',
      教育: 'education',
      医疗: 'healthcare',
    } as Partial<Record<Industry, string>>;
    const page = () =>
      solution[industry] && rng.chance(0.3) ? `/solutions/${solution[industry]}` : rng.pick(sitePages);
    const utm = (u: UtmInput): UtmInput =>
      Object.fromEntries(Object.entries(u).filter(([, v]) => v != null)) as UtmInput;

    switch (channel) {
      case 'sem': {
        const engine = rng.weighted([
          ['baidu', 60],
          ['360', 15],
          ['sogou', 10],
          ['shenma', 10],
          ['bing', 5],
        ]);
        const [campaign, landing, terms] = rng.pick(semCampaigns);
        const term = rng.pick(terms);
        const medium = engine === 'shenma' ? 'cpc_mobile' : 'cpc';
        return {
          at: anyDay('web'),
          src: {
            utm: utm({
              source: engine,
              medium,
              campaign,
              term,
              content: `ad_${rng.pick(['a', 'b', 'c'])}${rng.int(1, 4)}`,
            }),
            referrer: searchReferrer(engine, term),
            landingPage: `${site}/lp/${landing}`,
          },
        };
      }
      case 'brand_zone':
        return {
          at: anyDay('web'),
          src: {
            utm: { source: 'baidu', medium: 'brandzone', campaign: '2026_百度品专', term: '云启CRM' },
            referrer: searchReferrer('baidu', '云启CRM'),
            landingPage: `${site}/`,
          },
        };
      case 'organic_search': {
        // No UTM: the "UTM default" rules infer source/medium from the referrer host.
        const engine = rng.weighted([
          ['baidu', 55],
          ['bing', 12],
          ['360', 10],
          ['shenma', 10],
          ['sogou', 8],
          ['google', 5],
        ]);
        const referrer = {
          baidu: `https://www.baidu.com/link?url=${token()}`,
          bing: 'https://cn.bing.com/',
          '360': `https://www.so.com/link?m=${token()}`,
          shenma: 'https://m.sm.cn/',
          sogou: `https://www.sogou.com/link?url=${token()}`,
          google: 'https://www.google.com/',
        }[engine] as string;
        return { at: anyDay('web'), src: { referrer, landingPage: `${site}${page()}` } };
      }
      case 'content_download': {
        const [slug, title] = rng.pick(contentAssets);
        const landingPage = `${site}/download/${slug}`;
        if (rng.chance(0.5)) {
          const source = rng.weighted([
            ['wechat', 50],
            ['zhihu', 25],
            ['linkedin', 15],
            ['36kr', 10],
          ]);
          const referrer = {
            wechat: `https://mp.weixin.qq.com/s/${token()}`,
            zhihu: `https://zhuanlan.zhihu.com/p/${rng.int(600000000, 699999999)}`,
            linkedin: 'https://www.linkedin.com/',
            '36kr': `https://36kr.com/p/${rng.int(2000000000, 2999999999)}`,
          }[source] as string;
          return {
            at: anyDay('web'),
            src: {
              utm: {
                source,
                medium: 'social',
                campaign: `content_${slug}`,
                content: rng.pick(['article', 'banner', 'menu']),
              },
              referrer,
              landingPage,
              fields: { asset: title },
            },
          };
        }
        const referrer = rng.weighted<string | null>([
          [`https://mp.weixin.qq.com/s/${token()}`, 3],
          [null, 3],
          [`https://www.zhihu.com/question/${rng.int(400000000, 499999999)}`, 1],
        ]);
        return { at: anyDay('web'), src: { referrer, landingPage, fields: { asset: title } } };
      }
      case 'online_chat': {
        const from = rng.weighted([
          ['search', 4],
          ['ad', 2],
          ['direct', 4],
        ]);
        const fields = { inquiry: rng.pick(inquiries) };
        if (from === 'ad') {
          const [campaign, landing, terms] = rng.pick(semCampaigns);
          const term = rng.pick(terms);
          return {
            at: anyDay('web'),
            src: {
              utm: { source: 'baidu', medium: 'cpc', campaign, term },
              referrer: searchReferrer('baidu', term),
              landingPage: `${site}/lp/${landing}`,
              fields,
            },
          };
        }
        return {
          at: anyDay('web'),
          src: {
            referrer: from === 'search' ? `https://www.baidu.com/link?url=${token()}` : null,
            landingPage: `${site}${page()}`,
            fields,
          },
        };
      }
      case 'hotline':
        return {
          at: anyDay('office'),
          src: { fields: rng.chance(0.6) ? { inquiry: rng.pick(inquiries) } : undefined },
        };
      case 'inbound_inquiry':
        return {
          at: anyDay('web'),
          src: {
            referrer: rng.weighted<string | null>([
              [`${site}/pricing`, 3],
              [`https://www.baidu.com/link?url=${token()}`, 2],
              [null, 2],
            ]),
            landingPage: `${site}${rng.pick(['/contact', '/demo-request'])}`,
            fields: { inquiry: rng.pick(inquiries) },
          },
        };
      case 'referral':
        return {
          at: anyDay('web'),
          src: {
            utm: { source: 'referral', medium: 'customer_referral', campaign: '2026老带新计划' },
            landingPage: `${site}/referral?code=${token().slice(0, 6).toUpperCase()}`,
          },
        };
      case 'partner': {
        const [id, name] = rng.pick(partners);
        return {
          at: anyDay('web'),
          src: {
            utm: { source: id, medium: 'partner', campaign: 'partner_2026q1' },
            referrer: null,
            landingPage: `${site}/partners/${id.replace('partner_', '')}`,
            fields: { partner: name },
          },
        };
      }
      case 'event_online': {
        const upcoming = webinars.filter((w) => w.daysAgo <= oldest && w.daysAgo >= newest);
        if (upcoming.length === 0) return null;
        const webinar = rng.pick(upcoming);
        // Registrations in the week before the webinar, the most on the last days.
        const day = Math.min(
          oldest,
          webinar.daysAgo +
            rng.weighted([
              [0, 4],
              [1, 4],
              [2, 3],
              [3, 2],
              [4, 2],
              [5, 1],
              [6, 1],
            ]),
        );
        const source = rng.weighted([
          ['wechat', 60],
          ['email', 25],
          ['website', 15],
        ]);
        return {
          at: cal.at(rng, 'web', day),
          src: {
            utm: { source, medium: 'webinar', campaign: `webinar_${webinar.slug}` },
            referrer: source === 'wechat' ? `https://mp.weixin.qq.com/s/${token()}` : null,
            landingPage: `${site}/events/${webinar.slug}`,
            fields: { event: webinar.title },
          },
        };
      }
      case 'event_offline': {
        const past = offlineEvents.filter((e) => e.daysAgo <= oldest && e.daysAgo >= Math.max(newest, 1));
        if (past.length === 0) return null;
        const event = options.event && past.includes(options.event) ? options.event : rng.pick(past);
        // Badges scanned at the booth on the day, the paper list typed in the next morning.
        const nextMorning = rng.chance(0.35) && event.daysAgo - 1 >= newest;
        const at = nextMorning
          ? cal.at(rng, 'office', event.daysAgo - 1, [9, 10, 11])
          : cal.at(rng, 'office', event.daysAgo, [10, 11, 13, 14, 15, 16]);
        return {
          at,
          src: { utm: { source: 'offline', medium: 'event', campaign: event.campaign }, fields: { event: event.name } },
        };
      }
      case 'direct':
        return {
          at: anyDay('web'),
          src: { landingPage: `${site}${rng.pick(['/', '/pricing', '/free-trial', '/customers'])}` },
        };
      case 'outbound':
        return { at: anyDay('office'), src: { fields: { callList: `${city.name}${industry}目标客户名单` } } };
      default:
        throw new Error(`demo: no source for channel ${channel}`);
    }
  }

  // ——— arrivals ———

  first(): Arrival {
    const rng = this.rng;
    const channel = rng.weighted(channelMix);
    const event = channel === 'event_offline' ? rng.pick(offlineEvents) : null;
    const city = event && rng.chance(0.6) ? cityNamed(event.city) : rng.weighted(cities);
    const company = rng.chance(0.05) ? null : this.company(city);
    const person = this.person(company);
    const industry = company?.industry ?? rng.weighted(industryWords)[1];
    const made = this.source(channel, city, industry, { event: event ?? undefined });
    if (!made) throw new Error(`demo: no time for channel ${channel}`);
    const { src, at } = made;

    const phoneHeavy = channel === 'hotline' || channel === 'outbound';
    const formHeavy = channel === 'content_download' || channel === 'event_online';
    const reach = rng.weighted<'both' | 'phone' | 'email'>(
      phoneHeavy
        ? [
            ['phone', 85],
            ['both', 15],
          ]
        : formHeavy
          ? [
              ['both', 60],
              ['email', 30],
              ['phone', 10],
            ]
          : [
              ['both', 50],
              ['phone', 38],
              ['email', 12],
            ],
    );
    let phone: { raw: string; e164: string } | null = null;
    if (reach !== 'email') phone = (rng.chance(phoneHeavy ? 0.25 : 0.03) ? this.landline(city) : null) ?? this.mobile();
    const email = reach !== 'phone' ? this.email(person, company) : null;

    if (channel === 'referral') {
      // Who referred them: a contact at an existing customer.
      const by = this.companies.length > 3 ? rng.pick(this.companies) : null;
      src.fields = { referredBy: by ? `${rng.weighted(surnames)}总（${by.name}）` : `${rng.weighted(surnames)}总` };
    }

    const lead: LeadInput = {
      name: person.name,
      phone: phone?.raw ?? null,
      email,
      company: company?.name ?? null,
      title: this.title(company),
      region: this.regionText(city, company?.english ?? false),
      industry: rng.chance(0.9) ? industry : null,
      employees: company?.employees ?? null,
      channel,
      ...src,
    };
    return {
      lead: tidy(lead),
      at,
      capturedBy: channel === 'outbound' ? this.caller(city.area) : marketingEmail,
      repeatOf: null,
      matchOn: null,
      company,
      person,
      phoneRaw: phone?.raw ?? null,
      phoneE164: phone?.e164 ?? null,
      email,
      cityUsed: city,
    };
  }

  /** The same person again, later, through another channel; null when it cannot be made. */
  repeat(original: Arrival): Arrival | null {
    const rng = this.rng;
    const kinds: [NonNullable<DemoLead['matchOn']>, number][] = [];
    if (original.phoneE164) kinds.push(['phone', 55]);
    if (original.email) kinds.push(['email', 35]);
    if (original.company) kinds.push(['company+name', 10]);
    if (kinds.length === 0) return null;
    const matchOn = rng.weighted(kinds);
    const channel = rng.weighted(repeatChannels.filter(([c]) => c !== original.lead.channel));
    const city = original.cityUsed;
    const company = original.company;
    const industry = company?.industry ?? (original.lead.industry as Industry | null) ?? '企业服务';
    const made = this.source(channel, city, industry, { after: original.at });
    if (!made) return null;
    let at = made.at;
    if (at.getTime() <= original.at.getTime() + 20 * MINUTE)
      at = new Date(original.at.getTime() + rng.int(20, 300) * MINUTE);
    if (at.getTime() > this.cal.now - MINUTE) at = new Date(this.cal.now - rng.int(1, 30) * MINUTE);
    if (at.getTime() <= original.at.getTime()) return null;

    let phone: string | null = null;
    let email: string | null = null;
    let companyName: string | null = company?.name ?? null;
    if (matchOn === 'phone') {
      phone = this.rewritePhone(original);
      email = original.email
        ? rng.chance(0.5)
          ? this.rewriteEmail(original.email)
          : null
        : rng.chance(0.4)
          ? this.email(original.person, company)
          : null;
      companyName = company ? this.companyVariant(company, true) : null;
    } else if (matchOn === 'email') {
      email = this.rewriteEmail(original.email as string);
      phone = rng.chance(0.3) ? this.mobile().raw : null; // a second number; the stored one stays
      companyName = company ? this.companyVariant(company, true) : null;
    } else {
      phone = this.mobile().raw; // new number, no e-mail: only company + name tie it to the lead
      companyName = this.companyVariant(company as Company, false);
    }
    const name =
      original.person.chinese && original.person.given.length > 0 && rng.chance(0.15)
        ? `${original.person.surname} ${original.person.given}`
        : original.person.name;
    const lead: LeadInput = {
      name,
      phone,
      email,
      company: companyName,
      title: rng.chance(0.7) ? original.lead.title : this.title(company),
      region: rng.chance(0.6) ? this.regionText(city, company?.english ?? false) : null,
      industry: rng.chance(0.6) ? original.lead.industry : null,
      employees: rng.chance(0.5) ? null : original.lead.employees,
      channel,
      ...made.src,
    };
    if (channel === 'referral') lead.fields = { referredBy: `${rng.weighted(surnames)}总` };
    return {
      lead: tidy(lead),
      at,
      capturedBy: channel === 'outbound' ? this.caller(city.area) : marketingEmail,
      repeatOf: original,
      matchOn,
      company,
      person: original.person,
      phoneRaw: phone,
      phoneE164: null,
      email,
      cityUsed: city,
    };
  }

  rewritePhone(original: Arrival): string {
    const e164 = original.phoneE164 as string;
    const national = e164.slice(3);
    if (national.startsWith('1') && national.length === 11)
      return this.formatMobile(national, original.phoneRaw ?? undefined);
    // A fixed line: the other usual way of writing it.
    const raw = original.phoneRaw as string;
    const digits = raw.replace(/\D/g, '').replace(/^86/, '0');
    return raw.includes('-') ? `+86 ${digits.slice(1)}` : digits;
  }

  rewriteEmail(email: string): string {
    const rng = this.rng;
    const [local, domain] = email.split('@');
    return rng.weighted([
      [`${local[0].toUpperCase()}${local.slice(1)}@${domain}`, 3],
      [`${local}@${domain.toUpperCase()}`, 2],
      [email.toUpperCase(), 1],
      [` ${email} `, 1],
      [`${local}＠${domain}`, 1], // full-width at sign from a Chinese IME
    ]);
  }

  /** The company written another way that still matches (legal form changed or left out). */
  companyVariant(company: Company, mayOmit: boolean): string | null {
    const rng = this.rng;
    if (mayOmit && rng.chance(0.15)) return null;
    if (rng.chance(0.55)) return company.name;
    const forms = company.english
      ? [`${company.base} Co.,Ltd`, `${company.base} Limited`, company.base]
      : ['有限公司', '股份有限公司', '', '公司'].map((s) => `${company.base}${s}`);
    const options = forms.filter((f) => f !== company.name && companyMatchKey(f) === company.key);
    return options.length ? rng.pick(options) : company.name;
  }
}

/** Drop empty optional parts, as a real client would not send them. */
function tidy(lead: LeadInput): LeadInput {
  const out: LeadInput = {};
  for (const [k, v] of Object.entries(lead) as [keyof LeadInput, unknown][]) {
    if (v === null || v === undefined) continue;
    if (typeof v === 'object' && Object.keys(v as object).length === 0) continue;
    (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

/** How many repeat arrivals come with `count` leads. */
export function repeatsFor(count: number): number {
  if (count >= 10) return Math.round(count * repeatShare);
  return count >= 2 ? 1 : 0;
}

/** The demo leads, oldest arrival first. */
export function generateDemoLeads(options: DemoLeadOptions): DemoLead[] {
  const { count, now } = options;
  if (!Number.isInteger(count) || count < 0) throw new RangeError('count must be a whole number, 0 or more');
  const gen = new Generator(options.seed ?? defaultDemoSeed, now);
  const firsts: Arrival[] = [];
  for (let i = 0; i < count; i++) firsts.push(gen.first());

  const repeats: Arrival[] = [];
  const wanted = repeatsFor(count);
  const candidates = firsts.filter((a) => a.at.getTime() <= now.getTime() - 2 * HOUR);
  const used = new Set<Arrival>();
  for (let attempt = 0; repeats.length < wanted && attempt < wanted * 20 && candidates.length > used.size; attempt++) {
    const original = gen.rng.pick(candidates);
    if (used.has(original)) continue;
    const again = gen.repeat(original);
    if (!again) continue;
    used.add(original);
    repeats.push(again);
  }

  const all = [...firsts, ...repeats].map((a, order) => ({ a, order }));
  all.sort((x, y) => x.a.at.getTime() - y.a.at.getTime() || x.order - y.order);
  const position = new Map(all.map(({ a }, i) => [a, i]));
  return all.map(({ a }) => ({
    input: a.lead,
    capturedAt: a.at,
    offsetMs: now.getTime() - a.at.getTime(),
    capturedBy: a.capturedBy,
    repeatOf: a.repeatOf ? (position.get(a.repeatOf) as number) : null,
    matchOn: a.matchOn,
  }));
}
