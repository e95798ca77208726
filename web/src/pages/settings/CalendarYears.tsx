import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Form, Input, Modal, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, fieldErrorLine } from '../../api';
import { prefetchedFreshMs } from '../../prefetch';
import { ErrorView } from '../ErrorView';

interface DayName {
  date: string;
  name: string;
}
interface CalendarYear {
  year: number;
  origin: 'edited' | 'shipped' | 'fallback';
  calendar: {
    year: number;
    timezone: string;
    workHours: { start: string; end: string }[];
    weekend: number[];
    holidays: DayName[];
    workdays: DayName[];
  };
}

export const calendarsQuery = queryOptions({
  queryKey: ['sla-calendars'],
  queryFn: () => api<{ items: CalendarYear[] }>('GET', '/sla/calendars'),
  staleTime: prefetchedFreshMs,
});

/** The business calendars by year (GET /sla/calendars), each editable as its JSON (PUT /sla/calendars/{year}). */
export function CalendarYears() {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<CalendarYear | null>(null);
  const years = useQuery(calendarsQuery);
  const days = (list: DayName[]) => [...new Set(list.map((d) => d.name))].join('、') || t('common.none');
  return (
    <section aria-labelledby="calendar-title" style={{ marginTop: 24 }}>
      <Typography.Title level={3} id="calendar-title">
        {t('settings.calendar.title')}
      </Typography.Title>
      {years.error ? <ErrorView error={years.error} /> : null}
      <Table<CalendarYear>
        rowKey="year"
        loading={years.isPending}
        dataSource={years.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('settings.calendar.year'), dataIndex: 'year' },
          {
            title: t('settings.calendar.origin'),
            dataIndex: 'origin',
            render: (origin: CalendarYear['origin']) => <Tag>{t(`settings.calendar.${origin}`)}</Tag>,
          },
          {
            title: t('settings.calendar.workHours'),
            render: (_, y) => y.calendar.workHours.map((h) => `${h.start}–${h.end}`).join(', '),
          },
          { title: t('settings.calendar.holidays'), render: (_, y) => days(y.calendar.holidays) },
          { title: t('settings.calendar.workdays'), render: (_, y) => y.calendar.workdays.length },
          {
            title: t('settings.rep.edit'),
            key: 'edit',
            render: (_, y) => (
              <Button size="small" onClick={() => setEditing(y)}>
                {t('settings.calendar.edit', { year: y.year })}
              </Button>
            ),
          },
        ]}
      />
      <CalendarEditor year={editing} onClose={() => setEditing(null)} />
    </section>
  );
}

function CalendarEditor({ year, onClose }: { year: CalendarYear | null; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  useEffect(() => {
    if (year) {
      setText(JSON.stringify(year.calendar, null, 2));
      setProblems([]);
    }
  }, [year]);
  const save = useMutation({
    mutationFn: (body: unknown) => api('PUT', `/sla/calendars/${year?.year}`, body),
    onSuccess: () => {
      void message.success(t('settings.calendar.saved', { year: year?.year }));
      void queryClient.invalidateQueries({ queryKey: ['sla-calendars'] });
      onClose();
    },
    onError: (error) =>
      setProblems(
        error instanceof ApiError && error.problem?.errors?.length
          ? error.problem.errors.map((e) => fieldErrorLine(e, i18n.language))
          : [error.message],
      ),
  });
  const submit = () => {
    try {
      save.mutate(JSON.parse(text));
    } catch {
      setProblems([t('settings.calendar.invalidJson')]);
    }
  };
  return (
    <Modal
      title={year ? t('settings.calendar.edit', { year: year.year }) : ''}
      open={year !== null}
      onCancel={onClose}
      onOk={submit}
      okText={t('settings.calendar.save')}
      cancelText={t('common.actions.cancel')}
      confirmLoading={save.isPending}
      width={720}
    >
      {problems.length ? (
        <Alert
          type="error"
          title={
            <ul className="problem-list">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Form layout="vertical">
        <Form.Item label={t('settings.calendar.json')} htmlFor="calendar-json">
          <Input.TextArea
            id="calendar-json"
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={18}
            spellCheck={false}
            className="code-input"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
