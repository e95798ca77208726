import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useChannelName } from '../../channels';
import { useFormat } from '../../format';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Nested objects flattened to "utm.source: baidu" lines. */
function flatten(value: unknown, prefix = ''): [string, string][] {
  if (value === null || value === undefined || value === '') return [];
  if (Array.isArray(value)) return prefix ? [[prefix, value.map((v) => String(v)).join(', ')]] : [];
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
      flatten(v, prefix ? `${prefix}.${k}` : k),
    );
  }
  return [[prefix || '·', String(value)]];
}

/**
 * A free-form fact (a source with its UTMs, qualification answers) as key/value lines that wrap
 * at any width: long URLs never push the page sideways on a phone.
 */
export function FactList({ value, translateKeys = true }: { value: unknown; translateKeys?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const channelName = useChannelName();
  const shown = (key: string, text: string) =>
    key === 'channel' ? (channelName(text) ?? text) : ISO_TIME.test(text) ? format.dateTime(text) : text;
  const label = (key: string) =>
    translateKeys ? t(`handoff.keys.${key.replace(/\./g, '_')}`, { defaultValue: key }) : key;
  const lines = flatten(value);
  if (lines.length === 0) return <Typography.Text type="secondary">{t('handoff.package.nothing')}</Typography.Text>;
  return (
    <dl style={{ margin: 0 }}>
      {lines.map(([key, text]) => (
        <div key={key} style={{ display: 'flex', flexWrap: 'wrap', columnGap: 8 }}>
          <dt style={{ color: 'rgba(0, 0, 0, 0.65)' }}>{label(key)}</dt>
          <dd style={{ margin: 0, minWidth: 0, overflowWrap: 'anywhere' }}>{shown(key, text)}</dd>
        </div>
      ))}
    </dl>
  );
}
