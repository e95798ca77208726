import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Stub: replaced by the settingsChannels screen. */
export function ChannelsSettings() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t('settingsChannels.title')}</Typography.Title>;
}
