import { describe, expect, it } from 'vitest';
import type { CleaningLead } from './cleaning-lead.js';
import { decideCleaning, mergeCleaningFlags } from './decide-cleaning.js';
import type { IcpRule } from './icp-rules.js';

const lead = (over: Partial<CleaningLead> = {}): CleaningLead => ({
  name: '王伟',
  phone: '+8613912345601',
  email: null,
  company: '上海云杉软件有限公司',
  title: null,
  region: null,
  regionCode: null,
  industry: null,
  employees: 200,
  channel: 'sem',
  fields: {},
  ...over,
});
const rules: IcpRule[] = [
  {
    id: 'small',
    description: '少于 20 人',
    condition: { field: 'employees', op: 'lt', value: 20 },
    action: 'disqualify',
    reason: 'outside_icp',
    flag: 'ICP:employees<20',
    enabled: true,
  },
];

describe('deciding automatic cleaning', () => {
  it('disqualifies junk before ICP, and says why in both languages', () => {
    const d = decideCleaning(lead({ name: '测试', employees: 5 }), rules, { junk: true, mayDisqualify: true });
    expect(d.disqualify).toMatchObject({ reason: 'test_data', by: 'junk', ruleId: null });
    expect(d.disqualify?.message.zh).toContain('测试');
    expect(d.flags).toEqual(['ICP:employees<20']);
  });

  it('disqualifies by an ICP rule, naming it', () => {
    const d = decideCleaning(lead({ employees: 10 }), rules, { junk: true, mayDisqualify: true });
    expect(d.disqualify).toMatchObject({ reason: 'outside_icp', by: 'icp', ruleId: 'small' });
  });

  it('skips junk detection on a re-check', () => {
    expect(decideCleaning(lead({ name: '测试' }), rules, { junk: false, mayDisqualify: true }).disqualify).toBeNull();
  });

  it('turns a would-be disqualification into flags on a lead someone holds', () => {
    const d = decideCleaning(lead({ name: 'sdfghj', employees: 10 }), rules, { junk: true, mayDisqualify: false });
    expect(d).toEqual({ disqualify: null, flags: ['ICP:employees<20', 'JUNK:keyboard_mash'] });
  });

  it('replaces ICP flags on a re-check and keeps the others', () => {
    expect(mergeCleaningFlags(['MRL', 'ICP:employees<20', 'JUNK:fake_phone'], [], true)).toEqual([
      'MRL',
      'JUNK:fake_phone',
    ]);
    expect(mergeCleaningFlags(['MRL'], ['ICP:employees<20'], false)).toEqual(['MRL', 'ICP:employees<20']);
  });
});
