/** SDR scorecards (SPEC §8.3): behaviour and outcomes, with the SQLs credited under the credit rule. */
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format';
import { ErrorView } from '../ErrorView';
import { ReportTable } from './ReportTable';
import { type Period, type SdrReport, type SdrRow, useReport } from './reports';

export function SdrTab({ period }: { period: Period }) {
  const { t } = useTranslation();
  const f = useFormat();
  const report = useReport<SdrReport>('/reports/sdr', { ...period });
  if (report.error) return <ErrorView error={report.error} />;
  return (
    <ReportTable<SdrRow>
      title={t('dashboard.sdr.title')}
      file={t('dashboard.files.sdr')}
      loading={report.isPending}
      rows={report.data?.rows ?? []}
      rowKey={(r) => r.sdrId}
      columns={[
        { key: 'name', title: t('dashboard.sdr.name'), value: (r) => r.name },
        { key: 'calls', title: t('dashboard.sdr.calls'), value: (r) => r.calls, numeric: true },
        {
          key: 'talkTime',
          title: t('dashboard.sdr.talkTime'),
          value: (r) => r.talkTimeSec,
          render: (r) => f.duration(r.talkTimeSec * 1000),
          numeric: true,
        },
        {
          key: 'leadsContacted',
          title: t('dashboard.sdr.leadsContacted'),
          value: (r) => r.leadsContacted,
          numeric: true,
        },
        { key: 'mqls', title: t('dashboard.sdr.mqls'), value: (r) => r.mqls, numeric: true },
        { key: 'sqls', title: t('dashboard.sdr.sqls'), value: (r) => r.sqls, numeric: true },
        {
          key: 'creditedSqls',
          title: t('dashboard.sdr.creditedSqls'),
          value: (r) => r.creditedSqls,
          render: (r) => f.number(r.creditedSqls, 2),
          numeric: true,
        },
        {
          key: 'provisional',
          title: t('dashboard.sdr.provisional'),
          value: (r) => r.provisionalCredit,
          render: (r) => f.number(r.provisionalCredit, 2),
          numeric: true,
        },
        { key: 'opportunities', title: t('dashboard.sdr.opportunities'), value: (r) => r.opportunities, numeric: true },
      ]}
    />
  );
}
