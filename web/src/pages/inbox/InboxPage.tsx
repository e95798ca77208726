import { Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Stub: replaced by the inbox screen. */
export default function InboxPage() {
  const { t } = useTranslation();
  return (
    <section>
      <Typography.Title level={2}>{t('inbox.title')}</Typography.Title>
      <Empty description={<Typography.Text>{t('placeholder.laterRelease')}</Typography.Text>} />
    </section>
  );
}
