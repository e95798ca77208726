import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Form, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useFormat } from '../../format';
import { clearFieldErrors } from '../../forms';
import { prefetchedFreshMs } from '../../prefetch';
import { useMe } from '../../session';
import { useUsers } from '../../users';
import { ErrorView } from '../ErrorView';
import {
  bodyOf,
  formValuesOf,
  newRow,
  type RoutingFormValues,
  type RoutingSettingsBody,
  showRoutingErrors,
} from './RoutingModel';
import { RoutingPolicyFields } from './RoutingPolicyFields';
import { RoutingRuleFields } from './RoutingRuleFields';
import { RoutingRulesTable } from './RoutingRulesTable';

const routingKey = ['routing-rules'] as const;
const managers = ['admin', 'sales_ops'];
const userReaders = ['admin', 'sales_ops', 'sdr_lead', 'sales_manager', 'sales_assistant'];
export const readsUsers = (role: string) => userReaders.includes(role);

export const routingQuery = queryOptions({
  queryKey: routingKey,
  queryFn: () => api<RoutingSettingsBody>('GET', '/routing/rules'),
  staleTime: prefetchedFreshMs,
});

/** Settings → routing (SPEC §5.1, §5.2): the rules in force read as sentences, and an editor saving a new version. */
export function RoutingSettings() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const format = useFormat();
  const queryClient = useQueryClient();
  const me = useMe();
  const role = me.data?.role ?? '';
  const users = useUsers(readsUsers(role));
  const [form] = Form.useForm<RoutingFormValues>();
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const settings = useQuery(routingQuery);
  const canManage = managers.includes(role);

  useEffect(() => {
    if (settings.data) form.setFieldsValue(formValuesOf(settings.data));
  }, [settings.data, form]);

  const save = useMutation({
    mutationFn: (values: RoutingFormValues) => api<RoutingSettingsBody>('PUT', '/routing/rules', bodyOf(values)),
    onSuccess: (saved) => {
      setUnmatched([]);
      clearFieldErrors(form);
      void message.success(t('settingsRouting.saved', { version: saved.version }));
      queryClient.setQueryData(routingKey, saved);
    },
    onError: (error) => setUnmatched(showRoutingErrors(form, error, (n) => t('settingsRouting.rule', { n }))),
  });

  if (settings.error) return <ErrorView error={settings.error} />;
  const data = settings.data;
  const savedBy = data?.savedBy ? (users.data?.items.find((u) => u.id === data.savedBy)?.name ?? data.savedBy) : null;
  return (
    <>
      <Typography.Title level={3}>{t('settingsRouting.title')}</Typography.Title>
      <Typography.Paragraph>{t('settingsRouting.intro')}</Typography.Paragraph>
      <Typography.Paragraph strong>
        {data?.version
          ? t('settingsRouting.version', { version: data.version, by: savedBy, at: format.dateTime(data.savedAt) })
          : data
            ? t('settingsRouting.defaults')
            : null}
      </Typography.Paragraph>
      <Typography.Title level={4}>{t('settingsRouting.inForce')}</Typography.Title>
      <RoutingRulesTable rules={data?.rules ?? []} loading={settings.isPending} />
      {canManage ? (
        <>
          <Typography.Title level={4} style={{ marginTop: 24 }}>
            {t('settingsRouting.editor')}
          </Typography.Title>
          {unmatched.length ? <Alert type="error" title={unmatched.join('; ')} style={{ marginBottom: 16 }} /> : null}
          <Form
            form={form}
            name="routing-rules"
            layout="vertical"
            disabled={settings.isPending}
            onFinish={(values) => {
              setUnmatched([]);
              save.mutate(values);
            }}
          >
            <Form.List name="rules">
              {(fields, { add, remove, move }) => (
                <>
                  {fields.map((field, index) => (
                    <RoutingRuleFields
                      key={field.key}
                      name={field.name}
                      index={index}
                      count={fields.length}
                      onRemove={() => remove(field.name)}
                      onMove={(to) => move(index, to)}
                    />
                  ))}
                  <Button onClick={() => add(newRow(), 0)} style={{ marginBottom: 16 }}>
                    {t('settingsRouting.form.add')}
                  </Button>
                </>
              )}
            </Form.List>
            <RoutingPolicyFields />
            <Space>
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                {t('settingsRouting.save')}
              </Button>
              <Button
                onClick={() => {
                  if (data) form.setFieldsValue(formValuesOf(data));
                  clearFieldErrors(form);
                  setUnmatched([]);
                }}
              >
                {t('settingsRouting.form.reset')}
              </Button>
            </Space>
          </Form>
        </>
      ) : null}
    </>
  );
}
