import { describe, expect, it } from 'vitest';
import { parseDateText } from './date-text.js';

describe('dates written in spreadsheets', () => {
  it.each([
    ['2025-03-04', '2025-03-04', '2025-03-03T16:00:00.000Z'],
    ['2025/3/4', '2025-03-04', '2025-03-03T16:00:00.000Z'],
    ['2025年3月4日', '2025-03-04', '2025-03-03T16:00:00.000Z'],
    ['2025-03-04 10:00', null, '2025-03-04T02:00:00.000Z'],
    ['2025-03-04T10:00:30', null, '2025-03-04T02:00:30.000Z'],
    ['2025-03-04T10:00:00Z', null, '2025-03-04T10:00:00.000Z'],
    ['2025-03-04T10:00:00+08:00', null, '2025-03-04T02:00:00.000Z'],
  ])('%s', (text, day, at) => {
    expect(parseDateText(text)).toEqual({ day, at: new Date(at) });
  });

  it.each(['2025-02-30', '2025-13-01', 'yesterday', '45720', '2025-03-04 25:00'])('%s is not a date', (text) => {
    expect(parseDateText(text)).toBeNull();
  });
});
