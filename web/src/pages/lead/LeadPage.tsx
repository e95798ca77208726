import { Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Stub: replaced by the lead screen. */
export default function LeadPage() {
  const { t } = useTranslation();
  return (
    <section>
      <Typography.Title level={2}>{t('lead.title')}</Typography.Title>
      <Empty description={<Typography.Text>{t('placeholder.laterRelease')}</Typography.Text>} />
    </section>
  );
}
