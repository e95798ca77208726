import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Formatters, useFormat } from '../../format';
import type { AcceptanceSla } from './types';
import { useNow } from './useNow';

// Tag colours with text at WCAG AA contrast (antd's orange/gold presets are below 4.5:1).
const tones = {
  breached: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  reminder: { color: '#873800', background: '#fff7e6', borderColor: '#ffd591' },
  ok: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
} as const;

const DAY_MS = 86_400_000;

/** "2小时 59分钟 40秒" / "2h 59m 40s": seconds under a day, so the countdown visibly runs. */
function countdown(format: Formatters, ms: number): string {
  const abs = Math.abs(ms);
  if (abs >= DAY_MS) return format.duration(ms);
  const seconds = Math.floor(abs / 1000);
  return `${format.duration(seconds * 1000)} ${format.seconds(seconds % 60)}`;
}

/**
 * The acceptance SLA as a live countdown: the server's time left (working time on a business
 * clock) less the wall time since it was fetched, while the clock runs. Red once breached, amber
 * from the reminder on.
 */
export function SlaCountdown({
  sla,
  fetchedAt,
  detailed = false,
}: {
  sla: AcceptanceSla;
  fetchedAt: number;
  detailed?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const now = useNow();
  const elapsed = sla.running ? Math.max(0, now - fetchedAt) : 0;
  const remaining = sla.remainingMs - elapsed;
  const serverNow = new Date(sla.asOf).getTime() + Math.max(0, now - fetchedAt);
  const state =
    sla.state === 'breached' || remaining <= 0
      ? 'breached'
      : sla.state === 'reminder' || (sla.remindAt && new Date(sla.remindAt).getTime() <= serverNow)
        ? 'reminder'
        : 'ok';
  const time = countdown(format, remaining);
  const label = remaining <= 0 ? t('inbox.sla.overdue', { time }) : t('inbox.sla.left', { time });
  return (
    <Space orientation="vertical" size={0}>
      <Tag style={tones[state]} data-sla={state}>
        {label}
      </Tag>
      {detailed ? (
        <Typography.Text type="secondary">{t('inbox.sla.due', { time: format.dateTime(sla.dueAt) })}</Typography.Text>
      ) : null}
      {!sla.running ? <Typography.Text type="secondary">{t('inbox.sla.paused')}</Typography.Text> : null}
      {detailed && sla.clock === 'business' ? (
        <Typography.Text type="secondary">{t('inbox.sla.business')}</Typography.Text>
      ) : null}
    </Space>
  );
}
