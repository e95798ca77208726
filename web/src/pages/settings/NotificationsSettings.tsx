import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Stub: replaced by the settingsNotifications screen. */
export function NotificationsSettings() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t('settingsNotifications.title')}</Typography.Title>;
}
