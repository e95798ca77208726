import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format';
import { useTermWords } from '../../prediction';
import { useScoreLineWords } from '../../score-lines';
import { muted } from '../queue/styles';
import { type LeadScore, leadPartQuery } from './lead-api';

/** The score now, its grade and the rules that made it (GET /leads/{id}/score). */
export function ScoreCard({ leadId }: { leadId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const score = useQuery(leadPartQuery<LeadScore>(leadId, 'score'));
  const s = score.data;
  const words = useTermWords();
  const lineWords = useScoreLineWords();
  return (
    <Card title={t('lead.score.title')} size="small" loading={score.isPending}>
      {score.error ? <Alert type="error" title={t('errors.generic')} /> : null}
      {s ? (
        <>
          <Descriptions
            styles={{ label: muted }}
            size="small"
            column={{ xs: 2, md: 5 }}
            items={[
              { key: 'total', label: t('lead.score.total'), children: <strong>{s.total}</strong> },
              { key: 'grade', label: t('lead.score.grade'), children: <strong>{s.grade}</strong> },
              { key: 'fit', label: t('lead.score.fit'), children: s.fit },
              { key: 'engagement', label: t('lead.score.engagement'), children: s.engagement },
              { key: 'qualification', label: t('lead.score.qualification'), children: s.qualification },
            ]}
          />
          <Table
            size="small"
            rowKey={(r) => r.rule}
            pagination={false}
            dataSource={s.explanation}
            columns={[
              { title: t('lead.score.rule'), key: 'rule', render: (_, line) => lineWords(line) },
              {
                title: t('lead.score.points'),
                dataIndex: 'points',
                align: 'right',
                render: (p: number) => (p > 0 ? `+${p}` : p),
              },
            ]}
          />
          {s.predicted ? (
            <section aria-label={t('lead.score.predicted')} className="predicted-score">
              <Typography.Text strong>
                {t('lead.score.predictedLine', { probability: format.percent(s.predicted.probability) })}
              </Typography.Text>
              <ul>
                {s.predicted.factors.map((f) => (
                  <li key={f.feature}>{words(f)}</li>
                ))}
              </ul>
            </section>
          ) : null}
          <Typography.Text style={muted}>
            {t('lead.score.computedAt', { at: format.dateTime(s.computedAt) })}
            {s.qualificationFramework ? ` · ${t('lead.score.framework', { framework: s.qualificationFramework })}` : ''}
          </Typography.Text>
        </>
      ) : null}
    </Card>
  );
}
