/**
 * One report table with its title and a CSV export of exactly what it shows (issue 8: CSV
 * export of every table). Each column says how it is drawn and what goes in the file.
 */
import { Button, Space, Table, Typography } from 'antd';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadCsv } from '../../csv';

export interface ReportColumn<Row> {
  key: string;
  title: string;
  /** The cell as text or a number, for the table and the file alike. */
  value(row: Row): string | number | null | undefined;
  /** The cell as shown, when it differs from value (money, ratios). */
  render?(row: Row): ReactNode;
  numeric?: boolean;
}

export function ReportTable<Row>({
  title,
  file,
  columns,
  rows,
  rowKey,
  loading,
  extra,
}: {
  title: string;
  /** File name without .csv. */
  file: string;
  columns: readonly ReportColumn<Row>[];
  rows: readonly Row[];
  rowKey(row: Row, index: number): string;
  loading?: boolean;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const keyed = rows.map((row, index) => ({ row, key: rowKey(row, index) }));
  return (
    <section aria-labelledby={headingId} style={{ marginBottom: 24 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={3} id={headingId} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        <Button
          aria-label={t('dashboard.exportOf', { table: title })}
          disabled={!rows.length}
          onClick={() => downloadCsv(file, columns, rows)}
        >
          {t('common.actions.exportCsv')}
        </Button>
      </Space>
      {extra}
      <Table
        size="small"
        loading={loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={keyed}
        locale={{ emptyText: t('common.empty') }}
        columns={columns.map((c) => ({
          key: c.key,
          title: c.title,
          align: c.numeric ? ('right' as const) : undefined,
          render: (_: unknown, { row }: { row: Row }) =>
            c.render ? c.render(row) : (c.value(row) ?? t('common.none')),
        }))}
      />
    </section>
  );
}
