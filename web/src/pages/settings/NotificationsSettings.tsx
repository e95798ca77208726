import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { NotificationsSmtp } from './NotificationsSmtp';
import { RobotSettings } from './RobotSettings';
import { WebhookSettings } from './WebhookSettings';

/** Settings → notifications: webhooks, team-chat robots and SMTP, each subscription with a delivery log and a send test. */
export function NotificationsSettings() {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Paragraph type="secondary">{t('settingsNotifications.intro')}</Typography.Paragraph>
      <WebhookSettings />
      <RobotSettings />
      <NotificationsSmtp />
    </>
  );
}
