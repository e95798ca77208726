import { Card, Col, Descriptions, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useChannelName } from '../../channels';
import { useFormat } from '../../format';
import { muted } from '../queue/styles';
import type { Lead, Source } from './lead-api';

function SourceList({ title, source }: { title: string; source: Source }) {
  const { t } = useTranslation();
  const format = useFormat();
  const channelName = useChannelName();
  const none = t('common.none');
  return (
    <Descriptions
      styles={{ label: muted }}
      title={title}
      size="small"
      column={1}
      items={[
        { key: 'channel', label: t('lead.source.channel'), children: channelName(source.channel) ?? none },
        { key: 'us', label: t('lead.source.utmSource'), children: source.utm.source ?? none },
        { key: 'um', label: t('lead.source.utmMedium'), children: source.utm.medium ?? none },
        { key: 'uc', label: t('lead.source.utmCampaign'), children: source.utm.campaign ?? none },
        { key: 'ut', label: t('lead.source.utmTerm'), children: source.utm.term ?? none },
        { key: 'un', label: t('lead.source.utmContent'), children: source.utm.content ?? none },
        {
          key: 'ref',
          label: t('lead.source.referrer'),
          children: <span style={{ wordBreak: 'break-all' }}>{source.referrer ?? none}</span>,
        },
        {
          key: 'lp',
          label: t('lead.source.landingPage'),
          children: <span style={{ wordBreak: 'break-all' }}>{source.landingPage ?? none}</span>,
        },
        {
          key: 'at',
          label: t('lead.source.at'),
          children: `${format.dateTime(source.at)}${source.inferredBy ? ` · ${t('lead.source.inferred', { rule: source.inferredBy })}` : ''}`,
        },
      ]}
    />
  );
}

/** Where the lead first came from and where it came from last, with the UTM fields. */
export function SourceCard({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  return (
    <Card title={t('lead.source.title')} size="small">
      <Row gutter={24}>
        <Col xs={24} md={12}>
          <SourceList title={t('lead.source.original')} source={lead.originalSource} />
        </Col>
        <Col xs={24} md={12}>
          <SourceList title={t('lead.source.latest')} source={lead.latestSource} />
        </Col>
      </Row>
    </Card>
  );
}
