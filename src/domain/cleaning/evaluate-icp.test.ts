import { describe, expect, it } from 'vitest';
import type { CleaningLead } from './cleaning-lead.js';
import { evaluateCondition, evaluateIcpRules } from './evaluate-icp.js';
import { defaultIcpRules, type IcpRule } from './icp-rules.js';

const lead = (over: Partial<CleaningLead> = {}): CleaningLead => ({
  name: '王伟',
  phone: '+8613912345601',
  email: 'wang@yunshan.cn',
  company: '上海云杉软件有限公司',
  title: '技术总监',
  region: '上海',
  regionCode: '31',
  industry: '软件',
  employees: 200,
  channel: 'sem',
  fields: {},
  ...over,
});

const rule = (over: Partial<IcpRule>): IcpRule => ({
  id: 'r',
  description: 'r',
  condition: { field: 'employees', op: 'lt', value: 20 },
  action: 'disqualify',
  reason: 'outside_icp',
  flag: 'ICP:r',
  enabled: true,
  ...over,
});

describe('ICP conditions', () => {
  it('compares numbers, and numeric text in custom attributes', () => {
    expect(evaluateCondition({ field: 'employees', op: 'lt', value: 20 }, lead({ employees: 10 }))).toBe(true);
    expect(evaluateCondition({ field: 'employees', op: 'lt', value: 20 }, lead({ employees: 20 }))).toBe(false);
    expect(evaluateCondition({ field: 'employees', op: 'lte', value: 20 }, lead({ employees: 20 }))).toBe(true);
    expect(
      evaluateCondition(
        { field: 'fields.注册资本', op: 'gte', value: 1000 },
        lead({ fields: { 注册资本: ' 1,500 ' } }),
      ),
    ).toBe(true);
    expect(
      evaluateCondition({ field: 'fields.注册资本', op: 'gte', value: 1000 }, lead({ fields: { 注册资本: '五百万' } })),
    ).toBeUndefined();
  });

  it('says unknown, never true, when the value is missing — even under not / nin / ne', () => {
    const noSize = lead({ employees: null });
    expect(evaluateCondition({ field: 'employees', op: 'lt', value: 20 }, noSize)).toBeUndefined();
    expect(evaluateCondition({ not: { field: 'employees', op: 'gte', value: 20 } }, noSize)).toBeUndefined();
    expect(evaluateCondition({ field: 'fields.企业类型', op: 'nin', value: ['民营企业'] }, lead())).toBeUndefined();
    expect(evaluateCondition({ field: 'industry', op: 'ne', value: '软件' }, lead({ industry: '' }))).toBeUndefined();
  });

  it('matches text without regard to width, case or surrounding spaces; in / nin over lists', () => {
    const soe = lead({ fields: { 企业类型: ' 国有企业 ' } });
    expect(evaluateCondition({ field: 'fields.企业类型', op: 'in', value: ['国有企业', '外资企业'] }, soe)).toBe(true);
    expect(evaluateCondition({ field: 'fields.企业类型', op: 'nin', value: ['国有企业'] }, soe)).toBe(false);
    expect(evaluateCondition({ field: 'emailDomain', op: 'eq', value: 'YUNSHAN.CN' }, lead())).toBe(true);
    expect(
      evaluateCondition(
        { field: 'company', op: 'contains', value: ['(中国)'] },
        lead({ company: '西门子（中国）有限公司' }),
      ),
    ).toBe(true);
    expect(evaluateCondition({ field: 'company', op: 'contains', value: '国有' }, lead())).toBe(false);
  });

  it('matches a list attribute when any item does', () => {
    const tags = lead({ fields: { 企业类型: ['上市公司', '外资企业'] } });
    expect(evaluateCondition({ field: 'fields.企业类型', op: 'in', value: ['外资企业'] }, tags)).toBe(true);
    expect(evaluateCondition({ field: 'fields.企业类型', op: 'nin', value: ['外资企业'] }, tags)).toBe(false);
  });

  it('combines with three-valued all / any / not', () => {
    const small = { field: 'employees', op: 'lt', value: 20 } as const;
    const soft = { field: 'industry', op: 'eq', value: '软件' } as const;
    const unknown = { field: 'fields.x', op: 'eq', value: 'y' } as const;
    const l = lead({ employees: 10 });
    expect(evaluateCondition({ all: [small, soft] }, l)).toBe(true);
    expect(evaluateCondition({ all: [small, unknown] }, l)).toBeUndefined();
    expect(evaluateCondition({ all: [{ not: small }, unknown] }, l)).toBe(false);
    expect(evaluateCondition({ any: [unknown, small] }, l)).toBe(true);
    expect(evaluateCondition({ any: [unknown, { not: small }] }, l)).toBeUndefined();
  });
});

describe('ICP rules', () => {
  it('disqualifies by the first matching disqualify rule, and flags every matching rule', () => {
    const rules = [
      rule({ id: 'small', action: 'flag', flag: 'ICP:employees<20' }),
      rule({ id: 'tiny', condition: { field: 'employees', op: 'lt', value: 5 }, flag: 'ICP:employees<5' }),
      rule({ id: 'off', enabled: false, flag: 'ICP:off' }),
    ];
    const out = evaluateIcpRules(rules, lead({ employees: 3 }));
    expect(out.disqualifiedBy?.id).toBe('tiny');
    expect(out.flags).toEqual(['ICP:employees<20', 'ICP:employees<5']);
    expect(evaluateIcpRules(rules, lead({ employees: 10 })).disqualifiedBy).toBeNull();
    expect(evaluateIcpRules(rules, lead({ employees: null }))).toEqual({
      matched: [],
      disqualifiedBy: null,
      flags: [],
    });
  });

  it('ships defaults that only flag small companies until a team switches the others on', () => {
    expect(defaultIcpRules.filter((r) => r.enabled).map((r) => [r.id, r.action])).toEqual([['small-company', 'flag']]);
    const soe = lead({ employees: 10, fields: { 企业类型: '国有企业' } });
    expect(evaluateIcpRules(defaultIcpRules, soe)).toMatchObject({ disqualifiedBy: null, flags: ['ICP:employees<20'] });
    const switchedOn = defaultIcpRules.map((r) => ({ ...r, enabled: true }));
    expect(evaluateIcpRules(switchedOn, soe).disqualifiedBy?.id).toBe('state-or-foreign-owned');
  });
});
