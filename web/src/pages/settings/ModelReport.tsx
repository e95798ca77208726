import { Card, Descriptions, List, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format';
import { useTermWords } from '../../prediction';
import { muted } from '../queue/styles';
import type { ModelView } from './ModelTypes';

/**
 * A trained model's report (issue 9 "honest evaluation"): measured on the newest 30% it never
 * saw — AUC, Brier, lift, the calibration table — its top features in words, and the columns it
 * left out because they were only known after the outcome.
 */
export function ModelReport({ model }: { model: ModelView }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const words = useTermWords();
  const m = model.metrics;
  if (!m) return null;
  return (
    <Card
      size="small"
      title={
        <h4 style={{ margin: 0 }}>
          {t('settingsModels.report.title', { target: t(`settingsModels.targets.${model.target}`) })}
        </h4>
      }
      style={{ marginTop: 16 }}
    >
      <Descriptions
        size="small"
        styles={{ label: muted }}
        column={{ xs: 1, sm: 2, md: 4 }}
        items={[
          { key: 'n', label: t('settingsModels.report.n'), children: f.number(m.n) },
          {
            key: 'positives',
            label: t('settingsModels.report.positives'),
            children: `${f.number(m.positives)} (${f.percent(m.baseRate)})`,
          },
          { key: 'testN', label: t('settingsModels.report.testN'), children: f.number(m.testN) },
          { key: 'auc', label: t('settingsModels.report.auc'), children: <strong>{f.number(m.auc, 3)}</strong> },
          { key: 'brier', label: t('settingsModels.report.brier'), children: f.number(m.brier, 3) },
          { key: 'lift', label: t('settingsModels.report.lift'), children: `${f.number(m.liftTopDecile, 2)}×` },
        ]}
      />
      <Typography.Paragraph type="secondary">{t('settingsModels.report.honest')}</Typography.Paragraph>
      <div className="model-report-columns">
        <section aria-labelledby={`features-${model.id}`}>
          <h5 id={`features-${model.id}`}>{t('settingsModels.report.topFeatures')}</h5>
          <List
            size="small"
            dataSource={model.topFeatures}
            renderItem={(feature) => (
              <List.Item>
                <span className={feature.effect >= 0 ? 'effect-up' : 'effect-down'}>{words(feature)}</span>
              </List.Item>
            )}
          />
        </section>
        <section aria-labelledby={`calibration-${model.id}`}>
          <h5 id={`calibration-${model.id}`}>{t('settingsModels.report.calibration')}</h5>
          <Table
            size="small"
            pagination={false}
            rowKey={(row) => `${row.predicted}-${row.n}`}
            dataSource={m.calibration}
            columns={[
              {
                title: t('settingsModels.report.predicted'),
                dataIndex: 'predicted',
                render: (v: number) => f.percent(v),
              },
              {
                title: t('settingsModels.report.observed'),
                dataIndex: 'observed',
                render: (v: number) => f.percent(v),
              },
              {
                title: t('settingsModels.report.leads'),
                dataIndex: 'n',
                align: 'right',
                render: (v: number) => f.number(v),
              },
            ]}
          />
        </section>
      </div>
      {model.excluded.length ? (
        <section aria-labelledby={`excluded-${model.id}`}>
          <h5 id={`excluded-${model.id}`}>{t('settingsModels.report.excluded')}</h5>
          <ul>
            {model.excluded.map((e) => (
              <li key={e.feature}>
                {t('settingsModels.report.excludedLine', {
                  feature: i18n.language === 'en' ? e.words.en : e.words['zh-CN'],
                  auc: f.number(e.auc, 2),
                })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Card>
  );
}
