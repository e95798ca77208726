import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Tag, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useChannelName } from '../../channels';
import { type Formatters, useFormat } from '../../format';
import { muted } from '../queue/styles';
import { leadPartQuery, type TimelineEntry } from './lead-api';
import { usePersonName } from './people';

const colours = { touch: 'blue', activity: 'magenta', behaviour: 'geekblue', score: 'purple', change: 'gray' } as const;

const str = (v: unknown) => (typeof v === 'string' && v ? v : null);

/** An audit action or touch kind in words: `lead.created` → lead.timeline.actions.lead_created. */
const action = (code: string, t: TFunction) =>
  t(`lead.timeline.actions.${code.replace(/\./g, '_')}`, { defaultValue: code });

/** One line for an entry, in the user's words where the catalogue has them. */
function describe(
  e: TimelineEntry,
  t: TFunction,
  format: Formatters,
  channelName: (id: string | null) => string | null,
): string {
  const d = e.data;
  const parts: (string | null)[] = [];
  switch (e.type) {
    case 'activity': {
      const type = str(d.type) ?? e.summary;
      parts.push(t(`common.activity.${type}`, { defaultValue: type }));
      const outcome = str(d.outcome);
      if (outcome) parts.push(t(`lead.activity.outcomes.${outcome}`, { defaultValue: outcome }));
      if (typeof d.durationSec === 'number')
        parts.push(t('lead.timeline.duration', { duration: format.duration(d.durationSec * 1000) }));
      parts.push(str(d.note));
      break;
    }
    case 'touch':
      parts.push(action(e.summary, t), channelName(str(d.channel)), str(d.landingPage));
      break;
    case 'behaviour':
      parts.push(e.summary, str(d.url));
      break;
    case 'score': {
      const cause = str(d.cause);
      const said = cause && t(`lead.timeline.causes.${cause}`, { defaultValue: cause });
      parts.push(e.summary, said ? t('lead.timeline.cause', { cause: said }) : null);
      break;
    }
    case 'change': {
      parts.push(action(e.summary, t));
      const from = d.from as { status?: string } | null;
      const to = d.to as { status?: string } | null;
      if (from?.status || to?.status) {
        const name = (s?: string) => (s ? t(`common.status.${s}`, { defaultValue: s }) : t('common.none'));
        parts.push(`${name(from?.status)} → ${name(to?.status)}`);
      }
      parts.push(str(d.reason));
      break;
    }
  }
  return parts.filter(Boolean).join(' · ');
}

/** Everything that happened to the lead, oldest first (GET /leads/{id}/timeline). */
export function LeadTimeline({ leadId }: { leadId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const who = usePersonName(leadId);
  const channelName = useChannelName();
  const timeline = useQuery(leadPartQuery<{ items: TimelineEntry[] }>(leadId, 'timeline'));
  const items = [...(timeline.data?.items ?? [])].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Card title={t('lead.timeline.title')} size="small" loading={timeline.isPending}>
      {timeline.error ? <Alert type="error" title={t('errors.generic')} /> : null}
      {timeline.data && !items.length ? <Empty description={t('lead.timeline.empty')} /> : null}
      <Timeline
        items={items.map((e, i) => ({
          key: `${e.at}-${i}`,
          color: colours[e.type],
          content: (
            <div>
              <Tag color={colours[e.type] === 'gray' ? 'default' : colours[e.type]}>
                {t(`lead.timeline.type.${e.type}`)}
              </Tag>
              <Typography.Text style={muted}>{format.dateTime(e.at)}</Typography.Text>
              {e.actorId ? (
                <Typography.Text style={muted}> · {t('lead.timeline.by', { who: who(e.actorId) })}</Typography.Text>
              ) : null}
              <div>{describe(e, t, format, channelName)}</div>
            </div>
          ),
        }))}
      />
    </Card>
  );
}
