import { Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Area } from '../navigation';

/** An area whose screen is not built yet: it says so, and shows no made-up data. */
export default function PlaceholderPage({ area }: { area: Area }) {
  const { t } = useTranslation();
  return (
    <section>
      <Typography.Title level={2}>{t(`nav.${area}`)}</Typography.Title>
      <Empty description={<Typography.Text>{t('placeholder.laterRelease')}</Typography.Text>} />
    </section>
  );
}
