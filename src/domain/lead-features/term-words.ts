/**
 * A model term in words a sales leader reads (issue 9: "来源=官网表单: +18%"), in Chinese and
 * English: the feature's name, the level, range or absence the term stands for, and the effect
 * on the probability as percentage points.
 */
import type { Term } from '../predictive/encoder.js';
import { SENIORITY_LABEL, type SeniorityLevel } from '../seniority/seniority-level.js';

export type { Term };

export type WordsLanguage = 'zh-CN' | 'en';

/** Display names the database knows (channels), by id. */
export interface TermNames {
  channels: ReadonlyMap<string, { name: string; nameZh: string }>;
}

const fixedNames: Record<string, [zh: string, en: string]> = {
  channel: ['渠道', 'Channel'],
  'utm.source': ['UTM 来源', 'UTM source'],
  'utm.medium': ['UTM 媒介', 'UTM medium'],
  'utm.campaign': ['UTM 活动', 'UTM campaign'],
  region: ['地区', 'Region'],
  industry: ['行业', 'Industry'],
  employees: ['员工数', 'Employees'],
  seniority: ['职位级别', 'Seniority'],
};

const behaviourNames: Record<string, [zh: string, en: string]> = {
  page_view: ['浏览页面', 'page views'],
  download: ['下载资料', 'downloads'],
  form_submit: ['提交表单', 'form submissions'],
  event_register: ['活动报名', 'event sign-ups'],
  event_attend: ['参加活动', 'events attended'],
  email_open: ['打开邮件', 'e-mails opened'],
  email_click: ['点击邮件', 'e-mail clicks'],
  chat: ['在线咨询', 'chats'],
  demo_request: ['申请演示', 'demo requests'],
};

const activityNames: Record<string, [zh: string, en: string]> = {
  call: ['电话', 'calls'],
  email: ['邮件', 'e-mails'],
  wechat: ['微信', 'WeChat messages'],
  meeting: ['会面', 'meetings'],
  note: ['备注', 'notes'],
};

const seniorityEn: Record<SeniorityLevel, string> = {
  c_level: 'C-level',
  vp: 'VP',
  director: 'Director',
  manager: 'Manager',
  staff: 'Staff',
  intern: 'Intern',
  unknown: 'Unknown',
};

const pick = (pair: [string, string], lang: WordsLanguage) => (lang === 'zh-CN' ? pair[0] : pair[1]);

/** The feature's name: "渠道", "「申请演示」次数", "距上次「申请演示」天数", a custom column as written. */
export function featureWords(feature: string, lang: WordsLanguage): string {
  if (fixedNames[feature]) return pick(fixedNames[feature], lang);
  const [head, ...rest] = feature.split('.');
  if (head === 'field') return rest.join('.');
  if (head === 'answer') return `${lang === 'zh-CN' ? '资格问答' : 'Answer'} ${rest.join(' · ')}`;
  if (head === 'behaviour' && rest.length === 2) {
    const [type, measure] = rest;
    const name = behaviourNames[type] ? pick(behaviourNames[type], lang) : type;
    if (measure === 'count') return lang === 'zh-CN' ? `「${name}」次数` : `Number of ${name}`;
    return lang === 'zh-CN' ? `距上次「${name}」天数` : `Days since last of ${name}`;
  }
  if (head === 'activity' && rest.length === 2) {
    const name = activityNames[rest[0]] ? pick(activityNames[rest[0]], lang) : rest[0];
    return lang === 'zh-CN' ? `SDR ${name}次数` : `SDR ${name}`;
  }
  return feature;
}

function levelWords(feature: string, level: string, lang: WordsLanguage, names: TermNames): string {
  if (feature === 'channel') {
    const channel = names.channels.get(level);
    if (channel) return lang === 'zh-CN' ? channel.nameZh : channel.name;
  }
  if (feature === 'seniority' && level in SENIORITY_LABEL) {
    const s = level as SeniorityLevel;
    return lang === 'zh-CN' ? SENIORITY_LABEL[s] : seniorityEn[s];
  }
  return level;
}

const number = (n: number) => (Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100));

/** The term: "渠道 = 主动咨询", "员工数 > 50 且 ≤ 200", "行业 未知", "Channel = other" (a bin is low < x ≤ high). */
export function termWords(term: Term, lang: WordsLanguage, names: TermNames): string {
  const name = featureWords(term.feature, lang);
  const zh = lang === 'zh-CN';
  switch (term.kind) {
    case 'level':
      return `${name} = ${levelWords(term.feature, term.level, lang, names)}`;
    case 'other':
      return `${name} = ${zh ? '其他' : 'other'}`;
    case 'missing':
      return `${name} ${zh ? '未知' : 'unknown'}`;
    case 'yes':
      return `${name} = ${zh ? '是' : 'yes'}`;
    case 'bin':
      if (term.low === null) return `${name} ≤ ${number(term.high ?? 0)}`;
      if (term.high === null) return `${name} > ${number(term.low)}`;
      return `${name} > ${number(term.low)} ${zh ? '且' : 'and'} ≤ ${number(term.high)}`;
  }
}

/** Percentage points, signed: +18%, −4%, +0.5%. */
export function effectWords(effect: number): string {
  const points = effect * 100;
  const rounded = Math.abs(points) >= 1 ? Math.round(points) : Math.round(points * 10) / 10;
  return `${rounded >= 0 ? '+' : '−'}${Math.abs(rounded)}%`;
}
