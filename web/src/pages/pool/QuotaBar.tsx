import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format';
import { quotaQuery } from './poolApi';

function Figure({ label, remaining, limit }: { label: string; remaining: number; limit: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <div>
      <Typography.Text>{label}</Typography.Text>
      <div style={{ fontSize: 24, fontWeight: 600, color: remaining === 0 ? '#a8071a' : undefined }}>
        {t('pool.quota.of', { remaining: f.number(remaining), limit: f.number(limit) })}
      </div>
    </div>
  );
}

/**
 * The caller's claim limits (GET /pool/quota): what is left today and of open leads. Roles that
 * do not claim get a 403 and see nothing here.
 */
export function QuotaBar() {
  const { t } = useTranslation();
  const f = useFormat();
  const quota = useQuery(quotaQuery);
  if (!quota.data) return null;
  const q = quota.data;
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <section aria-label={t('pool.quota.title')}>
        <Flex gap={48} wrap align="center">
          <Figure
            label={t('pool.quota.daily')}
            remaining={Math.max(0, q.dailyLimit - q.claimsToday)}
            limit={q.dailyLimit}
          />
          <Figure label={t('pool.quota.open')} remaining={Math.max(0, q.openLimit - q.openLeads)} limit={q.openLimit} />
          <Typography.Text>
            {t('pool.quota.used', {
              used: f.number(q.claimsToday),
              open: f.number(q.openLeads),
              dayEndsAt: f.dateTime(q.dayEndsAt),
            })}
          </Typography.Text>
        </Flex>
      </section>
    </Card>
  );
}
