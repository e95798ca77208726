import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format';
import type { AnswerType, Bilingual, Criterion, Framework } from './FrameworkModel';

/** A text of the framework in the user's language. */
export function useBilingual(): (text: Bilingual) => string {
  const { i18n } = useTranslation();
  return (text) => (i18n.language === 'en' ? text.en : text.zh) || text.zh || text.en;
}

function useAnswerText(): (answer: AnswerType, points: number) => string {
  const { t } = useTranslation();
  const text = useBilingual();
  const format = useFormat();
  return (answer, points) => {
    switch (answer.type) {
      case 'yes_no_unknown':
        return t('settingsFrameworks.answer.yes_no_unknown');
      case 'choice':
        return t('settingsFrameworks.answer.choice', {
          options: answer.options
            .map((o) =>
              t('settingsFrameworks.optionPoints', { label: text(o.label), points: format.number(o.points ?? points) }),
            )
            .join(' / '),
        });
      case 'number': {
        const bounds = [
          answer.min !== undefined ? `≥ ${format.number(answer.min)}` : null,
          answer.max !== undefined ? `≤ ${format.number(answer.max)}` : null,
          answer.unit ?? null,
        ].filter(Boolean);
        return bounds.length
          ? t('settingsFrameworks.answer.numberRange', { range: bounds.join(', ') })
          : t('settingsFrameworks.answer.number');
      }
      case 'text':
        return t('settingsFrameworks.answer.text', { max: format.number(answer.maxLength) });
    }
  };
}

/** One template read as people read it: its questions in order, in the user's language. */
export function FrameworkCard({ framework, onEdit }: { framework: Framework; onEdit?: () => void }) {
  const { t } = useTranslation();
  const text = useBilingual();
  const answerText = useAnswerText();
  const format = useFormat();
  const name = text(framework.name);
  const total = framework.criteria.reduce((sum, c) => {
    const best = c.answer.type === 'choice' ? Math.max(...c.answer.options.map((o) => o.points ?? c.points)) : c.points;
    return sum + Math.max(best, 0);
  }, 0);
  return (
    <Card
      title={
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {name}
          </Typography.Title>
          <Tag color={framework.builtIn ? 'blue' : 'green'}>
            {framework.builtIn ? t('settingsFrameworks.builtIn') : t('settingsFrameworks.custom')}
          </Tag>
        </Space>
      }
      extra={
        onEdit ? (
          <Button onClick={onEdit} aria-label={t('settingsFrameworks.editNamed', { name })}>
            {t('settingsFrameworks.edit')}
          </Button>
        ) : null
      }
      style={{ marginBottom: 16 }}
    >
      <Typography.Paragraph type="secondary">
        {t('settingsFrameworks.id')}: <code>{framework.id}</code> ·{' '}
        {t('settingsFrameworks.criteriaCount', { count: framework.criteria.length })} ·{' '}
        {t('settingsFrameworks.totalPoints', { points: format.number(total) })}
      </Typography.Paragraph>
      <Table<Criterion>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={framework.criteria}
        aria-label={name}
        columns={[
          { title: t('settingsFrameworks.columns.order'), key: 'order', width: 48, render: (_v, _c, i) => i + 1 },
          { title: t('settingsFrameworks.columns.label'), key: 'label', render: (_v, c) => text(c.label) },
          { title: t('settingsFrameworks.columns.question'), key: 'question', render: (_v, c) => text(c.question) },
          {
            title: t('settingsFrameworks.columns.answer'),
            key: 'answer',
            render: (_v, c) => answerText(c.answer, c.points),
          },
          {
            title: t('settingsFrameworks.columns.points'),
            key: 'points',
            width: 72,
            render: (_v, c) => format.number(c.points),
          },
          {
            title: t('settingsFrameworks.columns.key'),
            dataIndex: 'key',
            render: (key: string) => <code>{key}</code>,
          },
        ]}
      />
    </Card>
  );
}
