import { Flex, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../format';
import type { PoolLead } from './poolApi';
import { triggerText } from './triggerText';

/** A lead's name linking to its page, with its re-surfacing trigger when it has one. */
export function LeadName({ lead, brief = false }: { lead: PoolLead; brief?: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Flex vertical gap={2}>
      <Link to={`/leads/${lead.id}`} style={{ color: '#0958d9' }}>
        {lead.name ?? t('pool.unnamed')}
      </Link>
      {lead.resurfaced ? (
        <Tooltip
          title={t('pool.resurfacedAt', {
            at: f.dateTime(lead.resurfaced.at),
            trigger: triggerText(t, lead.resurfaced.trigger),
          })}
        >
          <Typography.Text>
            <Tag color="orange" style={{ color: '#873800' }}>
              {t('pool.resurfacedTag')}
            </Tag>
            {brief ? null : triggerText(t, lead.resurfaced.trigger)}
          </Typography.Text>
        </Tooltip>
      ) : null}
    </Flex>
  );
}
