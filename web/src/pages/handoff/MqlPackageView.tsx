import { useQuery } from '@tanstack/react-query';
import { Card, List, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useChannelName } from '../../channels';
import { useFormat } from '../../format';
import { type ScoreLine, useScoreLineWords } from '../../score-lines';
import { FactList } from './FactList';

interface ScoreFacts {
  total?: number;
  grade?: string | null;
  fit?: number;
  engagement?: number;
  qualification?: number;
  explanation?: ScoreLine[];
}
interface Touch {
  kind?: string;
  channel?: string | null;
  utm?: unknown;
  referrer?: string | null;
  landingPage?: string | null;
  at?: string;
}
interface Activity {
  type: string;
  durationSec?: number | null;
  outcome?: string | null;
  note?: string | null;
  at?: string;
}
interface Qualification {
  framework: string;
  answers?: unknown;
  updatedAt?: string;
}
interface MqlPackage {
  sources?: { original?: unknown; latest?: unknown; touches?: Touch[] };
  behaviour?: { counts?: Record<string, number>; recent?: { type: string; url?: string | null; at?: string }[] };
  activities?: Activity[];
  qualification?: Qualification[];
  score?: ScoreFacts | null;
}

const wrap = { overflowWrap: 'anywhere' } as const;

interface Framework {
  id: string;
  name: { zh: string; en: string };
  criteria: { key: string; label: { zh: string; en: string } }[];
}

/** Answers under the framework's own labels (GET /frameworks), in the user's language. */
function Answers({ q, frameworks }: { q: Qualification; frameworks: Framework[] | undefined }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const framework = frameworks?.find((f) => f.id === q.framework);
  const answers = Object.entries((q.answers ?? {}) as Record<string, unknown>).map(([key, value]) => [
    framework?.criteria.find((c) => c.key === key)?.label[lang] ?? key,
    t(`handoff.answer.${String(value)}`, { defaultValue: String(value) }),
  ]);
  return (
    <div>
      <Typography.Title level={5}>
        {framework?.name[lang] ?? q.framework} · {format.dateTime(q.updatedAt)}
      </Typography.Title>
      <FactList value={Object.fromEntries(answers)} translateKeys={false} />
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {title}
      </Typography.Title>
      {children}
    </Card>
  );
}

/** The MQL package frozen into the hand-off (SPEC §6.1): score and why, sources, behaviour, calls, answers. */
export function MqlPackageView({ pkg }: { pkg: Record<string, unknown> }) {
  const { t } = useTranslation();
  const lineWords = useScoreLineWords();
  const format = useFormat();
  const channelName = useChannelName();
  const p = pkg as MqlPackage;
  const frameworks = useQuery({
    queryKey: ['frameworks'],
    queryFn: () => api<{ items: Framework[] }>('GET', '/frameworks'),
    staleTime: 5 * 60_000,
  });
  const score = p.score;
  const nothing = <Typography.Text type="secondary">{t('handoff.package.nothing')}</Typography.Text>;
  const points = (n: number) => (n > 0 ? `+${n}` : String(n));
  return (
    <section aria-labelledby="mql-package">
      <Typography.Title level={3} id="mql-package">
        {t('handoff.package.title')}
      </Typography.Title>
      <Section title={t('handoff.package.score')}>
        {score ? (
          <>
            <FactList
              value={{
                [t('handoff.package.total')]: score.total,
                [t('handoff.package.grade')]: score.grade,
                [t('handoff.package.fit')]: score.fit,
                [t('handoff.package.engagement')]: score.engagement,
                [t('handoff.package.qualification')]: score.qualification,
              }}
              translateKeys={false}
            />
            <Typography.Title level={5}>{t('handoff.package.explanation')}</Typography.Title>
            <List
              size="small"
              dataSource={score.explanation ?? []}
              locale={{ emptyText: nothing }}
              renderItem={(line) => (
                <List.Item>
                  <span style={wrap}>{lineWords(line)}</span> <strong>{points(line.points)}</strong>
                </List.Item>
              )}
            />
          </>
        ) : (
          <Typography.Text type="secondary">{t('handoff.package.nothing')}</Typography.Text>
        )}
      </Section>
      <Section title={t('handoff.package.sources')}>
        <Typography.Title level={5}>{t('handoff.package.original')}</Typography.Title>
        <FactList value={p.sources?.original} />
        <Typography.Title level={5}>{t('handoff.package.latest')}</Typography.Title>
        <FactList value={p.sources?.latest} />
        <Typography.Title level={5}>{t('handoff.package.touches')}</Typography.Title>
        <List
          size="small"
          dataSource={p.sources?.touches ?? []}
          locale={{ emptyText: nothing }}
          renderItem={(touch) => (
            <List.Item>
              <Space orientation="vertical" size={0} style={{ minWidth: 0 }}>
                <Typography.Text strong>
                  {format.dateTime(touch.at)} · {channelName(touch.channel) ?? touch.kind}
                </Typography.Text>
                <FactList value={{ utm: touch.utm, referrer: touch.referrer, landingPage: touch.landingPage }} />
              </Space>
            </List.Item>
          )}
        />
      </Section>
      <Section title={t('handoff.package.behaviour')}>
        <Space wrap style={{ marginBottom: 8 }}>
          {Object.entries(p.behaviour?.counts ?? {}).map(([type, n]) => (
            <Tag key={type}>
              {type} ×{n}
            </Tag>
          ))}
        </Space>
        <Typography.Title level={5}>{t('handoff.package.recent')}</Typography.Title>
        <List
          size="small"
          dataSource={p.behaviour?.recent ?? []}
          locale={{ emptyText: nothing }}
          renderItem={(b) => (
            <List.Item>
              <span style={wrap}>
                {format.dateTime(b.at)} · {b.type}
                {b.url ? ` · ${b.url}` : ''}
              </span>
            </List.Item>
          )}
        />
      </Section>
      <Section title={t('handoff.package.activities')}>
        <List
          size="small"
          dataSource={p.activities ?? []}
          locale={{ emptyText: nothing }}
          renderItem={(a) => (
            <List.Item>
              <Space orientation="vertical" size={0} style={{ minWidth: 0 }}>
                <Typography.Text strong>
                  {t(`common.activity.${a.type}`, { defaultValue: a.type })} · {format.dateTime(a.at)}
                  {a.durationSec
                    ? ` · ${t('handoff.package.duration', { time: format.duration(a.durationSec * 1000) })}`
                    : ''}
                  {a.outcome ? ` · ${t(`handoff.outcome.${a.outcome}`, { defaultValue: a.outcome })}` : ''}
                </Typography.Text>
                {a.note ? <Typography.Paragraph style={wrap}>{a.note}</Typography.Paragraph> : null}
              </Space>
            </List.Item>
          )}
        />
      </Section>
      <Section title={t('handoff.package.qualificationAnswers')}>
        {(p.qualification ?? []).length === 0 ? (
          <Typography.Text type="secondary">{t('handoff.package.nothing')}</Typography.Text>
        ) : (
          (p.qualification ?? []).map((q) => <Answers key={q.framework} q={q} frameworks={frameworks.data?.items} />)
        )}
      </Section>
    </section>
  );
}
