import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { LeadStatusTag } from '../../components/LeadStatusTag';
import { useFormat } from '../../format';
import { muted } from '../queue/styles';
import type { Lead } from './lead-api';
import { usePersonName } from './people';

/** Who the lead is, its state and who holds it. */
export function LeadFacts({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const format = useFormat();
  const ownerName = usePersonName(lead.id);
  const none = t('common.none');
  return (
    <Descriptions
      styles={{ label: muted }}
      title={t('lead.facts.title')}
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        {
          key: 'status',
          label: t('lead.facts.status'),
          children: (
            <>
              <LeadStatusTag status={lead.status} />
              {lead.doNotContact ? <Tag color="red">{t('lead.facts.doNotContact')}</Tag> : null}
            </>
          ),
        },
        { key: 'owner', label: t('lead.facts.owner'), children: ownerName(lead.ownerId) },
        { key: 'company', label: t('lead.facts.company'), children: lead.company ?? none },
        { key: 'title', label: t('lead.facts.jobTitle'), children: lead.title ?? none },
        { key: 'phone', label: t('lead.facts.phone'), children: lead.phone ?? none },
        { key: 'email', label: t('lead.facts.email'), children: lead.email ?? none },
        { key: 'region', label: t('lead.facts.region'), children: lead.region ?? none },
        { key: 'industry', label: t('lead.facts.industry'), children: lead.industry ?? none },
        { key: 'employees', label: t('lead.facts.employees'), children: format.number(lead.employees) },
        { key: 'created', label: t('lead.facts.createdAt'), children: format.dateTime(lead.createdAt) },
      ]}
    />
  );
}
