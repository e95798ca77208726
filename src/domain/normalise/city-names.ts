/**
 * Short and English names for prefecture-level cities.
 *
 * People write 杭州 rather than 杭州市, 恩施 rather than 恩施土家族苗族自治州, and in English
 * "Hangzhou" (pinyin of the short name). English names come from pinyin-pro so the ~330 cities
 * need no hand-kept table; only pinyin-pro's misreadings and a few conventional spellings that
 * differ from pinyin (Harbin, Urumqi, Lhasa) are listed here.
 */
import { pinyin } from 'pinyin-pro';

// Ethnic groups named in autonomous-prefecture names, e.g. 延边[朝鲜族]自治州,
// 海西[蒙古族][藏族]自治州, 博尔塔拉[蒙古]自治州. Stripped from the end after 自治州.
const ETHNIC_GROUPS = [
  '柯尔克孜',
  '哈萨克',
  '朝鲜族',
  '土家族',
  '布依族',
  '哈尼族',
  '景颇族',
  '傈僳族',
  '蒙古族',
  '苗族',
  '藏族',
  '羌族',
  '彝族',
  '侗族',
  '壮族',
  '傣族',
  '白族',
  '回族',
  '蒙古',
];

const AUTONOMOUS_PREFECTURE = '自治州';
// Longest first so 地区 is not mistaken for a name ending in 区.
const CITY_SUFFIXES = ['地区', '市', '盟'];

/** The name people actually type: 杭州市 → 杭州, 大兴安岭地区 → 大兴安岭, 延边朝鲜族自治州 → 延边. */
export function cityShortName(fullName: string): string {
  if (fullName.endsWith(AUTONOMOUS_PREFECTURE)) {
    let name = fullName.slice(0, -AUTONOMOUS_PREFECTURE.length);
    let stripped = true;
    while (stripped) {
      stripped = false;
      for (const group of ETHNIC_GROUPS) {
        if (name.endsWith(group) && name.length > group.length) {
          name = name.slice(0, -group.length);
          stripped = true;
        }
      }
    }
    return name;
  }
  for (const suffix of CITY_SUFFIXES) {
    if (fullName.endsWith(suffix) && fullName.length > suffix.length) return fullName.slice(0, -suffix.length);
  }
  return fullName;
}

// pinyin-pro picks the wrong reading of a polyphonic character in these names.
const PINYIN_CORRECTIONS: Readonly<Record<string, string>> = {
  昌都: 'Changdu', // 都 read "dou"
  喀什: 'Kashi', // 什 read "shen"
};

/** Conventional English spellings, accepted as input alongside the pinyin name. */
export const CONVENTIONAL_CITY_SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  哈尔滨: ['Harbin'],
  齐齐哈尔: ['Qiqihar'],
  呼和浩特: ['Hohhot'],
  鄂尔多斯: ['Ordos'],
  呼伦贝尔: ['Hulunbuir'],
  乌兰察布: ['Ulanqab'],
  巴彦淖尔: ['Bayannur'],
  乌鲁木齐: ['Urumqi'],
  克拉玛依: ['Karamay'],
  吐鲁番: ['Turpan'],
  喀什: ['Kashgar'],
  和田: ['Hotan'],
  伊犁: ['Ili'],
  拉萨: ['Lhasa'],
  日喀则: ['Shigatse'],
  昌都: ['Qamdo'],
  林芝: ['Nyingchi'],
  厦门: ['Amoy'],
};

/** Capitalised toneless pinyin without spaces: 杭州 → "Hangzhou", 吕梁 → "Lüliang". */
export function cityNameEn(shortName: string): string {
  const corrected = PINYIN_CORRECTIONS[shortName];
  if (corrected) return corrected;
  const syllables = pinyin(shortName, { toneType: 'none', type: 'array' });
  const joined = syllables.join('');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}
