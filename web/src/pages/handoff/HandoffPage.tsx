import { Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Stub: replaced by the handoff screen. */
export default function HandoffPage() {
  const { t } = useTranslation();
  return (
    <section>
      <Typography.Title level={2}>{t('handoff.title')}</Typography.Title>
      <Empty description={<Typography.Text>{t('placeholder.laterRelease')}</Typography.Text>} />
    </section>
  );
}
