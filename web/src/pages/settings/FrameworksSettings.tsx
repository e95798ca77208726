import { queryOptions, useQuery } from '@tanstack/react-query';
import { Button, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { prefetchedFreshMs } from '../../prefetch';
import { useMe } from '../../session';
import { ErrorView } from '../ErrorView';
import { FrameworkCard } from './FrameworkCard';
import { FrameworkEditor, frameworksKey } from './FrameworkEditor';
import type { Framework } from './FrameworkModel';

const managers = ['admin', 'sdr_lead'];

export const frameworksQuery = queryOptions({
  queryKey: frameworksKey,
  queryFn: () => api<{ items: Framework[] }>('GET', '/frameworks'),
  staleTime: prefetchedFreshMs,
});

/** Settings → qualification templates (SPEC §4.1): every template readable, custom ones created and edited. */
export function FrameworksSettings() {
  const { t } = useTranslation();
  const me = useMe();
  const frameworks = useQuery(frameworksQuery);
  const [editor, setEditor] = useState<{ editing: Framework | null } | null>(null);
  const canManage = managers.includes(me.data?.role ?? '');

  if (frameworks.error) return <ErrorView error={frameworks.error} />;
  return (
    <>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3}>{t('settingsFrameworks.title')}</Typography.Title>
        {canManage ? (
          <Button type="primary" onClick={() => setEditor({ editing: null })}>
            {t('settingsFrameworks.add')}
          </Button>
        ) : null}
      </Space>
      <Typography.Paragraph>{t('settingsFrameworks.intro')}</Typography.Paragraph>
      {frameworks.isPending ? <Skeleton active /> : null}
      {(frameworks.data?.items ?? []).map((f) => (
        <FrameworkCard
          key={f.id}
          framework={f}
          onEdit={canManage && !f.builtIn ? () => setEditor({ editing: f }) : undefined}
        />
      ))}
      <FrameworkEditor open={editor !== null} editing={editor?.editing ?? null} onClose={() => setEditor(null)} />
    </>
  );
}
