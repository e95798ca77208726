/**
 * How an answer reads to a person, for score explanations and the timeline: "是" rather than
 * "yes", an option's label rather than its value. Free text is not repeated (it can be long
 * and is shown in the form itself); it reads as "已填写" / "filled in".
 */
import type { AnswerValue, Bilingual, Criterion } from './framework.js';

const yesNoText: Record<string, Bilingual> = {
  yes: { zh: '是', en: 'yes' },
  no: { zh: '否', en: 'no' },
  unknown: { zh: '未知', en: 'unknown' },
};

export function answerText(criterion: Criterion, value: AnswerValue | null): Bilingual {
  if (value === null) return { zh: '未填写', en: 'not answered' };
  const answer = criterion.answer;
  switch (answer.type) {
    case 'yes_no_unknown':
      return yesNoText[String(value)] ?? { zh: String(value), en: String(value) };
    case 'choice': {
      const option = answer.options.find((o) => o.value === value);
      return option ? option.label : { zh: String(value), en: String(value) };
    }
    case 'number': {
      const unit = answer.unit ? ` ${answer.unit}` : '';
      return { zh: `${value}${answer.unit ?? ''}`, en: `${value}${unit}` };
    }
    case 'text':
      return { zh: '已填写', en: 'filled in' };
  }
}
