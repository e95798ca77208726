/**
 * Free-text region → a unit of the province/city taxonomy, so "上海", "上海市" and "Shanghai" are
 * one region for routing and reports (SPEC §2).
 *
 * Lookup maps are built once at module load; a lookup joins leading tokens of the input and
 * probes the maps, so the cost depends on the input's length, not on the taxonomy's size.
 */
import {
  CITY_ENTRIES,
  MUNICIPALITY_CODE_ALIASES,
  PROVINCE_ENTRIES,
  type Region,
  type TaxonomyEntry,
} from './region-taxonomy.js';
import { regionKey, regionTokens } from './region-text.js';
import { toSimplifiedChinese } from './simplified-chinese.js';

export type { Region } from './region-taxonomy.js';

const provinceByName = new Map<string, Region>();
// Several cities can share a name (Suzhou is 苏州 and 宿州, Taizhou is 泰州 and 台州), in code order.
const citiesByName = new Map<string, Region[]>();
const regionsByCode = new Map<string, Region>();
let longestNameKey = 0;

function indexNames(entry: TaxonomyEntry, add: (key: string, region: Region) => void): void {
  for (const name of entry.names) {
    const key = regionKey(name);
    if (key === '') continue;
    add(key, entry.region);
    longestNameKey = Math.max(longestNameKey, key.length);
  }
}

for (const entry of PROVINCE_ENTRIES) {
  regionsByCode.set(entry.region.code, entry.region);
  indexNames(entry, (key, region) => {
    if (!provinceByName.has(key)) provinceByName.set(key, region);
  });
}
for (const entry of CITY_ENTRIES) {
  regionsByCode.set(entry.region.code, entry.region);
  indexNames(entry, (key, region) => {
    const same = citiesByName.get(key);
    if (!same) citiesByName.set(key, [region]);
    else if (!same.includes(region)) same.push(region);
  });
}
for (const [cityCode, provinceCode] of MUNICIPALITY_CODE_ALIASES) {
  const municipality = regionsByCode.get(provinceCode);
  if (municipality) regionsByCode.set(cityCode, municipality);
}

// Each token is at least one character, so no name spans more tokens than its key has characters.
const MAX_NAME_TOKENS = longestNameKey;

/** Longest run of leading tokens that names something in `names`, with the tokens after it. */
function longestLeadingName<T>(
  tokens: readonly string[],
  names: ReadonlyMap<string, T>,
  maxTokens: number,
  accept: (key: string, value: T) => boolean = () => true,
): { value: T; rest: string[] } | undefined {
  for (let n = Math.min(maxTokens, MAX_NAME_TOKENS); n >= 1; n--) {
    const key = tokens.slice(0, n).join('');
    const value = names.get(key);
    if (value !== undefined && accept(key, value)) return { value, rest: tokens.slice(n) };
  }
  return undefined;
}

function cityInProvince(tokens: readonly string[], provinceCode: string): Region | undefined {
  let found: Region | undefined;
  longestLeadingName(tokens, citiesByName, tokens.length, (_key, cities) => {
    found = cities.find((c) => c.provinceCode === provinceCode);
    return found !== undefined;
  });
  return found;
}

function resolveTokens(tokens: readonly string[]): Region | null {
  if (tokens.length === 0) return null;
  const whole = tokens.join('');
  // A bare name that is both a province and a city (吉林, 海南, "Jilin") means the province:
  // the province is the unit people name without qualification.
  const province = provinceByName.get(whole);
  if (province) return province;
  const cities = citiesByName.get(whole);
  if (cities) return cities[0];

  // Province first: 浙江杭州, 浙江省杭州市西湖区, Zhejiang Hangzhou, 上海浦东.
  const leadingProvince = longestLeadingName(tokens, provinceByName, tokens.length - 1);
  if (leadingProvince) {
    const city = cityInProvince(leadingProvince.rest, leadingProvince.value.code);
    if (city) return city;
  }

  // City first: Hangzhou, Zhejiang; 杭州市西湖区; 吉林市船营区. A leading run that is a province
  // name is not read as a city (海南三亚 is not 海南藏族自治州).
  const leadingCity = longestLeadingName(tokens, citiesByName, tokens.length, (key) => !provinceByName.has(key));
  if (leadingCity) {
    const candidates = leadingCity.value;
    const trailingProvince = longestLeadingName(leadingCity.rest, provinceByName, leadingCity.rest.length);
    const inProvince = trailingProvince && candidates.find((c) => c.provinceCode === trailingProvince.value.code);
    return inProvince ?? candidates[0];
  }

  // Only the province was recognised (a municipality with a district, or an unknown city).
  return leadingProvince?.value ?? null;
}

/**
 * The most specific region named in `raw`: a city when one is named, else the province-level
 * unit (municipalities are always province-level). Null when nothing is recognised, in which
 * case the caller keeps the raw text.
 */
export function normaliseRegion(raw: string): Region | null {
  const found = resolveTokens(regionTokens(raw));
  if (found) return found;
  // Traditional script (臺灣, 廣州) is rare, so it is converted only after a miss.
  const simplified = toSimplifiedChinese(raw);
  return simplified === raw ? null : resolveTokens(regionTokens(simplified));
}

/** True when `text` is exactly a region's name (上海, Shanghai, 杭州市), with nothing else around it. */
export function isRegionName(text: string): boolean {
  const key = regionKey(toSimplifiedChinese(text));
  return provinceByName.has(key) || citiesByName.has(key);
}

// 6-digit administrative codes pad with zeros: 330000 is 浙江, 330100 is 杭州.
const PADDED_CODE = /^(\d{2}|\d{4})(?:00)+$/;

/** Region by GB/T 2260 code: '33', '3301', padded '330100'; a municipality's 3101 is 上海 itself. */
export function regionByCode(code: string): Region | undefined {
  const trimmed = code.trim();
  const direct = regionsByCode.get(trimmed);
  if (direct) return direct;
  const padded = trimmed.length === 6 ? PADDED_CODE.exec(trimmed) : null;
  return padded ? regionsByCode.get(padded[1]) : undefined;
}

function resolveRegion(codeOrName: string): Region | undefined {
  return regionByCode(codeOrName) ?? normaliseRegion(codeOrName) ?? undefined;
}

/**
 * True when the lead's region is the wanted region or lies inside it: a 杭州 lead matches a rep
 * covering 浙江. Both arguments may be a code or a name normaliseRegion understands; anything
 * unrecognised matches nothing.
 */
export function regionMatches(regionCodeOfLead: string, wanted: string): boolean {
  const lead = resolveRegion(regionCodeOfLead);
  const target = resolveRegion(wanted);
  if (!lead || !target) return false;
  if (lead.code === target.code) return true;
  return target.level === 'province' && lead.provinceCode === target.code;
}
