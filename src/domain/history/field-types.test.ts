import { describe, expect, it } from 'vitest';
import { type ColumnType, FieldTypeVote, typedValue } from './field-types.js';

const infer = (values: string[]): ColumnType => {
  const vote = new FieldTypeVote();
  for (const v of values) vote.add(v);
  return { type: vote.type, timed: vote.timed };
};

describe('custom column types', () => {
  it.each([
    [['1', '0', '', '1'], 'yes_no'],
    [['是', '否', 'Yes', 'n', 'TRUE'], 'yes_no'],
    [['1', '2', '0'], 'number'],
    [['1,200', '-3.5', '+7', '1e3', '１２'], 'number'],
    [['2025-03-04', '2025/3/5', '2025年3月6日'], 'date'],
    [['2025-03-04', '12'], 'category'],
    [['1,20', '3'], 'category'],
    [['A', 'B'], 'category'],
    [['', '  '], 'category'],
  ])('%j → %s', (values, type) => {
    expect(infer(values).type).toBe(type);
  });

  it('converts values to JSON numbers, booleans and dates', () => {
    expect(typedValue({ type: 'number', timed: false }, '12,500.5')).toBe(12500.5);
    expect(typedValue({ type: 'yes_no', timed: false }, '否')).toBe(false);
    expect(typedValue({ type: 'yes_no', timed: false }, '1')).toBe(true);
    expect(typedValue({ type: 'date', timed: false }, '2025/3/4')).toBe('2025-03-04');
    expect(typedValue({ type: 'category', timed: false }, '  春季展会 ')).toBe('春季展会');
  });

  it('a date column with times writes every value as an instant (China time when no zone is given)', () => {
    const column = infer(['2025-03-04', '2025-03-05 10:00']);
    expect(column).toEqual({ type: 'date', timed: true });
    expect(typedValue(column, '2025-03-04')).toBe('2025-03-03T16:00:00.000Z');
    expect(typedValue(column, '2025-03-05 10:00')).toBe('2025-03-05T02:00:00.000Z');
  });
});
