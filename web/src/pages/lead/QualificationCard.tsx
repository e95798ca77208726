import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { FrameworkForm } from './FrameworkForm';
import { bilingual, type Framework, type Qualification } from './lead-api';

/** A tab per framework (GET /frameworks) with this lead's answers (GET /leads/{id}/qualification). */
export function QualificationCard({ leadId }: { leadId: string }) {
  const { t, i18n } = useTranslation();
  const frameworks = useQuery({
    queryKey: ['frameworks'],
    queryFn: () => api<{ items: Framework[] }>('GET', '/frameworks'),
    retry: false,
  });
  const answers = useQuery({
    queryKey: ['lead', leadId, 'qualification'],
    queryFn: () => api<{ items: Qualification[] }>('GET', `/leads/${leadId}/qualification`),
    retry: false,
  });
  const ready = frameworks.data && answers.data;
  return (
    <Card title={t('lead.qualification.title')} size="small" loading={!ready && !frameworks.error && !answers.error}>
      {frameworks.error || answers.error ? <Alert type="error" title={t('errors.generic')} /> : null}
      {ready ? (
        <Tabs
          items={frameworks.data.items.map((f) => ({
            key: f.id,
            label: bilingual(f.name, i18n.language),
            children: (
              <FrameworkForm
                leadId={leadId}
                framework={f}
                saved={answers.data.items.find((q) => q.framework === f.id)}
              />
            ),
          }))}
        />
      ) : null}
    </Card>
  );
}
