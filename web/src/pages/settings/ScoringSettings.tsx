import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Stub: replaced by the settingsScoring screen. */
export function ScoringSettings() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t('settingsScoring.title')}</Typography.Title>;
}
