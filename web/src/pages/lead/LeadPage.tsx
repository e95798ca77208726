import { queryOptions, useQuery } from '@tanstack/react-query';
import { Col, Row, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, type Role } from '../../api';
import { channelsQuery } from '../../channels';
import { LeadStatusTag } from '../../components/LeadStatusTag';
import { areasByRole } from '../../navigation';
import { type Prefetch, prefetchedFreshMs } from '../../prefetch';
import { useMe } from '../../session';
import { colleaguesQuery } from '../../users';
import { ErrorView } from '../ErrorView';
import { linkStyle } from '../queue/styles';
import { ActivityLogger } from './ActivityLogger';
import { LeadFacts } from './LeadFacts';
import { LeadTimeline } from './LeadTimeline';
import { contactCheckQuery, frameworksQuery, type Lead, leadPartQuery } from './lead-api';
import { QualificationCard } from './QualificationCard';
import { ScoreCard } from './ScoreCard';
import { SourceCard } from './SourceCard';
import { TransferPanel } from './TransferPanel';

/** Who may transfer a lead and log touches (src/domain/policy.ts: leads.transfer, activities.log). */
const transferRoles: readonly Role[] = ['sdr', 'sdr_lead', 'admin'];
const loggingRoles: readonly Role[] = ['sdr', 'sdr_lead', 'sales', 'sales_manager', 'admin'];

/** The lead itself, read first: /leads/:id. */
const leadQuery = (id: string) =>
  queryOptions({
    queryKey: ['lead', id, 'lead'],
    queryFn: () => api<Lead>('GET', `/leads/${encodeURIComponent(id)}`),
    retry: false,
    staleTime: prefetchedFreshMs,
  });

/**
 * The lead first, then what its cards read (each card's own query, for the role's cards), so
 * that none waits for the page to render before asking.
 */
export const prefetch: Prefetch = (client, pathname, user) => {
  const id = decodeURIComponent(pathname.split('/')[2] ?? '');
  if (!id) return;
  void client.prefetchQuery(leadQuery(id));
  for (const part of ['score', 'qualification', 'handoffs', 'timeline'] as const) {
    void client.prefetchQuery(leadPartQuery(id, part));
  }
  void client.prefetchQuery(frameworksQuery);
  void client.prefetchQuery(colleaguesQuery);
  void client.prefetchQuery(channelsQuery);
  if (transferRoles.includes(user.role)) void client.prefetchQuery(leadPartQuery(id, 'transfer-preview'));
  if (loggingRoles.includes(user.role)) void client.prefetchQuery(contactCheckQuery(id, 'call'));
};

/**
 * /leads/:id — the SDR's lead page: facts, score, sources, qualification, activities, transfer,
 * timeline. Other roles read it (from simulations, previews, reports) without the SDR's actions.
 */
export default function LeadPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const role = useMe().data?.role;
  const lead = useQuery(leadQuery(id));
  if (lead.error) {
    return (
      <section>
        <Typography.Title level={2}>{t('lead.title')}</Typography.Title>
        <ErrorView error={lead.error} />
      </section>
    );
  }
  const l = lead.data;
  return (
    <section>
      {role && areasByRole[role].includes('queue') ? (
        <Link to="/queue" style={linkStyle}>
          ← {t('lead.back')}
        </Link>
      ) : null}
      <Typography.Title level={2} style={{ marginTop: 8 }}>
        {l ? (l.name ?? l.phone ?? t('lead.unnamed')) : t('lead.title')}{' '}
        {l ? <LeadStatusTag status={l.status} /> : null}
      </Typography.Title>
      {/* The cards read their own parts of the lead by its id, alongside the lead itself. */}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {l ? <LeadFacts lead={l} /> : <Skeleton active />}
            <ScoreCard leadId={id} />
            <QualificationCard leadId={id} />
            {l ? <SourceCard lead={l} /> : null}
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {role && transferRoles.includes(role) ? <TransferPanel leadId={id} /> : null}
            {role && loggingRoles.includes(role) ? <ActivityLogger leadId={id} /> : null}
            <LeadTimeline leadId={id} />
          </Space>
        </Col>
      </Row>
    </section>
  );
}
