import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Stub: replaced by the settingsRouting screen. */
export function RoutingSettings() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t('settingsRouting.title')}</Typography.Title>;
}
