import { Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Stub: replaced by the queue screen. */
export default function QueuePage() {
  const { t } = useTranslation();
  return (
    <section>
      <Typography.Title level={2}>{t('queue.title')}</Typography.Title>
      <Empty description={<Typography.Text>{t('placeholder.laterRelease')}</Typography.Text>} />
    </section>
  );
}
