import { useQuery } from '@tanstack/react-query';
import { Col, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api';
import { LeadStatusTag } from '../../components/LeadStatusTag';
import { ErrorView } from '../ErrorView';
import { linkStyle } from '../queue/styles';
import { ActivityLogger } from './ActivityLogger';
import { LeadFacts } from './LeadFacts';
import { LeadTimeline } from './LeadTimeline';
import type { Lead } from './lead-api';
import { QualificationCard } from './QualificationCard';
import { ScoreCard } from './ScoreCard';
import { SourceCard } from './SourceCard';
import { TransferPanel } from './TransferPanel';

/** /leads/:id — the SDR's lead page: facts, score, sources, qualification, activities, transfer, timeline. */
export default function LeadPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const lead = useQuery({
    queryKey: ['lead', id, 'lead'],
    queryFn: () => api<Lead>('GET', `/leads/${encodeURIComponent(id)}`),
    retry: false,
  });
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
      <Link to="/queue" style={linkStyle}>
        ← {t('lead.back')}
      </Link>
      <Typography.Title level={2} style={{ marginTop: 8 }}>
        {l ? (l.name ?? l.phone ?? t('lead.unnamed')) : t('lead.title')}{' '}
        {l ? <LeadStatusTag status={l.status} /> : null}
      </Typography.Title>
      {l ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={15}>
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <LeadFacts lead={l} />
              <ScoreCard leadId={l.id} />
              <QualificationCard leadId={l.id} />
              <SourceCard lead={l} />
            </Space>
          </Col>
          <Col xs={24} xl={9}>
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <TransferPanel leadId={l.id} />
              <ActivityLogger leadId={l.id} />
              <LeadTimeline leadId={l.id} />
            </Space>
          </Col>
        </Row>
      ) : null}
    </section>
  );
}
