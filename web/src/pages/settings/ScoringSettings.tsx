import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Card, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useFormat } from '../../format';
import { prefetchedFreshMs } from '../../prefetch';
import { useMe } from '../../session';
import { ErrorView } from '../ErrorView';
import { ScoringEditor } from './ScoringEditor';
import { ScoringPreviewTable } from './ScoringPreviewTable';
import { ScoringRulesTable } from './ScoringRulesTable';
import { type RulesView, type ScoringPreview, scoringManagers, scoringRulesKey } from './ScoringTypes';

export const scoringRulesQuery = queryOptions({
  queryKey: scoringRulesKey,
  queryFn: () => api<RulesView>('GET', '/scoring/rules'),
  staleTime: prefetchedFreshMs,
});

/**
 * Settings → scoring (SPEC §4.3): the rules in force as a table, and for those who may change
 * them a JSON editor with a preview on the most recent real leads (POST /scoring/preview,
 * nothing written) before saving (PUT /scoring/rules).
 */
export function ScoringSettings() {
  const { t } = useTranslation();
  const f = useFormat();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const me = useMe().data;
  const [preview, setPreview] = useState<ScoringPreview | null>(null);
  const rules = useQuery(scoringRulesQuery);

  if (rules.error) return <ErrorView error={rules.error} />;
  const view = rules.data;
  return (
    <>
      <Typography.Title level={3}>{t('settingsScoring.title')}</Typography.Title>
      {view ? (
        <Typography.Paragraph>
          {view.version ? t('settingsScoring.version', { version: view.version }) : t('settingsScoring.defaults')}
          {view.savedAt ? ` · ${t('settingsScoring.savedAt', { date: f.dateTime(view.savedAt) })}` : ''}
        </Typography.Paragraph>
      ) : null}
      <Card size="small" title={t('settingsScoring.rulesTable')} loading={rules.isPending} style={{ marginBottom: 16 }}>
        {view ? <ScoringRulesTable rules={view.rules} /> : null}
      </Card>
      {view && me && scoringManagers.includes(me.role) ? (
        <Card size="small" title={t('settingsScoring.edit')} style={{ marginBottom: 16 }}>
          <ScoringEditor
            rules={view.rules}
            version={view.version}
            onPreview={async (candidate, limit) => {
              setPreview(await api<ScoringPreview>('POST', '/scoring/preview', { rules: candidate, limit }));
            }}
            onSave={async (candidate) => {
              const saved = await api<RulesView & { rescored: number }>('PUT', '/scoring/rules', { rules: candidate });
              void message.success(t('settingsScoring.saved', { version: saved.version, rescored: saved.rescored }));
              setPreview(null);
              queryClient.setQueryData(scoringRulesKey, saved);
            }}
          />
        </Card>
      ) : null}
      {preview ? <ScoringPreviewTable preview={preview} /> : null}
    </>
  );
}
