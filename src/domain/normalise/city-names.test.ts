import { describe, expect, it } from 'vitest';
import { cityNameEn, cityShortName } from './city-names.js';

describe('cityShortName', () => {
  it.each([
    ['杭州市', '杭州'],
    ['大兴安岭地区', '大兴安岭'],
    ['阿拉善盟', '阿拉善'],
    ['延边朝鲜族自治州', '延边'],
    ['恩施土家族苗族自治州', '恩施'],
    ['海西蒙古族藏族自治州', '海西'],
    ['博尔塔拉蒙古自治州', '博尔塔拉'],
    ['克孜勒苏柯尔克孜自治州', '克孜勒苏'],
    ['伊犁哈萨克自治州', '伊犁'],
    ['西双版纳傣族自治州', '西双版纳'],
    ['德宏傣族景颇族自治州', '德宏'],
  ])('%s → %s', (full, short) => {
    expect(cityShortName(full)).toBe(short);
  });

  it('does not strip a suffix that is the whole name', () => {
    expect(cityShortName('市')).toBe('市');
  });
});

describe('cityNameEn', () => {
  it.each([
    ['杭州', 'Hangzhou'],
    ['石家庄', 'Shijiazhuang'],
    ['厦门', 'Xiamen'],
    ['蚌埠', 'Bengbu'],
    ['六安', 'Luan'],
    ['昌都', 'Changdu'],
    ['喀什', 'Kashi'],
    ['吕梁', 'Lüliang'],
  ])('%s → %s', (short, en) => {
    expect(cityNameEn(short)).toBe(en);
  });
});
