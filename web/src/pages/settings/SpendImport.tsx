import { useQueryClient } from '@tanstack/react-query';
import { Alert, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { type FieldError, fieldErrorLine } from '../../api';
import { SpreadsheetImport } from '../../components/SpreadsheetImport';

interface ImportResult {
  imported: number;
  months: string[];
  failed: { row: number; errors: FieldError[] }[];
}

/** Spend import (POST /spend/import, CSV or XLSX): the rows imported, and each failed row with its errors. */
export function SpendImport() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <SpreadsheetImport<ImportResult>
      titleId="spend-import-title"
      title={t('settingsChannels.import.title')}
      level={3}
      style={{ marginTop: 32 }}
      hint={t('settingsChannels.import.hint')}
      button={t('settingsChannels.import.button')}
      path="/spend/import"
      onImported={() => void queryClient.invalidateQueries({ queryKey: ['spend'] })}
    >
      {(result) => (
        <>
          <Alert
            type={result.failed.length ? 'warning' : 'success'}
            title={
              result.imported
                ? t('settingsChannels.import.done', { imported: result.imported, months: result.months.join(', ') })
                : t('settingsChannels.import.doneNone')
            }
            description={
              result.failed.length ? t('settingsChannels.import.failed', { count: result.failed.length }) : undefined
            }
          />
          {result.failed.length ? (
            <Table
              size="small"
              rowKey="row"
              style={{ marginTop: 8 }}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              dataSource={result.failed}
              columns={[
                { title: t('settingsChannels.import.row'), dataIndex: 'row', width: 80 },
                {
                  title: t('settingsChannels.import.errors'),
                  key: 'errors',
                  render: (_, f) => f.errors.map((e) => fieldErrorLine(e, i18n.language)).join('; '),
                },
              ]}
            />
          ) : null}
        </>
      )}
    </SpreadsheetImport>
  );
}
