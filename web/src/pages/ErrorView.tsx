import { Button, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../api';

/** What a failed call shows instead of a blank page: a 403 says plainly that the role may not. */
export function ErrorView({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  if (error instanceof ApiError && error.status === 403) {
    return (
      <Result
        status="403"
        title={t('errors.forbiddenTitle')}
        subTitle={
          <>
            <Typography.Paragraph>{t('errors.forbidden')}</Typography.Paragraph>
            {error.problem?.detail ? <Typography.Paragraph>{error.problem.detail}</Typography.Paragraph> : null}
          </>
        }
        extra={<Button onClick={() => navigate('/')}>{t('errors.backHome')}</Button>}
      />
    );
  }
  return (
    <Result
      status="error"
      title={t('errors.generic')}
      subTitle={
        error instanceof ApiError && error.problem?.detail ? (
          <Typography.Text>{error.problem.detail}</Typography.Text>
        ) : undefined
      }
    />
  );
}

export function NotFoundView() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('errors.notFoundTitle')}
      subTitle={<Typography.Text>{t('errors.notFound')}</Typography.Text>}
      extra={<Button onClick={() => navigate('/')}>{t('errors.backHome')}</Button>}
    />
  );
}
