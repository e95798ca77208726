/**
 * The leads whose fate the candidate changes (SPEC §8.6), each with its outcome on both sides
 * and the reason in the reader's language; an evenly spread sample when many do.
 */
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ReportTable } from '../dashboard/ReportTable';
import { useChangeReason } from './change-reason';
import type { ChangedLead, LeadOutcome, Simulation } from './simulation';

/** Long cells wrap within the table's scroll width (rep ids and reasons run long). */
const wrap = (maxWidth: number) =>
  ({ minWidth: 160, maxWidth, whiteSpace: 'normal', overflowWrap: 'anywhere' }) as const;

export function ChangedLeads({ simulation, nameOf }: { simulation: Simulation; nameOf: (repId: string) => string }) {
  const { t } = useTranslation();
  const reason = useChangeReason(nameOf);
  const { changed, changedLeads } = simulation.diff;
  const outcome = (o: LeadOutcome) =>
    [
      o.score === null ? t('simulate.outcome.unscored') : `${o.score} · ${o.grade ?? t('common.none')}`,
      o.mql ? t('simulate.outcome.mql') : t('simulate.outcome.notMql'),
      t(`settingsRouting.paths.${o.path}`),
      o.handoffKind === 'dispatch'
        ? t('simulate.outcome.dispatch')
        : o.repId
          ? t(o.handoffKind === 'sync' ? 'simulate.outcome.sync' : 'simulate.outcome.rep', { name: nameOf(o.repId) })
          : null,
      o.slaBreached === null ? null : o.slaBreached ? t('simulate.outcome.breach') : t('simulate.outcome.onTime'),
    ]
      .filter(Boolean)
      .join(' · ');
  const leadName = (c: ChangedLead) => [c.name, c.company].filter(Boolean).join(' · ') || c.leadId;
  return (
    <ReportTable<ChangedLead>
      title={t('simulate.changedTitle')}
      file={t('simulate.files.changed')}
      rows={changedLeads}
      rowKey={(c) => c.leadId}
      extra={
        <Typography.Paragraph>
          {changed === changedLeads.length
            ? t('simulate.changedAll', { count: changed })
            : t('simulate.changedSample', { count: changed, shown: changedLeads.length })}
        </Typography.Paragraph>
      }
      columns={[
        {
          key: 'lead',
          title: t('simulate.lead'),
          value: leadName,
          render: (c) => <Link to={`/leads/${c.leadId}`}>{leadName(c)}</Link>,
        },
        {
          key: 'current',
          title: t('simulate.currentOutcome'),
          value: (c) => outcome(c.current),
          render: (c) => <div style={wrap(240)}>{outcome(c.current)}</div>,
        },
        {
          key: 'candidate',
          title: t('simulate.candidateOutcome'),
          value: (c) => outcome(c.candidate),
          render: (c) => <div style={wrap(240)}>{outcome(c.candidate)}</div>,
        },
        {
          key: 'reason',
          title: t('simulate.reason'),
          value: (c) => reason(c.reasonParts),
          render: (c) => <div style={wrap(480)}>{reason(c.reasonParts)}</div>,
        },
      ]}
    />
  );
}
