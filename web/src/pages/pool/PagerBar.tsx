import { Button, Flex, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Previous / next over server cursor pages, and the page size. */
export function PagerBar(props: {
  pageNumber: number;
  hasPrev: boolean;
  hasNext: boolean;
  limit: number;
  onPrev(): void;
  onNext(): void;
  onLimit(n: number): void;
}) {
  const { t } = useTranslation();
  return (
    <Flex gap={12} align="center" justify="flex-end" wrap style={{ marginTop: 12 }}>
      <Typography.Text>{t('pool.page', { page: props.pageNumber })}</Typography.Text>
      <Button onClick={props.onPrev} disabled={!props.hasPrev}>
        {t('pool.prev')}
      </Button>
      <Button onClick={props.onNext} disabled={!props.hasNext}>
        {t('pool.next')}
      </Button>
      <Select
        aria-label={t('pool.pageSize')}
        value={props.limit}
        onChange={props.onLimit}
        options={[20, 50, 100, 200].map((n) => ({ value: n, label: String(n) }))}
        style={{ width: 90 }}
      />
    </Flex>
  );
}
