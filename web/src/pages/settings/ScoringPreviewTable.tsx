import { Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PreviewItem, PreviewScore, ScoringPreview } from './ScoringTypes';

/** What the candidate rules would do to each recent lead: score and grade now and with the candidate. */
export function ScoringPreviewTable({ preview }: { preview: ScoringPreview }) {
  const { t } = useTranslation();
  const [changedOnly, setChangedOnly] = useState(false);
  const score = (s: PreviewScore) => `${s.total} · ${s.grade}`;
  const rows = changedOnly ? preview.items.filter((i) => i.difference !== 0 || i.gradeChanged) : preview.items;
  return (
    <section aria-label={t('settingsScoring.previewTitle', { count: preview.items.length })}>
      <Typography.Title level={4}>
        {t('settingsScoring.previewTitle', { count: preview.items.length })}
      </Typography.Title>
      <Typography.Paragraph>
        <span role="status">{t('settingsScoring.previewSummary', { changed: preview.changed })}</span>{' '}
        <Switch
          size="small"
          checked={changedOnly}
          onChange={setChangedOnly}
          aria-label={t('settingsScoring.changedOnly')}
          style={{ marginInlineStart: 16 }}
        />{' '}
        <span aria-hidden="true">{t('settingsScoring.changedOnly')}</span>
      </Typography.Paragraph>
      <Table<PreviewItem>
        size="small"
        rowKey="leadId"
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: t('settingsScoring.lead'),
            render: (_, i) => (
              <Link to={`/leads/${i.leadId}`}>{[i.name, i.company].filter(Boolean).join(' · ') || i.leadId}</Link>
            ),
          },
          {
            title: t('settingsScoring.title_'),
            dataIndex: 'title',
            render: (v: string | null) => v ?? t('common.none'),
          },
          { title: t('settingsScoring.current'), align: 'right', render: (_, i) => score(i.current) },
          {
            title: t('settingsScoring.candidate'),
            align: 'right',
            render: (_, i) =>
              i.difference !== 0 || i.gradeChanged ? <strong>{score(i.candidate)}</strong> : score(i.candidate),
          },
          {
            title: t('settingsScoring.difference'),
            dataIndex: 'difference',
            align: 'right',
            render: (d: number) => (d > 0 ? `+${d}` : String(d)),
          },
        ]}
      />
    </section>
  );
}
