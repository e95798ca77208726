import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FrameworkForm } from './FrameworkForm';
import { bilingual, frameworksQuery, leadPartQuery, type Qualification } from './lead-api';

/** A tab per framework (GET /frameworks) with this lead's answers (GET /leads/{id}/qualification). */
export function QualificationCard({ leadId }: { leadId: string }) {
  const { t, i18n } = useTranslation();
  const frameworks = useQuery(frameworksQuery);
  const answers = useQuery(leadPartQuery<{ items: Qualification[] }>(leadId, 'qualification'));
  const ready = frameworks.data && answers.data;
  const [picked, setPicked] = useState<string | null>(null);
  const current = frameworks.data?.items.find((f) => f.id === picked) ?? frameworks.data?.items[0];
  return (
    <Card title={t('lead.qualification.title')} size="small" loading={!ready && !frameworks.error && !answers.error}>
      {frameworks.error || answers.error ? <Alert type="error" title={t('errors.generic')} /> : null}
      {ready ? (
        <>
          <Radio.Group
            aria-label={t('lead.qualification.framework')}
            optionType="button"
            value={current?.id}
            onChange={(e) => setPicked(e.target.value as string)}
            options={frameworks.data.items.map((f) => ({ value: f.id, label: bilingual(f.name, i18n.language) }))}
            style={{ marginBottom: 16 }}
          />
          {current ? (
            <FrameworkForm
              key={current.id}
              leadId={leadId}
              framework={current}
              saved={answers.data.items.find((q) => q.framework === current.id)}
            />
          ) : null}
        </>
      ) : null}
    </Card>
  );
}
