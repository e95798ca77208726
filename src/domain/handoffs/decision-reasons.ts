/**
 * Default reasons of a rep's hand-off decisions (SPEC §6.1, seed 002): why sales rejects an
 * MQL outright, and why it returns an accepted lead after following it up. Kept as two lists
 * because the two mean different things (a rejected lead was never worked by sales; a returned
 * one was, and comes back as MRL) and are reported separately. Seeded by migration 010; the
 * lists are data from then on (GET/PUT /reasons/reject and /reasons/return).
 */
import type { Reason } from '../cleaning/reasons.js';

type DefaultReason = Omit<Reason, 'active' | 'position'>;

export const defaultRejectReasons: readonly DefaultReason[] = [
  { code: 'not_decision_maker', labelZh: '非决策人/无影响力', labelEn: 'Not a decision maker' },
  { code: 'no_budget', labelZh: '无预算', labelEn: 'No budget' },
  { code: 'no_need', labelZh: '无明确需求', labelEn: 'No clear need' },
  { code: 'no_timeline', labelZh: '无采购时间表', labelEn: 'No buying timeline' },
  { code: 'wrong_region', labelZh: '区域不符', labelEn: 'Wrong region' },
  { code: 'wrong_industry', labelZh: '行业不符', labelEn: 'Wrong industry' },
  { code: 'company_too_small', labelZh: '规模不符', labelEn: 'Company too small' },
  { code: 'duplicate_in_crm', labelZh: 'CRM中已有客户/重复', labelEn: 'Already in CRM (duplicate)' },
  { code: 'bad_contact', labelZh: '联系方式无效', labelEn: 'Contact details invalid' },
  { code: 'insufficient_info', labelZh: '信息不完整，资质不清', labelEn: 'Not enough qualification information' },
  { code: 'other', labelZh: '其他', labelEn: 'Other' },
];

export const defaultReturnReasons: readonly DefaultReason[] = [
  { code: 'not_reachable', labelZh: '跟进后联系不上', labelEn: 'Not reachable after follow-up' },
  { code: 'needs_more_nurturing', labelZh: '需要继续培育', labelEn: 'Needs more nurturing' },
  { code: 'timing_later', labelZh: '采购时间推迟', labelEn: 'Buying later' },
  { code: 'budget_frozen', labelZh: '预算冻结/未批', labelEn: 'Budget frozen or not approved' },
  { code: 'chose_competitor', labelZh: '选择了竞品', labelEn: 'Chose a competitor' },
  { code: 'project_cancelled', labelZh: '项目取消', labelEn: 'Project cancelled' },
  { code: 'poor_fit', labelZh: '跟进后发现不匹配', labelEn: 'Poor fit found in follow-up' },
  { code: 'other', labelZh: '其他', labelEn: 'Other' },
];
