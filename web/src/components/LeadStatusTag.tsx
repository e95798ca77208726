import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const colours: Record<string, string> = {
  new: 'blue',
  working: 'geekblue',
  nurturing: 'cyan',
  mql: 'purple',
  sql: 'magenta',
  opportunity: 'gold',
  won: 'green',
  lost: 'default',
  disqualified: 'default',
};

/** A lead's state as a coloured tag in the user's language. */
export function LeadStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={colours[status] ?? 'default'}>{t(`common.status.${status}`, { defaultValue: status })}</Tag>;
}
