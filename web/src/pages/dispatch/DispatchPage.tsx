import { Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Stub: replaced by the dispatch screen. */
export default function DispatchPage() {
  const { t } = useTranslation();
  return (
    <section>
      <Typography.Title level={2}>{t('dispatch.title')}</Typography.Title>
      <Empty description={<Typography.Text>{t('placeholder.laterRelease')}</Typography.Text>} />
    </section>
  );
}
