import { Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Stub: replaced by the dashboard screen. */
export default function DashboardPage() {
  const { t } = useTranslation();
  return (
    <section>
      <Typography.Title level={2}>{t('dashboard.title')}</Typography.Title>
      <Empty description={<Typography.Text>{t('placeholder.laterRelease')}</Typography.Text>} />
    </section>
  );
}
