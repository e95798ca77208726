import { DatePicker, Form, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { CSSProperties, ReactNode } from 'react';

/**
 * A settings section about one month (eligibility, spend): its title, a month picker (with
 * `extra` beside it) and what the month holds (`children`).
 */
export function MonthSection({
  id,
  title,
  style,
  monthLabel,
  month,
  onMonth,
  extra,
  children,
}: {
  /** The ids of the title (the section is named by it) and of the month picker. */
  id: { title: string; picker: string };
  title: string;
  style?: CSSProperties;
  monthLabel: string;
  month: Dayjs;
  onMonth(month: Dayjs): void;
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id.title} style={style}>
      <Typography.Title level={3} id={id.title}>
        {title}
      </Typography.Title>
      <Form layout="inline" style={{ marginBottom: 12 }}>
        <Form.Item label={monthLabel} htmlFor={id.picker}>
          <DatePicker
            id={id.picker}
            picker="month"
            value={month}
            allowClear={false}
            onChange={(m) => m && onMonth(m)}
          />
        </Form.Item>
        {extra}
      </Form>
      {children}
    </section>
  );
}
