import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Space, Table, Typography } from 'antd';
import { type KeyboardEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError, api } from '../../api';
import { LeadStatusTag } from '../../components/LeadStatusTag';
import { useFormat } from '../../format';
import type { Prefetch } from '../../prefetch';
import { useMe } from '../../session';
import { colleaguesQuery } from '../../users';
import { ErrorView } from '../ErrorView';
import { QueueFilterBar } from './QueueFilterBar';
import { QueueReason } from './QueueReason';
import { defaultFilters, joinPages, narrow, type QueueFilters, type QueueItem, queueQuery } from './queue-api';
import { ReleaseModal } from './ReleaseModal';
import { SavedViews } from './SavedViews';
import { linkStyle, muted } from './styles';
import { useOwnerName } from './user-names';

const pageSize = 50;

/** The first page of the queue and the colleagues' names its owner column shows. */
export const prefetch: Prefetch = (client) => {
  void client.prefetchInfiniteQuery(queueQuery(defaultFilters));
  void client.prefetchQuery(colleaguesQuery);
};

interface Outcome {
  type: 'success' | 'warning' | 'error';
  text: string;
}

/** The SDR's prioritised queue (GET /queue): the reason on each row, filters, saved views, bulk claim/release, keys. */
export default function QueuePage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const navigate = useNavigate();
  const client = useQueryClient();
  const ownerName = useOwnerName();
  const format = useFormat();
  const [filters, setFilters] = useState<QueueFilters>(defaultFilters);
  // Server paging (GET /queue?cursor=): "Load more" (or moving past the last row by keyboard)
  // reads the next page; the table shows 50 rows at a time of what is loaded.
  const queue = useInfiniteQuery(queueQuery(filters));
  const loaded = useMemo(() => joinPages(queue.data?.pages ?? []), [queue.data]);
  const rows = useMemo(() => narrow(loaded, filters), [loaded, filters]);
  const [focusAt, setFocusAt] = useState<number | null>(null);
  /** Reads the next page; the focus (and the table page) goes to its first row once it shows. */
  const loadMore = () => {
    if (!queue.hasNextPage || queue.isFetchingNextPage) return;
    const first = rows.length;
    void queue.fetchNextPage().then(() => setFocusAt(first));
  };
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  const [focused, setFocused] = useState(0);
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<string[]>([]);
  // The leads chosen when the dialog opened: a refetch meanwhile changes neither its title nor what goes back.
  const [releasing, setReleasing] = useState<QueueItem[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    setFocused((f) => Math.min(f, Math.max(rows.length - 1, 0)));
  }, [rows.length]);
  useEffect(() => {
    if (focusAt === null) return;
    setFocusAt(null);
    const next = Math.min(focusAt, Math.max(rows.length - 1, 0));
    setFocused(next);
    setPage(Math.floor(next / pageSize) + 1);
  }, [focusAt, rows.length]);

  const moveTo = (index: number) => {
    // Past the last loaded row: the next page comes in, the focus stays on the last row until then.
    if (index > rows.length - 1) loadMore();
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setFocused(next);
    setPage(Math.floor(next / pageSize) + 1);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const target = e.target as HTMLElement;
    if (target.tagName === 'A' || target.tagName === 'BUTTON' || (e.target !== e.currentTarget && e.key === 'Enter'))
      return;
    if (e.key === 'ArrowDown' || e.key === 'j') moveTo(focused + 1);
    else if (e.key === 'ArrowUp' || e.key === 'k') moveTo(focused - 1);
    else if (e.key === 'Home') moveTo(0);
    else if (e.key === 'End') moveTo(rows.length - 1);
    else if (e.key === 'Enter' && rows[focused]) navigate(`/leads/${rows[focused].lead.id}`);
    else return;
    e.preventDefault();
  };

  const chosen = rows.filter((r) => selected.includes(r.lead.id));
  const claimable = chosen.filter((r) => r.lead.ownerId === null && r.lead.status === 'new');
  const holder = filters.sdrId || me?.id;
  const releasable = chosen.filter((r) => r.lead.ownerId === holder && r.lead.status === 'working');

  async function runBulk(items: QueueItem[], call: (id: string) => Promise<unknown>, doneKey: string) {
    setBusy(true);
    setOutcome(null);
    const failures: string[] = [];
    let done = 0;
    for (const item of items) {
      try {
        await call(item.lead.id);
        done += 1;
      } catch (e) {
        const detail = e instanceof ApiError ? (e.problem?.detail ?? e.message) : String(e);
        failures.push(`${item.lead.name ?? item.lead.id}: ${detail}`);
      }
    }
    setBusy(false);
    setSelected((s) => s.filter((id) => !items.some((i) => i.lead.id === id) || failures.length > 0));
    const parts = [t(doneKey, { count: done })];
    if (failures.length) parts.push(t('queue.bulk.failed', { count: failures.length, detail: failures.join('; ') }));
    setOutcome({ type: failures.length ? (done ? 'warning' : 'error') : 'success', text: parts.join(' · ') });
    await client.invalidateQueries({ queryKey: ['queue'] });
  }

  const claim = () => {
    if (!claimable.length) return setOutcome({ type: 'warning', text: t('queue.bulk.nothingClaimable') });
    void runBulk(claimable, (id) => api('POST', `/leads/${id}/claim`, {}), 'queue.bulk.claimed');
  };
  const release = () => {
    if (!releasable.length) return setOutcome({ type: 'warning', text: t('queue.bulk.nothingReleasable') });
    setReleasing(releasable);
  };

  if (queue.error && !(queue.error instanceof ApiError && queue.error.status >= 500)) {
    return (
      <section>
        <Typography.Title level={2}>{t('queue.title')}</Typography.Title>
        <ErrorView error={queue.error} />
      </section>
    );
  }

  return (
    <section>
      <Typography.Title level={2}>{t('queue.title')}</Typography.Title>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <QueueFilterBar
          filters={filters}
          onChange={(f) => {
            setFilters(f);
            moveTo(0);
          }}
        />
        {me ? (
          <SavedViews userId={me.id} filters={filters} onPick={(f) => setFilters({ ...defaultFilters, ...f })} />
        ) : null}
        {queue.error ? <Alert type="error" title={t('errors.generic')} /> : null}
        {outcome ? <Alert type={outcome.type} title={outcome.text} closable onClose={() => setOutcome(null)} /> : null}
        <Space wrap>
          <Typography.Text>{t('queue.bulk.selected', { count: selected.length })}</Typography.Text>
          <Button onClick={claim} disabled={!selected.length} loading={busy}>
            {t('queue.bulk.claim')}
          </Button>
          <Button onClick={release} disabled={!selected.length} loading={busy}>
            {t('queue.bulk.release')}
          </Button>
          <Button onClick={() => void queue.refetch()}>{t('common.actions.refresh')}</Button>
          <Typography.Text style={muted} aria-live="polite">
            {t(queue.hasNextPage ? 'queue.countMore' : 'queue.count', { count: rows.length })}
          </Typography.Text>
          <Typography.Text style={muted}>{t('queue.hint')}</Typography.Text>
        </Space>
        <section
          aria-label={t('queue.tableLabel')}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the queue is moved through by keyboard (j/k, arrows, Enter)
          tabIndex={0}
          onKeyDown={onKeyDown}
          style={{ outlineOffset: 2 }}
        >
          <Table<QueueItem>
            rowKey={(r) => r.lead.id}
            size="middle"
            loading={queue.isPending}
            dataSource={rows}
            locale={{ emptyText: <Typography.Text>{t('queue.empty')}</Typography.Text> }}
            pagination={{
              current: page,
              pageSize,
              showSizeChanger: false,
              hideOnSinglePage: true,
              onChange: (p) => moveTo((p - 1) * pageSize),
            }}
            rowSelection={{
              selectedRowKeys: selected,
              onChange: (keys) => setSelected(keys as string[]),
              getCheckboxProps: (r) => ({ 'aria-label': r.lead.name ?? r.lead.id }) as never,
            }}
            onRow={(_record, index) => {
              const absolute = (page - 1) * pageSize + (index ?? 0);
              return {
                onClick: () => setFocused(absolute),
                style: absolute === focused ? { boxShadow: 'inset 4px 0 0 #0958d9', background: '#e6f4ff' } : undefined,
              };
            }}
            columns={[
              {
                title: t('queue.columns.lead'),
                key: 'lead',
                render: (_, r) => (
                  <Link to={`/leads/${r.lead.id}`} style={linkStyle}>
                    {r.lead.name ?? r.lead.phone ?? r.lead.id}
                  </Link>
                ),
              },
              {
                title: t('queue.columns.company'),
                key: 'company',
                render: (_, r) => r.lead.company ?? t('common.none'),
              },
              {
                title: t('queue.columns.status'),
                key: 'status',
                render: (_, r) => <LeadStatusTag status={r.lead.status} />,
              },
              { title: t('queue.columns.owner'), key: 'owner', render: (_, r) => ownerName(r.lead.ownerId) },
              {
                title: t('queue.columns.score'),
                key: 'score',
                align: 'right',
                render: (_, r) => `${r.lead.score}${r.lead.grade ? ` · ${r.lead.grade}` : ''}`,
              },
              ...(rows.some((i) => i.predicted !== null)
                ? [
                    {
                      title: t('queue.columns.predicted'),
                      key: 'predicted',
                      align: 'right' as const,
                      render: (_: unknown, r: QueueItem) => format.percent(r.predicted),
                    },
                  ]
                : []),
              { title: t('queue.columns.reason'), key: 'reason', render: (_, r) => <QueueReason item={r} now={now} /> },
            ]}
          />
        </section>
        {queue.hasNextPage ? (
          <Button onClick={loadMore} loading={queue.isFetchingNextPage}>
            {t('common.actions.more')}
          </Button>
        ) : null}
        <div aria-live="polite" className="visually-hidden">
          {rows[focused] ? `${focused + 1}/${rows.length}: ${rows[focused].lead.name ?? rows[focused].lead.id}` : ''}
        </div>
      </Space>
      <ReleaseModal
        count={releasing?.length ?? 0}
        open={releasing !== null}
        busy={busy}
        onCancel={() => setReleasing(null)}
        onRelease={(reason) => {
          const items = releasing ?? [];
          setReleasing(null);
          void runBulk(items, (id) => api('POST', `/leads/${id}/release`, { reason }), 'queue.bulk.released');
        }}
      />
    </section>
  );
}
