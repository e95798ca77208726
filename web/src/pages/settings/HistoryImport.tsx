import { Alert, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { SpreadsheetImport } from '../../components/SpreadsheetImport';

interface HistoryImportResult {
  id: string;
  status: string;
  created: number;
  merged: number;
  failed: number;
  errorReportUrl: string | null;
  fieldTypes?: Record<string, string>;
}

/**
 * History import (SPEC §10.1; POST /imports with mode=history): last year's CRM export, the rows
 * the model learns from — the counts, the custom columns' inferred types and the error report.
 */
export function HistoryImport({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  return (
    <SpreadsheetImport<HistoryImportResult>
      titleId="history-import-title"
      title={t('settingsModels.history.title')}
      level={4}
      style={{ marginBottom: 24 }}
      hint={t('settingsModels.history.hint')}
      button={t('settingsModels.history.button')}
      path="/imports"
      fields={{ mode: 'history' }}
      onImported={onImported}
    >
      {(result) => {
        const types = Object.entries(result.fieldTypes ?? {});
        return (
          <>
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
          </>
        );
      }}
    </SpreadsheetImport>
  );
}
