/** A custom framework with every answer type, shared by the tests of this folder. */
import type { Framework } from './framework.js';

export const meetingFramework: Framework = {
  id: 'MEET',
  name: { zh: '约见', en: 'Meeting' },
  builtIn: false,
  order: 'as-listed',
  criteria: [
    {
      key: 'agreedToMeet',
      label: { zh: '同意见面', en: 'Agreed to meet' },
      question: { zh: '对方是否同意与销售见面？', en: 'Did they agree to meet sales?' },
      answer: { type: 'yes_no_unknown' },
      points: 15,
    },
    {
      key: 'stage',
      label: { zh: '项目阶段', en: 'Project stage' },
      question: { zh: '项目处于哪个阶段？', en: 'Which stage is the project at?' },
      answer: {
        type: 'choice',
        options: [
          { value: 'approved', label: { zh: '已立项', en: 'approved' }, points: 10 },
          { value: 'researching', label: { zh: '调研中', en: 'researching' } },
          { value: 'none', label: { zh: '无计划', en: 'no plan' }, points: -5 },
        ],
      },
      points: 3,
    },
    {
      key: 'budgetAmount',
      label: { zh: '预算金额', en: 'Budget amount' },
      question: { zh: '预算大约多少？', en: 'Roughly how large is the budget?' },
      answer: { type: 'number', min: 0, max: 10000, unit: '万元' },
      points: 5,
    },
    {
      key: 'painNotes',
      label: { zh: '痛点描述', en: 'Pain notes' },
      question: { zh: '对方描述的痛点是什么？', en: 'What pain did they describe?' },
      answer: { type: 'text', maxLength: 10 },
      points: 2,
    },
  ],
};
