import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, type FieldError } from '../../api';
import { SpreadsheetUpload } from '../../components/SpreadsheetUpload';

interface ImportResult {
  imported: number;
  months: string[];
  failed: { row: number; errors: FieldError[] }[];
}

/** POST /spend/import as multipart: the file in the field `file`. */
function uploadSpend(file: File): Promise<ImportResult> {
  const body = new FormData();
  body.append('file', file);
  return api<ImportResult>('POST', '/spend/import', body);
}

/** Spend import (CSV or XLSX): the rows imported, and each failed row with its errors. */
export function SpendImport() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: uploadSpend,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['spend'] }),
  });
  const result = upload.data;
  return (
    <section aria-labelledby="spend-import-title" style={{ marginTop: 32 }}>
      <Typography.Title level={3} id="spend-import-title">
        {t('settingsChannels.import.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('settingsChannels.import.hint')}</Typography.Paragraph>
      <SpreadsheetUpload
        label={t('settingsChannels.import.button')}
        pending={upload.isPending}
        error={upload.error}
        onFile={(file) => upload.mutate(file)}
      />
      {result ? (
        <div role="status" style={{ marginTop: 12 }}>
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
                  render: (_, f) => f.errors.map((e) => `${e.field}: ${e.message}`).join('; '),
                },
              ]}
            />
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
