import { describe, expect, it } from 'vitest';
import { fieldForHeader, leadColumnLabels, leadFields, normaliseHeader } from './lead-columns.js';

describe('fieldForHeader', () => {
  it.each([
    ['姓名', 'name'],
    ['联系人', 'name'],
    ['名字', 'name'],
    ['手机', 'phone'],
    ['电话', 'phone'],
    ['手机号', 'phone'],
    ['联系电话', 'phone'],
    ['手机号码', 'phone'],
    ['邮箱', 'email'],
    ['电子邮件', 'email'],
    ['邮件', 'email'],
    ['电子邮箱', 'email'],
    ['公司', 'company'],
    ['公司名称', 'company'],
    ['企业名称', 'company'],
    ['职位', 'title'],
    ['职务', 'title'],
    ['头衔', 'title'],
    ['地区', 'region'],
    ['省份', 'region'],
    ['城市', 'region'],
    ['所在地区', 'region'],
    ['行业', 'industry'],
    ['员工数', 'employees'],
    ['员工人数', 'employees'],
    ['人数', 'employees'],
    ['规模', 'employees'],
    ['渠道', 'channel'],
    ['来源', 'channel'],
    ['来源渠道', 'channel'],
    ['外部编号', 'externalId'],
    ['结果', 'outcome'],
    ['来源页', 'referrer'],
    ['落地页', 'landingPage'],
  ])('Chinese label %s → %s', (header, field) => {
    expect(fieldForHeader(header)).toEqual({ field });
  });

  it('knows every field by its POST /leads name', () => {
    for (const field of leadFields) expect(fieldForHeader(field)).toEqual({ field });
  });

  it.each([
    ['utm_source', 'utm_source'],
    ['utmSource', 'utm_source'],
    ['UTM Source', 'utm_source'],
    ['utm-medium', 'utm_medium'],
    ['utmCampaign', 'utm_campaign'],
    ['utm_term', 'utm_term'],
    ['UtmContent', 'utm_content'],
    ['landing_page', 'landingPage'],
    ['external_id', 'externalId'],
  ])('source fields in any spelling: %s → %s', (header, field) => {
    expect(fieldForHeader(header)).toEqual({ field });
  });

  it.each([
    ['  姓名 ', 'name'],
    ['NAME', 'name'],
    ['Email', 'email'],
    ['手机*', 'phone'],
    ['*手机', 'phone'],
    ['手机 *', 'phone'],
    ['姓名(必填)', 'name'],
    ['姓名（必填）', 'name'], // full-width parentheses
    ['姓名（必填）*', 'name'],
    ['手机＊', 'phone'], // full-width asterisk
    ['ｅｍａｉｌ', 'email'], // full-width letters
    ['\u3000公司\u3000', 'company'], // ideographic spaces
    ['\ufeff姓名', 'name'], // a BOM left in the first cell
    ['phone (required)', 'phone'],
  ])('ignores case, spaces, full-width forms and required markers: %j → %s', (header, field) => {
    expect(fieldForHeader(header)).toEqual({ field });
  });

  it('keeps an unknown header as a custom field under its trimmed original text', () => {
    expect(fieldForHeader('  备注 ')).toEqual({ custom: '备注' });
    expect(fieldForHeader('Lead Score')).toEqual({ custom: 'Lead Score' });
    expect(fieldForHeader('客户等级*')).toEqual({ custom: '客户等级*' });
  });

  it('does not mistake Object.prototype members for fields', () => {
    expect(fieldForHeader('constructor')).toEqual({ custom: 'constructor' });
    expect(fieldForHeader('__proto__')).toEqual({ custom: '__proto__' });
    expect(fieldForHeader('toString')).toEqual({ custom: 'toString' });
  });
});

describe('leadColumnLabels', () => {
  it('is keyed by normalised header text', () => {
    expect(leadColumnLabels.手机).toBe('phone');
    expect(leadColumnLabels[normaliseHeader('landingPage')]).toBe('landingPage');
    expect(leadColumnLabels[normaliseHeader('utm_source')]).toBe('utm_source');
    for (const key of Object.keys(leadColumnLabels)) expect(normaliseHeader(key)).toBe(key);
  });

  it('maps every label to a known field', () => {
    for (const field of Object.values(leadColumnLabels)) expect(leadFields).toContain(field);
  });
});
