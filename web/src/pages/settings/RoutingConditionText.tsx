import { useTranslation } from 'react-i18next';
import { useChannelName } from '../../channels';
import type { RouteCondition } from './RoutingModel';

const statuses = ['new', 'working', 'nurturing', 'mql', 'sql', 'opportunity', 'won', 'lost', 'disqualified'];
const paths = ['direct_to_sales', 'sdr_queue', 'disqualified', 'pool'];
const knownFields = ['channel', 'channelPath', 'status', 'grade', 'score', 'flags'];

/** A routing condition in words, in the user's language: channels by name, paths and states by label. */
export function useConditionText(): (condition: RouteCondition | null | undefined) => string {
  const { t } = useTranslation();
  const channelName = useChannelName();
  const valueText = (field: string, v: string | number): string => {
    const s = String(v);
    if (field === 'channel') return channelName(s) ?? s;
    if (field === 'channelPath' && paths.includes(s)) return t(`settingsRouting.paths.${s}`);
    if (field === 'status' && statuses.includes(s)) return t(`common.status.${s}`);
    return s;
  };
  const describe = (c: RouteCondition | null | undefined): string => {
    if (c === null || c === undefined) return t('settingsRouting.every');
    if ('all' in c) return t('settingsRouting.all', { items: c.all.map(describe).join(t('settingsRouting.join')) });
    if ('any' in c) return t('settingsRouting.any', { items: c.any.map(describe).join(t('settingsRouting.join')) });
    if ('not' in c) return t('settingsRouting.not', { item: describe(c.not) });
    const field = knownFields.includes(c.field)
      ? t(`settingsRouting.fields.${c.field}`)
      : t('settingsRouting.customField', { name: c.field.replace(/^fields\./, '') });
    const op = t(`settingsRouting.ops.${c.op}`, { defaultValue: c.op });
    const values = (Array.isArray(c.value) ? c.value : [c.value]).map((v) => valueText(c.field, v));
    return `${field} ${op} ${values.join(t('settingsRouting.or'))}`;
  };
  return describe;
}
