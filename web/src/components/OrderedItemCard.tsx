import { Button, Card, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** What the fields of one item of an ordered Form.List are given by the list. */
export interface OrderedItemProps {
  /** The Form.List field name of this item. */
  name: number;
  index: number;
  count: number;
  onRemove(): void;
  onMove(to: number): void;
}

/**
 * One item of an ordered list being edited (a template's criteria, routing rules) as a card
 * named `label`, with ↑ ↓ × buttons to move it and remove it, named by the catalogue's
 * `{texts}.moveUp`, `.moveDown` and `.{removeKey}` with the item's number `n`.
 */
export function OrderedItemCard({
  label,
  title = label,
  index,
  count,
  onMove,
  onRemove,
  canRemove = true,
  texts,
  removeKey = 'remove',
  children,
}: {
  /** The card's accessible name (a group). */
  label: string;
  /** What the card shows as its title; its accessible name by default. */
  title?: string;
  index: number;
  count: number;
  onMove(to: number): void;
  onRemove(): void;
  canRemove?: boolean;
  texts: string;
  removeKey?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const n = index + 1;
  return (
    <Card
      size="small"
      role="group"
      aria-label={label}
      title={title}
      style={{ marginBottom: 12 }}
      extra={
        <Space>
          <Button
            size="small"
            disabled={index === 0}
            onClick={() => onMove(index - 1)}
            aria-label={t(`${texts}.moveUp`, { n })}
          >
            ↑
          </Button>
          <Button
            size="small"
            disabled={index === count - 1}
            onClick={() => onMove(index + 1)}
            aria-label={t(`${texts}.moveDown`, { n })}
          >
            ↓
          </Button>
          <Button
            size="small"
            danger
            disabled={!canRemove}
            onClick={onRemove}
            aria-label={t(`${texts}.${removeKey}`, { n })}
          >
            ×
          </Button>
        </Space>
      }
    >
      {children}
    </Card>
  );
}
