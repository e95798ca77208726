import { useMutation } from '@tanstack/react-query';
import { Alert, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { SpreadsheetUpload } from '../../components/SpreadsheetUpload';

interface HistoryImportResult {
  id: string;
  status: string;
  created: number;
  merged: number;
  failed: number;
  errorReportUrl: string | null;
  fieldTypes?: Record<string, string>;
}

/** POST /imports with mode=history: last year's CRM export, the rows the model learns from. */
function uploadHistory(file: File): Promise<HistoryImportResult> {
  const body = new FormData();
  body.append('mode', 'history');
  body.append('file', file);
  return api<HistoryImportResult>('POST', '/imports', body);
}

/** History import (SPEC §10.1): the counts, the custom columns' inferred types and the error report. */
export function HistoryImport({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const upload = useMutation({ mutationFn: uploadHistory, onSuccess: onImported });
  const result = upload.data;
  const types = Object.entries(result?.fieldTypes ?? {});
  return (
    <section aria-labelledby="history-import-title" style={{ marginBottom: 24 }}>
      <Typography.Title level={4} id="history-import-title">
        {t('settingsModels.history.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('settingsModels.history.hint')}</Typography.Paragraph>
      <SpreadsheetUpload
        label={t('settingsModels.history.button')}
        pending={upload.isPending}
        error={upload.error}
        onFile={(file) => upload.mutate(file)}
      />
      {result ? (
        <div role="status" style={{ marginTop: 12 }}>
          <Alert
            type={result.failed ? 'warning' : 'success'}
            title={t('settingsModels.history.done', {
              created: result.created,
              merged: result.merged,
              failed: result.failed,
            })}
            description={
              result.failed && result.errorReportUrl ? (
                <a href={result.errorReportUrl} download>
                  {t('settingsModels.history.errorReport')}
                </a>
              ) : undefined
            }
          />
          {types.length ? (
            <Descriptions
              size="small"
              style={{ marginTop: 8 }}
              title={t('settingsModels.history.fieldTypes')}
              column={{ xs: 1, md: 3 }}
              items={types.map(([column, type]) => ({
                key: column,
                label: column,
                children: t(`settingsModels.history.types.${type}`, { defaultValue: type }),
              }))}
            />
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
