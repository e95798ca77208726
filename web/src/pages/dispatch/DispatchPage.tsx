import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Prefetch } from '../../prefetch';
import { repsQuery } from '../../reps';
import { useMe } from '../../session';
import { usersQuery, useUsers } from '../../users';
import { ErrorView } from '../ErrorView';
import { DispatchCard } from './DispatchCard';
import { availability, dispatchesQuery } from './dispatchApi';

export const prefetch: Prefetch = (client) => {
  void client.prefetchQuery(dispatchesQuery);
  void client.prefetchQuery(repsQuery);
  void client.prefetchQuery(usersQuery);
};

const fitOrder = { available: 0, full: 1, unavailable: 2 } as const;

/**
 * /dispatch (SPEC §5.2 steps 5–6): open manual-dispatch requests with their reasons, the
 * candidate reps (load, eligibility, suspension), the leaders' comments, and resolve.
 */
export default function DispatchPage() {
  const { t } = useTranslation();
  const me = useMe();
  const canResolve = ['sales_ops', 'sales_assistant', 'admin'].includes(me.data?.role ?? '');
  const [resolved, setResolved] = useState<string | null>(null);
  const board = useQuery(dispatchesQuery);
  const reps = useQuery(repsQuery);
  const users = useUsers();

  const names = new Map((users.data?.items ?? []).map((u) => [u.id, u.name]));
  const nameOf = (id: string) =>
    names.get(id) ?? (id === me.data?.id ? me.data.name : t('dispatch.unknownUser', { id }));
  const sortedReps = [...(reps.data?.items ?? [])]
    .filter((r) => r.active)
    .sort(
      (a, b) =>
        fitOrder[availability(a)] - fitOrder[availability(b)] ||
        a.status.openMqls - b.status.openMqls ||
        a.name.localeCompare(b.name),
    );

  const error = board.error ?? reps.error;
  return (
    <section>
      <Flex justify="space-between" align="center" wrap>
        <Typography.Title level={2}>{t('dispatch.title')}</Typography.Title>
        <Button onClick={() => Promise.all([board.refetch(), reps.refetch()])}>{t('common.actions.refresh')}</Button>
      </Flex>
      <Typography.Paragraph>{t('dispatch.hint')}</Typography.Paragraph>
      {resolved ? (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setResolved(null)}
          title={t('dispatch.resolve.done', { name: resolved })}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {error ? (
        <ErrorView error={error} />
      ) : !board.data || reps.isPending ? (
        <Spin />
      ) : board.data.items.length === 0 ? (
        <Typography.Paragraph>{t('dispatch.empty')}</Typography.Paragraph>
      ) : (
        board.data.items.map((item) => (
          <DispatchCard
            key={item.handoff.id}
            item={item}
            reps={sortedReps}
            canResolve={canResolve}
            nameOf={nameOf}
            onResolved={setResolved}
          />
        ))
      )}
    </section>
  );
}
