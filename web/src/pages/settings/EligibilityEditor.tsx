import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Checkbox, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { MonthSection } from '../../components/MonthSection';
import { prefetchedFreshMs } from '../../prefetch';
import { type Rep, repsKey } from '../../reps';
import { ErrorView } from '../ErrorView';

export const eligibilityQuery = (month: string) =>
  queryOptions({
    queryKey: ['eligibility', month],
    queryFn: () => api<{ month: string; repIds: string[] }>('GET', `/eligibility/${month}`),
    staleTime: prefetchedFreshMs,
  });

/** The monthly eligibility list (GET/PUT /eligibility/{yyyy-mm}): who may receive MQLs that month. */
export function EligibilityEditor({ reps }: { reps: Rep[] }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  // The server's current month (Asia/Shanghai, its clock) until the user picks another.
  const [chosen, setChosen] = useState<Dayjs | null>(null);
  const current = reps[0]?.status.month;
  const month = chosen ?? (current ? dayjs(`${current}-01`) : dayjs());
  const key = month.format('YYYY-MM');
  const list = useQuery(eligibilityQuery(key));
  const [picked, setPicked] = useState<string[]>([]);
  useEffect(() => setPicked(list.data?.repIds ?? []), [list.data]);
  const save = useMutation({
    mutationFn: () => api<{ month: string; repIds: string[] }>('PUT', `/eligibility/${key}`, { repIds: picked }),
    onSuccess: (saved) => {
      void message.success(t('settings.eligibility.saved', { month: saved.month, count: saved.repIds.length }));
      void queryClient.invalidateQueries({ queryKey: ['eligibility', key] });
      void queryClient.invalidateQueries({ queryKey: repsKey });
    },
  });
  return (
    <MonthSection
      id={{ title: 'eligibility-title', picker: 'eligibility-month' }}
      title={t('settings.eligibility.title')}
      style={{ marginTop: 24 }}
      monthLabel={t('settings.eligibility.month')}
      month={month}
      onMonth={setChosen}
    >
      {list.error ? <ErrorView error={list.error} /> : null}
      <Checkbox.Group
        value={picked}
        onChange={(values) => setPicked(values as string[])}
        aria-label={t('settings.eligibility.pick')}
      >
        <Space wrap>
          {reps.map((r) => (
            <Checkbox key={r.userId} value={r.userId}>
              {r.name}
            </Checkbox>
          ))}
        </Space>
      </Checkbox.Group>
      {save.error ? <ErrorView error={save.error} /> : null}
      <div style={{ marginTop: 12 }}>
        <Button type="primary" loading={save.isPending} disabled={list.isPending} onClick={() => save.mutate()}>
          {t('settings.eligibility.save')}
        </Button>
      </div>
    </MonthSection>
  );
}
