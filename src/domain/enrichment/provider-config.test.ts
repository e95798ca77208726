import { describe, expect, it } from 'vitest';
import { checkHttpJsonSettings, keepMaskedSecrets, maskSecret } from './provider-config.js';

describe('provider settings', () => {
  it('masks secrets and keeps the stored one when the mask comes back', () => {
    expect(maskSecret('sk-live-0123456789abcd')).toBe('****abcd');
    expect(maskSecret('short')).toBe('****');
    const stored = { Authorization: 'Bearer sk-live-0123456789abcd' };
    expect(keepMaskedSecrets({ Authorization: '****abcd' }, stored)).toEqual(stored);
    expect(keepMaskedSecrets({ Authorization: 'Bearer new' }, stored)).toEqual({ Authorization: 'Bearer new' });
    expect(keepMaskedSecrets({}, stored)).toEqual({});
  });

  it('names every bad setting', () => {
    expect(
      checkHttpJsonSettings({
        urlTemplate: 'http://h/{nope}',
        fieldMap: { size: 'a' },
        headers: { 'bad name': 'x', Host: 'y', 'X-Key': 'a\nb' },
      }).map((e) => e.field),
    ).toEqual(['urlTemplate', 'fieldMap.size', 'headers.bad name', 'headers.Host', 'headers.X-Key']);
    expect(checkHttpJsonSettings({}).map((e) => e.field)).toEqual(['urlTemplate', 'fieldMap']);
  });
});
