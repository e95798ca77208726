import { Button, Card, Space } from 'antd';
import type { ReactNode } from 'react';

/**
 * One item of an ordered list being edited (a template's criteria, routing rules) as a card
 * named `label`, with ↑ ↓ × buttons to move it and remove it; their accessible names are given.
 */
export function OrderedItemCard({
  label,
  title = label,
  index,
  count,
  onMove,
  onRemove,
  canRemove = true,
  names,
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
  names: { moveUp: string; moveDown: string; remove: string };
  children: ReactNode;
}) {
  return (
    <Card
      size="small"
      role="group"
      aria-label={label}
      title={title}
      style={{ marginBottom: 12 }}
      extra={
        <Space>
          <Button size="small" disabled={index === 0} onClick={() => onMove(index - 1)} aria-label={names.moveUp}>
            ↑
          </Button>
          <Button
            size="small"
            disabled={index === count - 1}
            onClick={() => onMove(index + 1)}
            aria-label={names.moveDown}
          >
            ↓
          </Button>
          <Button size="small" danger disabled={!canRemove} onClick={onRemove} aria-label={names.remove}>
            ×
          </Button>
        </Space>
      }
    >
      {children}
    </Card>
  );
}
