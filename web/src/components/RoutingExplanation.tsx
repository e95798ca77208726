import { List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { type RoutingLine, useRoutingLineWords } from '../routing-lines';

const outcomeColour: Record<string, string> = {
  picked: 'purple',
  skipped: 'magenta',
  dispatch: 'geekblue',
  no_match: 'red',
};

/** Every rule tried, every rep skipped and why, and the pick (SPEC §5.2), in the reader's language. */
export function RoutingExplanation({ steps }: { steps: readonly RoutingLine[] }) {
  const { t } = useTranslation();
  const words = useRoutingLineWords();
  return (
    <List
      size="small"
      dataSource={[...steps]}
      renderItem={(s) => (
        <List.Item>
          <span>
            <Tag color={outcomeColour[s.outcome] ?? 'default'}>
              {t(`routingLines.outcome.${s.outcome}`, { defaultValue: s.outcome })}
            </Tag>
            {words(s)}
          </span>
        </List.Item>
      )}
    />
  );
}
