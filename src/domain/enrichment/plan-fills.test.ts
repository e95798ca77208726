import { describe, expect, it } from 'vitest';
import { type EnrichableLead, emptyFields, planFills } from './plan-fills.js';

const empty: EnrichableLead = { industry: null, employees: null, region: null, regionCode: null, fields: {} };

describe('planFills', () => {
  it('fills every empty field, the city through the region taxonomy', () => {
    const { fills, lead } = planFills(empty, {
      industry: '企业软件',
      employees: 300,
      city: 'Shanghai',
      website: 'https://acme.cn',
      registeredCapital: '1000万人民币',
      fundingRound: 'B轮',
      creditCode: '91310000MA1FL0000X',
    });
    expect(lead).toEqual({
      industry: '企业软件',
      employees: 300,
      region: '上海市',
      regionCode: '31',
      fields: {
        website: 'https://acme.cn',
        registeredCapital: '1000万人民币',
        fundingRound: 'B轮',
        creditCode: '91310000MA1FL0000X',
      },
    });
    expect(fills.map((f) => f.field)).toEqual([
      'industry',
      'employees',
      'region',
      'website',
      'registeredCapital',
      'fundingRound',
      'creditCode',
    ]);
  });

  it('never overwrites what is there, and an earlier provider wins over a later one', () => {
    const typed = { ...empty, industry: '制造业', fields: { 统一社会信用代码: '91310000MA1FL0000X' } };
    const first = planFills(typed, { industry: '软件', employees: 50, creditCode: '91110000600000000Y' });
    expect(first.fills).toEqual([{ field: 'employees', value: 50 }]);
    const second = planFills(first.lead, { employees: 9999, website: 'https://x.cn' });
    expect(second.fills).toEqual([{ field: 'website', value: 'https://x.cn' }]);
    expect(second.lead.employees).toBe(50);
    expect(second.lead.industry).toBe('制造业');
  });

  it('keeps an unknown city as written, without a code, and records the band of a head count', () => {
    const { lead, fills } = planFills(empty, { city: '火星基地', employees: 100, employeeBand: '100-499人' });
    expect(lead.region).toBe('火星基地');
    expect(lead.regionCode).toBeNull();
    expect(fills).toContainEqual({ field: 'employeeBand', value: '100-499人' });
  });

  it('treats blank text as empty and lists what is left to fill', () => {
    expect(emptyFields({ ...empty, industry: '  ' })).toContain('industry');
    const full = planFills(empty, {
      industry: 'a',
      employees: 1,
      city: '杭州',
      website: 'w',
      registeredCapital: 'r',
      fundingRound: 'f',
      creditCode: 'c',
    }).lead;
    expect(emptyFields(full)).toEqual([]);
  });
});
