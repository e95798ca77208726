/**
 * The rules LeadLoop ships (SPEC §4.3: senior titles and larger companies fit better; demo
 * requests and event attendance weigh more than page views). Admins edit them; industries
 * and regions especially are a guess at a typical Chinese B2B software seller and should be
 * replaced by the customer's own targets and sales coverage.
 *
 * Sizes of the defaults: fit tops out at 25 + 20 + 10 + 5 = 60; a fresh demo request plus an
 * attended event and a week of browsing is about 45 engagement.
 */
import type { ScoringRules } from './scoring-rules.js';

const DEFAULTS: ScoringRules = {
  fit: {
    seniority: { c_level: 25, vp: 20, director: 15, manager: 10, staff: 3, intern: -5, unknown: 0 },
    employees: {
      bands: [
        { min: 1000, points: 20 },
        { min: 200, points: 15 },
        { min: 50, points: 10 },
        { min: 20, points: 5 },
        { min: 0, points: 0 },
      ],
      unknown: 0,
    },
    industries: [
      { industry: '互联网', match: ['互联网', '信息技术', 'internet', 'IT'], points: 10 },
      { industry: '企业服务', match: ['企业服务', '软件', 'SaaS', 'software'], points: 10 },
      { industry: '制造业', match: ['制造', 'manufacturing'], points: 8 },
      { industry: '金融', match: ['金融', '银行', '证券', '保险', 'finance', 'banking', 'insurance'], points: 8 },
    ],
    regions: [
      { region: '31', label: '上海', points: 5 },
      { region: '11', label: '北京', points: 5 },
      { region: '44', label: '广东', points: 5 },
      { region: '33', label: '浙江', points: 5 },
      { region: '32', label: '江苏', points: 5 },
    ],
  },
  engagement: {
    halfLifeDays: 30,
    behaviours: {
      page_view: { label: '浏览页面', points: 1, cap: { points: 10, days: 7 } },
      download: { label: '下载资料', points: 5, cap: { points: 15, days: 7 } },
      form_submit: { label: '提交表单', points: 8, cap: { points: 16, days: 7 } },
      event_register: { label: '活动报名', points: 8, cap: { points: 16, days: 30 } },
      event_attend: { label: '参加活动', points: 15, cap: null },
      email_open: { label: '打开邮件', points: 1, cap: { points: 5, days: 7 } },
      email_click: { label: '点击邮件', points: 3, cap: { points: 9, days: 7 } },
      chat: { label: '在线咨询', points: 5, cap: { points: 10, days: 7 } },
      // Asking twice for a demo is still one demo request's worth of intent.
      demo_request: { label: '申请演示', points: 20, cap: { points: 20, days: 30 } },
    },
  },
  grades: {
    fit: { A: 45, B: 30, C: 15 },
    engagement: { 1: 40, 2: 20, 3: 8 },
  },
};

/** A fresh copy, so editing it never changes what the next caller gets. */
export function defaultScoringRules(): ScoringRules {
  return structuredClone(DEFAULTS);
}
