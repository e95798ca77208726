import { queryOptions, useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api';
import { LeadStatusTag } from '../../components/LeadStatusTag';
import { RoutingExplanation } from '../../components/RoutingExplanation';
import { useFormat } from '../../format';
import { type Prefetch, prefetchedFreshMs } from '../../prefetch';
import { ErrorView } from '../ErrorView';
import { SlaCountdown } from '../inbox/SlaCountdown';
import { type Handoff, type HandoffPage as HandoffList, REFETCH_MS } from '../inbox/types';
import { DecisionForm, reasonLabel, useReasons } from './DecisionForm';
import { MqlPackageView } from './MqlPackageView';

const handoffQuery = (id: string) =>
  queryOptions({
    queryKey: ['handoff', id],
    queryFn: () => api<Handoff>('GET', `/handoffs/${encodeURIComponent(id)}`),
    staleTime: prefetchedFreshMs,
  });

// The list answers the lead's name and company, the SDR's name and the SLA at the server clock.
const summaryQuery = (leadId: string) =>
  queryOptions({
    queryKey: ['handoffs', 'lead', leadId],
    queryFn: () => api<HandoffList>('GET', `/handoffs?leadId=${encodeURIComponent(leadId)}&limit=200`),
    refetchInterval: REFETCH_MS,
    staleTime: prefetchedFreshMs,
  });

/** The hand-off, then its lead's summary, read as soon as the chunk is there. */
export const prefetch: Prefetch = (client, pathname) => {
  const id = decodeURIComponent(pathname.split('/')[2] ?? '');
  if (!id) return;
  client.fetchQuery(handoffQuery(id)).then(
    (handoff) => client.prefetchQuery(summaryQuery(handoff.leadId)),
    () => undefined, // the screen shows the error when it reads the hand-off itself
  );
};

/**
 * One hand-off (`/handoffs/:id`, where the chat-robot cards link): the lead, the SLA countdown,
 * Accept / Reject / Return with a reason and a note, and the MQL package. Laid out in one column
 * that wraps, so it works at phone width.
 */
export default function HandoffPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [notice, setNotice] = useState<string | null>(null);
  const handoff = useQuery(handoffQuery(id));
  const leadId = handoff.data?.leadId;
  const summary = useQuery({ ...summaryQuery(leadId ?? ''), enabled: Boolean(leadId) });
  const decided = handoff.data?.status === 'rejected' ? 'reject' : 'return';
  const decisionReasons = useReasons(decided, Boolean(handoff.data?.decision?.reason));

  if (handoff.error) return <ErrorView error={handoff.error} />;
  // Until the summary is there the page would name nobody: it is loading, not done.
  if (!handoff.data || summary.isPending) return <Spin />;
  const h = handoff.data;
  const item = summary.data?.items.find((i) => i.handoff.id === h.id);
  const name = item?.lead.name ?? t('handoff.unnamed');
  const none = t('common.none');

  return (
    <section style={{ maxWidth: 960 }}>
      <Link to="/inbox" style={{ color: '#0958d9' }}>
        {t('handoff.back')}
      </Link>
      <Typography.Title level={2} style={{ marginTop: 8, overflowWrap: 'anywhere' }}>
        {t('handoff.title', { name })}
      </Typography.Title>
      {notice ? (
        <Alert type="success" title={notice} closable onClose={() => setNotice(null)} style={{ marginBottom: 16 }} />
      ) : null}
      <Descriptions
        column={{ xs: 1, sm: 1, md: 2, lg: 3, xl: 3, xxl: 3 }}
        size="small"
        style={{ marginBottom: 16 }}
        items={[
          { key: 'company', label: t('handoff.facts.company'), children: item?.lead.company ?? none },
          { key: 'sdr', label: t('handoff.facts.sdr'), children: item?.sdrName ?? none },
          { key: 'receivedAt', label: t('handoff.facts.receivedAt'), children: format.dateTime(h.createdAt) },
          {
            key: 'state',
            label: t('handoff.facts.state'),
            children: <Tag>{t(`handoff.state.${h.status}`, { defaultValue: h.status })}</Tag>,
          },
          {
            key: 'leadStatus',
            label: t('handoff.facts.leadStatus'),
            children: item?.lead.status ? <LeadStatusTag status={item.lead.status} /> : none,
          },
          ...(item?.sla
            ? [
                {
                  key: 'sla',
                  label: t('handoff.facts.sla'),
                  children: <SlaCountdown sla={item.sla} fetchedAt={summary.dataUpdatedAt} detailed />,
                },
              ]
            : []),
          ...(h.requestReason
            ? [{ key: 'requestReason', label: t('handoff.facts.requestReason'), children: h.requestReason }]
            : []),
          ...(h.decision
            ? [
                {
                  key: 'decision',
                  label: t('handoff.facts.decision'),
                  children: (
                    <Space orientation="vertical" size={0}>
                      <span>
                        {t(`handoff.state.${h.status}`, { defaultValue: h.status })} · {format.dateTime(h.decision.at)}
                      </span>
                      {h.decision.reason ? (
                        <span>{reasonLabel(decisionReasons.data?.items, h.decision.reason, i18n.language)}</span>
                      ) : null}
                      {h.decision.note ? <span style={{ overflowWrap: 'anywhere' }}>{h.decision.note}</span> : null}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <DecisionForm handoff={h} leadStatus={item?.lead.status ?? null} onDecided={setNotice} />
      <section aria-labelledby="handoff-why" style={{ marginBottom: 16 }}>
        <Typography.Title level={3} id="handoff-why">
          {t('handoff.why')}
        </Typography.Title>
        <RoutingExplanation steps={h.explanation} />
      </section>
      <MqlPackageView pkg={h.package} />
    </section>
  );
}
