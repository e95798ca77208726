import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Stub: replaced by the settingsFrameworks screen. */
export function FrameworksSettings() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t('settingsFrameworks.title')}</Typography.Title>;
}
