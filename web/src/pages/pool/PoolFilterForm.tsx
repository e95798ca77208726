import { Button, Col, Form, Input, InputNumber, Row } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { PoolFilters } from './poolApi';

interface Values {
  q?: string;
  channel?: string;
  region?: string;
  industry?: string;
  minScore?: number | null;
  maxScore?: number | null;
  tags?: string;
}

const text = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
const num = (v: number | null | undefined) => (typeof v === 'number' ? v : undefined);

export function toFilters(v: Values): PoolFilters {
  const tags = (v.tags ?? '')
    .split(/[,，]/)
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    q: text(v.q),
    channel: text(v.channel),
    region: text(v.region),
    industry: text(v.industry),
    minScore: num(v.minScore),
    maxScore: num(v.maxScore),
    tags: tags.length ? tags : undefined,
  };
}

function toValues(f: PoolFilters): Values {
  return { ...f, minScore: f.minScore ?? null, maxScore: f.maxScore ?? null, tags: f.tags?.join(', ') ?? '' };
}

/** The filters GET /pool takes; `shown` refills the form when a saved segment is picked. */
export function PoolFilterForm(props: {
  shown: PoolFilters;
  onApply(filters: PoolFilters): void;
  extra?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(toValues(props.shown));
  }, [form, props.shown]);
  return (
    <Form<Values> form={form} layout="vertical" onFinish={(v) => props.onApply(toFilters(v))}>
      <Row gutter={12}>
        <Col xs={24} sm={12} md={6}>
          <Form.Item label={t('pool.filters.q')} name="q">
            <Input maxLength={100} allowClear />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6} md={3}>
          <Form.Item label={t('pool.filters.channel')} name="channel">
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6} md={3}>
          <Form.Item label={t('pool.filters.region')} name="region">
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6} md={3}>
          <Form.Item label={t('pool.filters.industry')} name="industry">
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={6} sm={3} md={2}>
          <Form.Item label={t('pool.filters.minScore')} name="minScore">
            <InputNumber min={-1000} max={1000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={6} sm={3} md={2}>
          <Form.Item
            label={t('pool.filters.maxScore')}
            name="maxScore"
            dependencies={['minScore']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value) => {
                  const min = getFieldValue('minScore');
                  return typeof value === 'number' && typeof min === 'number' && value < min
                    ? Promise.reject(new Error(`≥ ${min}`))
                    : Promise.resolve();
                },
              }),
            ]}
          >
            <InputNumber min={-1000} max={1000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} md={5}>
          <Form.Item label={t('pool.filters.tags')} name="tags">
            <Input maxLength={1000} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={8}>
        <Col>
          <Button type="primary" htmlType="submit">
            {t('pool.filters.apply')}
          </Button>
        </Col>
        <Col>
          <Button
            onClick={() => {
              form.resetFields();
              props.onApply({});
            }}
          >
            {t('common.actions.reset')}
          </Button>
        </Col>
        <Col>{props.extra}</Col>
      </Row>
    </Form>
  );
}
