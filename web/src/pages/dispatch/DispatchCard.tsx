import { Card, Col, Flex, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../format';
import type { Rep } from '../../reps';
import { useRoutingLineWords } from '../../routing-lines';
import { CandidateTable } from './CandidateTable';
import { CommentThread } from './CommentThread';
import type { DispatchItem } from './dispatchApi';
import { ResolveForm } from './ResolveForm';

/** Why the request is on the board: the SDR's reason, or what routing tried and why nobody fitted. */
function Reasons({ item }: { item: DispatchItem }) {
  const { t } = useTranslation();
  const words = useRoutingLineWords();
  const { handoff } = item;
  if (handoff.mode === 'manual' && handoff.requestReason) {
    return (
      <Typography.Paragraph>{t('dispatch.reason.manual', { reason: handoff.requestReason })}</Typography.Paragraph>
    );
  }
  return (
    <>
      <Typography.Paragraph>{t('dispatch.reason.nobody')}</Typography.Paragraph>
      {handoff.requestReason ? <Typography.Paragraph>{handoff.requestReason}</Typography.Paragraph> : null}
      <ul>
        {handoff.explanation.map((step, i) => (
          // Steps have no id; their order is the routing order.
          // biome-ignore lint/suspicious/noArrayIndexKey: the explanation is a fixed list
          <li key={i}>{words(step)}</li>
        ))}
      </ul>
    </>
  );
}

/** One open request: the lead, the reasons, the candidate reps, the discussion, and the resolve form. */
export function DispatchCard(props: {
  item: DispatchItem;
  reps: Rep[];
  canResolve: boolean;
  nameOf(userId: string): string;
  onResolved(name: string): void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const { handoff, lead } = props.item;
  const name = lead?.name ?? lead?.company ?? handoff.leadId;
  const ownerId = handoff.explanation.find((s) => s.step === 'account' && s.repId)?.repId ?? null;
  const facts: [string, string | null | undefined][] = [
    [t('dispatch.lead.company'), lead?.company],
    [t('dispatch.lead.jobTitle'), lead?.title],
    [t('dispatch.lead.region'), lead?.region],
    [t('dispatch.lead.industry'), lead?.industry],
    [t('dispatch.lead.score'), lead ? `${f.number(lead.score)}${lead.grade ? ` (${lead.grade})` : ''}` : null],
  ];
  return (
    <article aria-label={t('dispatch.request', { name })}>
      <Card
        style={{ marginBottom: 16 }}
        title={
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('dispatch.request', { name })}
          </Typography.Title>
        }
        extra={
          <Link to={`/leads/${handoff.leadId}`} style={{ color: '#0958d9' }}>
            {t('dispatch.lead.open')}
          </Link>
        }
      >
        <Flex gap={24} wrap style={{ marginBottom: 8 }}>
          {facts.map(([label, value]) => (
            <Typography.Text key={label}>
              {t('dispatch.fact', { label, value: value ?? t('common.none') })}
            </Typography.Text>
          ))}
        </Flex>
        <Typography.Paragraph>
          {t('dispatch.createdAt', { at: f.dateTime(handoff.createdAt) })}
          {handoff.sdrId ? ` · ${t('dispatch.sdr', { name: props.nameOf(handoff.sdrId) })}` : ''}
        </Typography.Paragraph>
        <Typography.Title level={4}>{t('dispatch.reason.title')}</Typography.Title>
        <Reasons item={props.item} />
        <Typography.Title level={4}>{t('dispatch.candidates.title')}</Typography.Title>
        <CandidateTable reps={props.reps} ownerId={ownerId} />
        <Row gutter={24} style={{ marginTop: 16 }}>
          <Col xs={24} lg={12}>
            <CommentThread dispatchId={handoff.id} comments={props.item.comments} nameOf={props.nameOf} />
          </Col>
          <Col xs={24} lg={12}>
            <Typography.Title level={4}>{t('dispatch.resolve.title')}</Typography.Title>
            {props.canResolve ? (
              <ResolveForm dispatchId={handoff.id} reps={props.reps} ownerId={ownerId} onResolved={props.onResolved} />
            ) : (
              <Typography.Paragraph>{t('dispatch.resolve.readOnly')}</Typography.Paragraph>
            )}
          </Col>
        </Row>
      </Card>
    </article>
  );
}
