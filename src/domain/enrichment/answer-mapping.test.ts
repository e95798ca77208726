import { describe, expect, it } from 'vitest';
import { checkFieldMap, mapAnswer, valueAtPath } from './answer-mapping.js';

describe('reading an answer through a field map', () => {
  const answer = { data: { industry: '软件', staff_size: '500-999人', items: [{ city: '深圳' }], capital: 1000 } };

  it('follows dot paths, array indices included', () => {
    expect(valueAtPath(answer, 'data.items.0.city')).toBe('深圳');
    expect(valueAtPath(answer, 'data.items.x')).toBeUndefined();
    expect(valueAtPath(answer, 'data.missing.deeper')).toBeUndefined();
    expect(valueAtPath(answer, 'data.__proto__')).toBeUndefined();
  });

  it('coerces values to facts and leaves out what does not fit', () => {
    expect(
      mapAnswer(answer, {
        industry: 'data.industry',
        employees: 'data.staff_size',
        city: 'data.items.0.city',
        registeredCapital: 'data.capital',
        website: 'data.items',
      }),
    ).toEqual({ industry: '软件', employees: 500, employeeBand: '500-999人', city: '深圳', registeredCapital: '1000' });
    expect(mapAnswer({ data: {} }, { industry: 'data.industry' })).toBeNull();
    expect(mapAnswer('not an object', { industry: 'data.industry' })).toBeNull();
  });

  it('names a target that is no company fact and a path that is no dot path', () => {
    expect(checkFieldMap({ staff: 'data.staff', industry: 'data..x' })).toEqual([
      {
        field: 'fieldMap.staff',
        message: expect.stringContaining('not a company fact'),
        messageZh: expect.stringContaining('不是公司信息字段'),
      },
      {
        field: 'fieldMap.industry',
        message: expect.stringContaining('dot path'),
        messageZh: expect.stringContaining('点路径'),
      },
    ]);
    expect(checkFieldMap({})[0].field).toBe('fieldMap');
  });
});
