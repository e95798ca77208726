import { describe, expect, it } from 'vitest';
import { isRegionName, normaliseRegion, regionByCode, regionMatches } from './region.js';

const codeOf = (raw: string) => normaliseRegion(raw)?.code ?? null;

describe('normaliseRegion', () => {
  it.each([
    '上海',
    '上海市',
    'Shanghai',
    'shanghai',
    'SHANGHAI',
    ' 上海 ',
    'ＳＨＡＮＧＨＡＩ',
    'Shanghai, China',
    '中国上海',
  ])('reads %j as the municipality 上海', (raw) => {
    expect(normaliseRegion(raw)).toEqual({
      code: '31',
      name: '上海市',
      provinceCode: '31',
      provinceName: '上海市',
      level: 'province',
      nameEn: 'Shanghai',
    });
  });

  it.each(['浙江', '浙江省', 'Zhejiang', 'Zhejiang Province', 'ZHEJIANG'])('reads %j as the province 浙江', (raw) => {
    expect(normaliseRegion(raw)).toMatchObject({ code: '33', name: '浙江省', level: 'province', nameEn: 'Zhejiang' });
  });

  it.each([
    '杭州',
    '杭州市',
    'Hangzhou',
    'Hang Zhou',
    'hangzhou city',
    '浙江杭州',
    '浙江省杭州市',
    '浙江 杭州',
    '浙江省/杭州市',
    'Hangzhou, Zhejiang',
    'Zhejiang Hangzhou',
    '杭州市西湖区',
    '浙江省杭州市西湖区文三路 100 号',
  ])('reads %j as the city 杭州', (raw) => {
    expect(normaliseRegion(raw)).toEqual({
      code: '3301',
      name: '杭州市',
      provinceCode: '33',
      provinceName: '浙江省',
      level: 'city',
      nameEn: 'Hangzhou',
    });
  });

  it.each([
    ['广西', '45', '广西壮族自治区'],
    ['广西壮族自治区', '45', '广西壮族自治区'],
    ['Guangxi Zhuang Autonomous Region', '45', '广西壮族自治区'],
    ['内蒙古', '15', '内蒙古自治区'],
    ['Inner Mongolia', '15', '内蒙古自治区'],
    ['西藏', '54', '西藏自治区'],
    ['Tibet', '54', '西藏自治区'],
    ['Xizang', '54', '西藏自治区'],
    ['香港', '81', '香港特别行政区'],
    ['Hong Kong', '81', '香港特别行政区'],
    ['Hong Kong SAR', '81', '香港特别行政区'],
    ['澳门', '82', '澳门特别行政区'],
    ['Macau', '82', '澳门特别行政区'],
    ['Macao', '82', '澳门特别行政区'],
    ['台湾', '71', '台湾省'],
    ['臺灣', '71', '台湾省'],
    ['Shanxi', '14', '山西省'],
    ['Shaanxi', '61', '陕西省'],
  ])('reads %j as the provincial unit %s', (raw, code, name) => {
    expect(normaliseRegion(raw)).toMatchObject({ code, name, level: 'province' });
  });

  it('returns the municipality, not a district, for places inside 北京/上海/天津/重庆', () => {
    expect(normaliseRegion('北京市朝阳区')).toMatchObject({ code: '11', level: 'province' });
    expect(normaliseRegion('上海浦东新区')).toMatchObject({ code: '31', level: 'province' });
    expect(normaliseRegion('Chongqing')).toMatchObject({ code: '50', level: 'province' });
  });

  it('keeps the province when the named city is not one of its cities', () => {
    expect(codeOf('海南琼海')).toBe('46'); // 琼海 is county-level, not in the taxonomy
    expect(codeOf('浙江南京')).toBe('33');
  });

  it('reads a bare name shared by a province and a city as the province', () => {
    expect(codeOf('吉林')).toBe('22');
    expect(codeOf('Jilin')).toBe('22');
    expect(codeOf('海南')).toBe('46');
  });

  it('reads the city when the city form of a shared name is written', () => {
    expect(codeOf('吉林市')).toBe('2202');
    expect(codeOf('吉林市船营区')).toBe('2202');
    expect(codeOf('吉林省吉林市')).toBe('2202');
    expect(codeOf('海南藏族自治州')).toBe('6325');
    expect(codeOf('海南州')).toBe('6325');
    expect(codeOf('海南三亚')).toBe('4602');
  });

  it('prefers the same-named city in the given province, else the first by code', () => {
    expect(codeOf('Taizhou')).toBe('3212'); // 泰州, Jiangsu
    expect(codeOf('Taizhou, Zhejiang')).toBe('3310'); // 台州
    expect(codeOf('Zhejiang Taizhou')).toBe('3310');
    expect(codeOf('Suzhou')).toBe('3205'); // 苏州
    expect(codeOf('Suzhou, Anhui')).toBe('3413'); // 宿州
    expect(codeOf('Fuzhou, Jiangxi')).toBe('3610'); // 抚州
    expect(codeOf('Fuzhou')).toBe('3501'); // 福州
  });

  it('knows short names of prefectures and leagues', () => {
    expect(codeOf('恩施')).toBe('4228');
    expect(codeOf('恩施州')).toBe('4228');
    expect(codeOf('延边')).toBe('2224');
    expect(codeOf('大兴安岭')).toBe('2327');
    expect(codeOf('阿拉善盟')).toBe('1529');
    expect(codeOf('Xishuangbanna')).toBe('5328');
  });

  it('accepts pinyin variants and conventional English spellings', () => {
    expect(codeOf("Xi'an")).toBe('6101');
    expect(codeOf('Xian')).toBe('6101');
    expect(codeOf('Xianyang')).toBe('6104');
    expect(codeOf('Lüliang')).toBe('1411');
    expect(codeOf('Lvliang')).toBe('1411');
    expect(codeOf('Harbin')).toBe('2301');
    expect(codeOf('Urumqi')).toBe('6501');
    expect(codeOf('Kashgar')).toBe('6531');
  });

  it('converts traditional script', () => {
    expect(codeOf('廣州')).toBe('4401');
    expect(codeOf('廣東省廣州市')).toBe('4401');
  });

  it.each(['', '   ', 'foo', 'Alibaba', '中国', '华东地区', 'Atlantis', '12345'])(
    'returns null for the unknown %j',
    (raw) => {
      expect(normaliseRegion(raw)).toBeNull();
    },
  );
});

