import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Stub: replaced by the settingsDefinitions screen. */
export function DefinitionsSettings() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t('settingsDefinitions.title')}</Typography.Title>;
}
