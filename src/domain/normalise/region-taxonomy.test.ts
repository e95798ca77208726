import { describe, expect, it } from 'vitest';
import { CITY_ENTRIES, MUNICIPALITY_CODE_ALIASES, PROVINCE_ENTRIES } from './region-taxonomy.js';

describe('region taxonomy', () => {
  it('has the 34 provincial-level units, each with an English name', () => {
    expect(PROVINCE_ENTRIES).toHaveLength(34);
    const codes = PROVINCE_ENTRIES.map((e) => e.region.code);
    expect(new Set(codes).size).toBe(34);
    expect(codes).toEqual(expect.arrayContaining(['11', '31', '33', '45', '54', '65', '71', '81', '82']));
    for (const { region } of PROVINCE_ENTRIES) {
      expect(region.level).toBe('province');
      expect(region.provinceCode).toBe(region.code);
      expect(region.nameEn).toMatch(/^[A-Z][A-Za-z ]+$/);
    }
  });

  it('leaves the municipalities without cities and aliases their district codes to them', () => {
    const municipalityCities = CITY_ENTRIES.filter((e) => ['11', '12', '31', '50'].includes(e.region.provinceCode));
    expect(municipalityCities).toEqual([]);
    expect(Object.fromEntries(MUNICIPALITY_CODE_ALIASES)).toEqual({
      '1101': '11',
      '1201': '12',
      '3101': '31',
      '5001': '50',
      '5002': '50',
    });
  });

  it('leaves out the county groupings that are not cities', () => {
    const names = CITY_ENTRIES.map((e) => e.region.name);
    expect(names).not.toContain('省直辖县级行政区划');
    expect(names).not.toContain('自治区直辖县级行政区划');
    expect(names).not.toContain('市辖区');
  });

  it('describes a city with its province and pinyin name', () => {
    const hangzhou = CITY_ENTRIES.find((e) => e.region.code === '3301');
    expect(hangzhou?.region).toEqual({
      code: '3301',
      name: '杭州市',
      provinceCode: '33',
      provinceName: '浙江省',
      level: 'city',
      nameEn: 'Hangzhou',
    });
    expect(hangzhou?.names).toEqual(expect.arrayContaining(['杭州市', '杭州', 'Hangzhou']));
  });

  it('gives every city a capitalised single-word English name', () => {
    expect(CITY_ENTRIES.length).toBeGreaterThan(320);
    for (const { region } of CITY_ENTRIES) {
      expect(region.level).toBe('city');
      expect(region.nameEn).toMatch(/^[A-Z][a-zü]+$/);
    }
  });

  it('freezes regions so shared instances cannot be mutated by callers', () => {
    expect(Object.isFrozen(PROVINCE_ENTRIES[0].region)).toBe(true);
    expect(Object.isFrozen(CITY_ENTRIES[0].region)).toBe(true);
  });
});
