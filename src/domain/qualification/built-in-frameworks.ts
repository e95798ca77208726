/**
 * BANT, CHAMP and MEDDIC as shipped (SPEC §4.1), with the answer keys the API fixes. Questions
 * follow seed 000. Every criterion is yes/no/unknown, so an MQL definition can require "yes".
 * Each framework is worth 40 points in all, so switching a team from BANT to CHAMP does not
 * move every score; within a framework, what the seeds call decisive weighs more.
 */
import type { Bilingual, Criterion, Framework } from './framework.js';

const yesNo = (key: string, label: Bilingual, question: Bilingual, points: number): Criterion => ({
  key,
  label,
  question,
  answer: { type: 'yes_no_unknown' },
  points,
});

export const BANT: Framework = {
  id: 'BANT',
  name: { zh: 'BANT（预算、权限、需求、时间）', en: 'BANT (Budget, Authority, Need, Timing)' },
  builtIn: true,
  order: 'as-listed',
  criteria: [
    yesNo(
      'budget',
      { zh: '预算', en: 'Budget' },
      { zh: '是否有明确的预算？', en: 'Is there a defined budget for this purchase?' },
      10,
    ),
    yesNo(
      'authority',
      { zh: '权限', en: 'Authority' },
      {
        zh: '对方是否有权做出购买决定，或能推动项目继续进行下去？',
        en: 'Can they make the buying decision, or push the project forward?',
      },
      10,
    ),
    yesNo(
      'need',
      { zh: '需求', en: 'Need' },
      { zh: '我们的产品能否解决对方的业务难题？', en: 'Does our product solve a business problem they have?' },
      10,
    ),
    yesNo(
      'timing',
      { zh: '时间', en: 'Timing' },
      {
        zh: '是否有明确的采购或上线时间计划？',
        en: 'Is there a concrete timeline to buy or go live?',
      },
      10,
    ),
  ],
};

/** Seed 000: the first question is about the prospect's situation and challenge, so it comes first. */
export const CHAMP: Framework = {
  id: 'CHAMP',
  name: { zh: 'CHAMP（挑战、权限、资金、优先级）', en: 'CHAMP (Challenge, Authority, Money, Priority)' },
  builtIn: true,
  order: 'as-listed',
  criteria: [
    yesNo(
      'challenge',
      { zh: '挑战', en: 'Challenge' },
      {
        zh: '对方是否有明确的业务挑战或痛点需要解决？',
        en: 'Do they have a clear business challenge or pain to solve?',
      },
      15,
    ),
    yesNo(
      'authority',
      { zh: '权限', en: 'Authority' },
      { zh: '对方是否有权作出购买决策？', en: 'Do they have the authority to make the purchase decision?' },
      10,
    ),
    yesNo('money', { zh: '资金', en: 'Money' }, { zh: '是否有足够的预算？', en: 'Is there enough budget?' }, 10),
    yesNo(
      'priority',
      { zh: '优先级', en: 'Priority' },
      {
        zh: '这是对方目前需要解决的头等大事吗？',
        en: 'Is this the top problem they need to solve right now?',
      },
      5,
    ),
  ],
};

export const MEDDIC: Framework = {
  id: 'MEDDIC',
  name: {
    zh: 'MEDDIC（指标、财务型买家、决策标准、决策流程、识别痛点、销售教练）',
    en: 'MEDDIC (Metrics, Economic buyer, Decision criteria, Decision process, Identify pain, Champion)',
  },
  builtIn: true,
  order: 'as-listed',
  criteria: [
    yesNo(
      'metrics',
      { zh: '指标', en: 'Metrics' },
      {
        zh: '是否明确了对方希望改进的关键绩效指标和预期投资回报？',
        en: 'Are the key metrics they want to improve, and the expected return, known?',
      },
      5,
    ),
    yesNo(
      'economicBuyer',
      { zh: '财务型买家', en: 'Economic buyer' },
      {
        zh: '是否找到了决定投入预算购买的人（财务型买家）？',
        en: 'Have we found the person who decides to spend the budget (economic buyer)?',
      },
      10,
    ),
    yesNo(
      'decisionCriteria',
      { zh: '决策标准', en: 'Decision criteria' },
      {
        zh: '是否了解对方购买的技术标准和财务标准？',
        en: 'Do we know their technical and financial criteria for the purchase?',
      },
      5,
    ),
    yesNo(
      'decisionProcess',
      { zh: '决策流程', en: 'Decision process' },
      {
        zh: '是否了解谁需要批准购买、审批流程如何？',
        en: 'Do we know who must approve the purchase and how approval works?',
      },
      5,
    ),
    yesNo(
      'identifyPain',
      { zh: '识别痛点', en: 'Identify pain' },
      {
        zh: '是否识别出对方面临的业务难点和购买目标？',
        en: 'Have we identified their business pain and what they want to achieve?',
      },
      10,
    ),
    yesNo(
      'champion',
      { zh: '销售教练', en: 'Champion' },
      {
        zh: '对方组织中是否有人站在我们这边、帮助推动成单（销售教练）？',
        en: 'Is there someone inside their organisation on our side, pushing the deal (champion)?',
      },
      5,
    ),
  ],
};

export const builtInFrameworks: readonly Framework[] = [BANT, CHAMP, MEDDIC];
