import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format';
import { halfOf, type QueueItem } from './queue-api';

const tagColour = { mrl: 'red', sla_due: 'magenta', resurfaced: 'geekblue', score: 'default' } as const;

/** Why a lead sits where it does: the deciding reason first, in the user's language. */
export function QueueReason({ item, now }: { item: QueueItem; now: number }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const top = item.reasons[0];
  let text: string;
  if (!top) text = halfOf(item.reason, i18n.language);
  else if (top.code === 'first_touch_due' || top.code === 'recall_due' || top.code === 'recall_warning') {
    const due = top.at ? new Date(top.at).getTime() - now : 0;
    text = t(`queue.reason.${top.code}${due < 0 ? 'Overdue' : ''}`, { in: format.duration(due) });
  } else if (top.code === 'score') {
    text = t('queue.reason.score', { score: item.lead.score, grade: item.lead.grade ? ` (${item.lead.grade})` : '' });
  } else text = halfOf(top.text, i18n.language);
  const tag = {
    mrl: t('queue.reason.mrlTag'),
    sla_due: t('queue.reason.slaTag'),
    resurfaced: t('queue.reason.resurfacedTag'),
    score: t('queue.reason.scoreTag'),
  }[item.priority];
  return (
    <span>
      <Tag color={tagColour[item.priority]}>{tag}</Tag>
      <Typography.Text>{text}</Typography.Text>
    </span>
  );
}
