import { Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Stub: replaced by the pool screen. */
export default function PoolPage() {
  const { t } = useTranslation();
  return (
    <section>
      <Typography.Title level={2}>{t('pool.title')}</Typography.Title>
      <Empty description={<Typography.Text>{t('placeholder.laterRelease')}</Typography.Text>} />
    </section>
  );
}
