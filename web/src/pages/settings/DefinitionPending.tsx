import { Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api';
import { useFormat } from '../../format';
import { areasByRole } from '../../navigation';
import { DefinitionDiff } from './DefinitionDiff';
import { DefinitionSimulation } from './DefinitionSimulation';
import { approvalSideOfRole, type DefinitionVersion } from './DefinitionTypes';

interface Props {
  proposal: DefinitionVersion;
  inForce: DefinitionVersion;
  me: User;
  /** Names of the people, when the signed-in role may list users. */
  nameOf: (userId: string) => string | undefined;
  busy: boolean;
  onApprove: () => void;
  onReject: () => void;
}

/** One pending proposal: who proposed it, who has approved, who still must, the diff, and the decisions. */
export function DefinitionPending({ proposal, inForce, me, nameOf, busy, onApprove, onReject }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const person = (userId: string, role: string) => {
    const name = userId === me.id ? me.name : nameOf(userId);
    return name ? t('settingsDefinitions.person', { name, role: t(`roles.${role}`) }) : t(`roles.${role}`);
  };
  const mySide = approvalSideOfRole[me.role];
  const approvedByMe = proposal.approvals.some((a) => a.userId === me.id);
  const canApprove = !!mySide && proposal.awaiting.includes(mySide) && !approvedByMe;
  const canReject = !!mySide || proposal.proposedBy?.userId === me.id;
  const title = t('settingsDefinitions.version', { version: proposal.version });
  return (
    <section aria-label={title}>
      <Card size="small" title={title} style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('settingsDefinitions.proposedBy')}>
            {proposal.proposedBy
              ? `${person(proposal.proposedBy.userId, proposal.proposedBy.role)} · ${f.dateTime(proposal.proposedAt)}`
              : t('settingsDefinitions.system')}
          </Descriptions.Item>
          {proposal.note ? (
            <Descriptions.Item label={t('settingsDefinitions.note')}>{proposal.note}</Descriptions.Item>
          ) : null}
          <Descriptions.Item label={t('settingsDefinitions.effectiveFrom')}>
            {f.dateTime(proposal.effectiveFrom)}
          </Descriptions.Item>
          <Descriptions.Item label={t('settingsDefinitions.approvals')}>
            {proposal.approvals.length
              ? proposal.approvals.map((a) => (
                  <Tag key={a.side} color="green">
                    {t(`settingsDefinitions.side.${a.side}`)}: {person(a.userId, a.role)}
                  </Tag>
                ))
              : t('settingsDefinitions.noApprovals')}
          </Descriptions.Item>
          <Descriptions.Item label={t('settingsDefinitions.awaiting')}>
            {proposal.awaiting.map((side) => (
              <Tag key={side} color="orange">
                {t(`settingsDefinitions.side.${side}`)}
              </Tag>
            ))}
          </Descriptions.Item>
        </Descriptions>
        <div style={{ margin: '12px 0' }}>
          <Typography.Text strong>{t('settingsDefinitions.diff')}</Typography.Text>
          <DefinitionDiff inForce={inForce} proposal={proposal} />
        </div>
        {proposal.kind === 'mql' && areasByRole[me.role].includes('simulate') ? (
          <DefinitionSimulation proposal={proposal} />
        ) : null}
        {canApprove || canReject ? (
          <Space>
            {canApprove ? (
              <Button type="primary" loading={busy} onClick={onApprove}>
                {t('settingsDefinitions.approve')}
              </Button>
            ) : null}
            {canReject ? (
              <Button danger onClick={onReject}>
                {t('settingsDefinitions.reject')}
              </Button>
            ) : null}
          </Space>
        ) : null}
      </Card>
    </section>
  );
}
