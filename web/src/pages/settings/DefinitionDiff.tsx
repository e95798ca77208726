import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { criteriaJson } from './DefinitionTypes';

interface Props {
  inForce: { version: number; criteria: unknown };
  proposal: { version: number; criteria: unknown };
}

/** The proposal's criteria next to the version in force; lines only on one side are marked. */
export function DefinitionDiff({ inForce, proposal }: Props) {
  const { t } = useTranslation();
  const left = criteriaJson(inForce.criteria).split('\n');
  const right = criteriaJson(proposal.criteria).split('\n');
  const column = (lines: string[], other: string[], mark: '-' | '+', label: string) => {
    const bare = (line: string) => line.replace(/,$/, '');
    const others = new Set(other.map(bare));
    return (
      <figure style={{ flex: '1 1 320px', minWidth: 0, margin: 0 }}>
        <figcaption>
          <Typography.Text strong>{label}</Typography.Text>
        </figcaption>
        <pre
          style={{
            fontSize: 12,
            whiteSpace: 'pre-wrap',
            wordBreak: 'break-word',
            background: '#fafafa',
            padding: 8,
            margin: 0,
          }}
        >
          {lines.map((line, i) => {
            const only = !others.has(bare(line));
            return (
              <div
                // biome-ignore lint/suspicious/noArrayIndexKey: lines of a fixed text
                key={i}
                style={only ? { background: mark === '+' ? '#d9f7be' : '#ffd8d6' } : undefined}
              >
                {only ? mark : ' '} {line}
              </div>
            );
          })}
        </pre>
      </figure>
    );
  };
  return (
    <section aria-label={t('settingsDefinitions.diff')} style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
      {column(left, right, '-', t('settingsDefinitions.diffInForce', { version: inForce.version }))}
      {column(right, left, '+', t('settingsDefinitions.diffProposal', { version: proposal.version }))}
    </section>
  );
}
