/**
 * The simulation form (SPEC §8.6): what to simulate, over which period, and the candidate as
 * JSON — a copy of the settings in force to edit, or a pending MQL definition version in one
 * click. The API's errors are shown next to the field they name; what was typed stays.
 */
import { Alert, Button, Col, Form, Input, Row, Space, Typography } from 'antd';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Period, SimulationKind } from './simulation';
import { simulationKinds } from './simulation';
import type { SimulationErrors } from './simulationErrors';
import type { StartingPoints } from './startingPoints';

const selectStyle = {
  font: 'inherit',
  width: '100%',
  height: 32,
  padding: '4px 8px',
  border: '1px solid #d9d9d9',
  borderRadius: 6,
  background: '#fff',
};

/** A field's errors as its help: one line, or a list under a title. */
function errorHelp(messages: string[], title?: string): ReactNode {
  if (!messages.length) return undefined;
  if (messages.length === 1 && !title) return messages[0];
  return (
    <Alert
      type="error"
      style={{ margin: '8px 0' }}
      title={title}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      }
    />
  );
}

interface Props {
  kind: SimulationKind;
  onKind(kind: SimulationKind): void;
  period: Period;
  onPeriod(period: Period): void;
  text: string;
  onText(text: string): void;
  starting: StartingPoints | undefined;
  /** The starting point the text was last set from: 'inForce' or a pending version. */
  onStartFrom(from: 'inForce' | number): void;
  errors: SimulationErrors;
  running: boolean;
  onRun(): void;
}

export function SimulationForm(props: Props) {
  const { kind, period, errors, starting } = props;
  const { t } = useTranslation();
  const ids = { kind: useId(), from: useId(), to: useId(), candidate: useId() };
  const status = (messages: string[]) => (messages.length ? ('error' as const) : undefined);
  return (
    <Form layout="vertical" onFinish={props.onRun} aria-label={t('simulate.formTitle')}>
      {errors.other.length ? (
        <Alert
          type="error"
          style={{ marginBottom: 16 }}
          title={t('simulate.failed')}
          description={errors.other.join('; ')}
        />
      ) : null}
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            label={t('simulate.kind')}
            htmlFor={ids.kind}
            validateStatus={status(errors.kind)}
            help={errorHelp(errors.kind)}
          >
            <select
              id={ids.kind}
              value={kind}
              onChange={(e) => props.onKind(e.target.value as SimulationKind)}
              style={selectStyle}
            >
              {simulationKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`simulate.kinds.${k}`)}
                </option>
              ))}
            </select>
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item
            label={t('simulate.from')}
            htmlFor={ids.from}
            validateStatus={status(errors.from)}
            help={errorHelp(errors.from)}
          >
            <Input
              id={ids.from}
              type="date"
              value={period.from}
              onChange={(e) => props.onPeriod({ ...period, from: e.target.value })}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item
            label={t('simulate.to')}
            htmlFor={ids.to}
            validateStatus={status(errors.to)}
            help={errorHelp(errors.to)}
            extra={t('simulate.toHint')}
          >
            <Input
              id={ids.to}
              type="date"
              value={period.to}
              onChange={(e) => props.onPeriod({ ...period, to: e.target.value })}
            />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary">{t(`simulate.candidateHint.${kind}`)}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 8 }}>
        <Button size="small" disabled={!starting} onClick={() => props.onStartFrom('inForce')}>
          {starting?.version
            ? t('simulate.startFromInForce', { version: starting.version })
            : t('simulate.startFromDefaults')}
        </Button>
        {starting?.pending.map((p) => (
          <Button key={p.version} size="small" onClick={() => props.onStartFrom(p.version)}>
            {t('simulate.startFromPending', { version: p.version })}
          </Button>
        ))}
      </Space>
      <Form.Item
        label={t('simulate.candidate')}
        htmlFor={ids.candidate}
        validateStatus={status(errors.candidate)}
        help={errorHelp(errors.candidate, t('simulate.candidateRefused'))}
      >
        <Input.TextArea
          id={ids.candidate}
          rows={14}
          spellCheck={false}
          value={props.text}
          onChange={(e) => props.onText(e.target.value)}
          style={{ fontFamily: 'monospace', fontSize: 12 }}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={props.running} disabled={!props.text.trim()}>
        {t('simulate.run')}
      </Button>
    </Form>
  );
}
