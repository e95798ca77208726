import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldErrorLine, fieldMessage } from '../api';
import { ErrorView } from '../pages/ErrorView';

/**
 * A call the server refused with field errors (400, 422) as an alert naming each fault in the
 * reader's language (`messageZh` on Chinese pages); any other failure as ErrorView.
 */
export function RefusalView({
  error,
  title,
  showField = true,
}: {
  error: unknown;
  title: string;
  showField?: boolean;
}) {
  const { i18n } = useTranslation();
  const refused = error instanceof ApiError && (error.status === 400 || error.status === 422);
  const fieldErrors = refused ? (error.problem?.errors ?? []) : [];
  if (fieldErrors.length === 0) return <ErrorView error={error} />;
  return (
    <Alert
      type="error"
      showIcon
      title={title}
      description={fieldErrors.map((e) => (
        <div key={`${e.field}:${e.message}`}>
          {showField ? fieldErrorLine(e, i18n.language) : fieldMessage(e, i18n.language)}
        </div>
      ))}
    />
  );
}