describe('isRegionName', () => {
  it('is true only for a whole region name', () => {
    expect(isRegionName('上海')).toBe(true);
    expect(isRegionName('Shanghai')).toBe(true);
    expect(isRegionName('杭州市')).toBe(true);
    expect(isRegionName('香港')).toBe(true);
    expect(isRegionName('杭州湾')).toBe(false);
    expect(isRegionName('浦东')).toBe(false);
    expect(isRegionName('Holdings')).toBe(false);
    expect(isRegionName('')).toBe(false);
  });
});

describe('regionByCode', () => {
  it('finds provinces and cities by code', () => {
    expect(regionByCode('33')).toMatchObject({ name: '浙江省', level: 'province' });
    expect(regionByCode('3301')).toMatchObject({ name: '杭州市', level: 'city', provinceCode: '33' });
    expect(regionByCode('81')).toMatchObject({ nameEn: 'Hong Kong' });
  });

  it('returns the very object normaliseRegion returns', () => {
    expect(regionByCode('3301')).toBe(normaliseRegion('杭州'));
  });

  it('maps a municipality district code to the municipality', () => {
    expect(regionByCode('3101')).toMatchObject({ code: '31', level: 'province' });
    expect(regionByCode('5002')).toMatchObject({ code: '50', level: 'province' });
  });

  it('accepts zero-padded 6-digit codes of provinces and cities', () => {
    expect(regionByCode('330000')?.code).toBe('33');
    expect(regionByCode('330100')?.code).toBe('3301');
    expect(regionByCode(' 33 ')?.code).toBe('33');
  });

  it('returns undefined for unknown codes', () => {
    expect(regionByCode('99')).toBeUndefined();
    expect(regionByCode('330106')).toBeUndefined(); // a district, below the taxonomy
    expect(regionByCode('4190')).toBeUndefined(); // a county grouping, not a city
    expect(regionByCode('')).toBeUndefined();
  });
});

describe('regionMatches', () => {
  it('matches the same region', () => {
    expect(regionMatches('3301', '3301')).toBe(true);
    expect(regionMatches('33', '浙江')).toBe(true);
  });

  it('matches a city inside the wanted province', () => {
    expect(regionMatches('3301', '33')).toBe(true);
    expect(regionMatches('3301', '浙江')).toBe(true);
    expect(regionMatches('3301', 'Zhejiang')).toBe(true);
  });

  it('does not match a province against a city, or a different region', () => {
    expect(regionMatches('33', '3301')).toBe(false);
    expect(regionMatches('3301', '江苏')).toBe(false);
    expect(regionMatches('3302', '杭州')).toBe(false);
  });

  it('treats a municipality district code as the municipality', () => {
    expect(regionMatches('3101', '上海')).toBe(true);
  });

  it('never matches something unrecognised', () => {
    expect(regionMatches('', '浙江')).toBe(false);
    expect(regionMatches('3301', 'somewhere')).toBe(false);
    expect(regionMatches('99', '99')).toBe(false);
  });
});
