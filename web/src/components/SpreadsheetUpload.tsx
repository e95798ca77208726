import { Button, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { RefusalView } from './RefusalView';

/**
 * A button that picks a CSV or XLSX file and hands it over (the file is never uploaded by antd
 * itself), with the failed call's error under it: a refused file names what is wrong with it in
 * the reader's language.
 */
export function SpreadsheetUpload({
  label,
  pending,
  error,
  onFile,
}: {
  label: string;
  pending: boolean;
  error: Error | null;
  onFile: (file: File) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Upload
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        showUploadList={false}
        beforeUpload={(file) => {
          onFile(file);
          return false;
        }}
      >
        <Button loading={pending}>{label}</Button>
      </Upload>
      {error ? (
        <div style={{ marginTop: 12 }}>
          <RefusalView error={error} title={t('errors.fileRefused')} />
        </div>
      ) : null}
    </>
  );
}
