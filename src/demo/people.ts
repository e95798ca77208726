/**
 * Pools the demo generator draws from: cities (with the several ways people write a region),
 * company brands and industry words, person names, titles, e-mail domains. Invented names only:
 * brands are common words, never a real company's name.
 */
import type { Weighted } from './random.js';

/** The sales area a city belongs to: it decides which SDR team cold-calls it. */
export type Area = '华东' | '华南' | '华北' | '华中' | '西部';

export interface City {
  name: string;
  pinyin: string;
  area: Area;
  /** Area code of fixed lines, and how many digits the local number has. */
  areaCode: string;
  localDigits: number;
  /** How a region is written on forms for this city: Chinese, with province, English, district. */
  regionForms: Weighted<string>;
}

export const cities: Weighted<City> = [
  [{ name: '上海', pinyin: 'Shanghai', area: '华东', areaCode: '021', localDigits: 8, regionForms: [['上海', 5], ['上海市', 4], ['Shanghai', 2], ['上海浦东新区', 1], ['上海市徐汇区', 1]] }, 15],
  [{ name: '北京', pinyin: 'Beijing', area: '华北', areaCode: '010', localDigits: 8, regionForms: [['北京', 5], ['北京市', 4], ['Beijing', 2], ['北京市朝阳区', 1], ['北京海淀区', 1]] }, 13],
  [{ name: '深圳', pinyin: 'Shenzhen', area: '华南', areaCode: '0755', localDigits: 8, regionForms: [['广东深圳', 4], ['深圳', 4], ['深圳市', 2], ['广东省深圳市', 2], ['Shenzhen', 1], ['深圳南山区', 1]] }, 10],
  [{ name: '广州', pinyin: 'Guangzhou', area: '华南', areaCode: '020', localDigits: 8, regionForms: [['广州', 4], ['广东广州', 3], ['广州市天河区', 1], ['Guangzhou', 1], ['广东', 1]] }, 7],
  [{ name: '杭州', pinyin: 'Hangzhou', area: '华东', areaCode: '0571', localDigits: 8, regionForms: [['杭州', 4], ['浙江杭州', 3], ['Hangzhou', 2], ['浙江省杭州市', 1], ['浙江', 2], ['杭州市余杭区', 1]] }, 8],
  [{ name: '苏州', pinyin: 'Suzhou', area: '华东', areaCode: '0512', localDigits: 8, regionForms: [['苏州', 4], ['江苏苏州', 3], ['Suzhou', 1], ['江苏省苏州市工业园区', 1]] }, 5],
  [{ name: '南京', pinyin: 'Nanjing', area: '华东', areaCode: '025', localDigits: 8, regionForms: [['南京', 4], ['江苏南京', 3], ['Nanjing', 1], ['江苏', 1]] }, 4],
  [{ name: '宁波', pinyin: 'Ningbo', area: '华东', areaCode: '0574', localDigits: 8, regionForms: [['宁波', 3], ['浙江宁波', 3], ['Ningbo', 1]] }, 2],
  [{ name: '合肥', pinyin: 'Hefei', area: '华东', areaCode: '0551', localDigits: 8, regionForms: [['合肥', 3], ['安徽合肥', 2]] }, 2],
  [{ name: '青岛', pinyin: 'Qingdao', area: '华北', areaCode: '0532', localDigits: 8, regionForms: [['青岛', 3], ['山东青岛', 3], ['Qingdao', 1]] }, 2],
  [{ name: '天津', pinyin: 'Tianjin', area: '华北', areaCode: '022', localDigits: 8, regionForms: [['天津', 3], ['天津市', 3], ['Tianjin', 1]] }, 2],
  [{ name: '东莞', pinyin: 'Dongguan', area: '华南', areaCode: '0769', localDigits: 8, regionForms: [['东莞', 3], ['广东东莞', 3], ['Dongguan', 1]] }, 3],
  [{ name: '佛山', pinyin: 'Foshan', area: '华南', areaCode: '0757', localDigits: 8, regionForms: [['佛山', 3], ['广东佛山', 3]] }, 2],
  [{ name: '厦门', pinyin: 'Xiamen', area: '华南', areaCode: '0592', localDigits: 7, regionForms: [['厦门', 3], ['福建厦门', 3], ['Xiamen', 1]] }, 2],
  [{ name: '武汉', pinyin: 'Wuhan', area: '华中', areaCode: '027', localDigits: 8, regionForms: [['武汉', 3], ['湖北武汉', 3], ['Wuhan', 1]] }, 3],
  [{ name: '长沙', pinyin: 'Changsha', area: '华中', areaCode: '0731', localDigits: 8, regionForms: [['长沙', 3], ['湖南长沙', 3]] }, 2],
  [{ name: '郑州', pinyin: 'Zhengzhou', area: '华中', areaCode: '0371', localDigits: 8, regionForms: [['郑州', 3], ['河南郑州', 3]] }, 1],
  [{ name: '成都', pinyin: 'Chengdu', area: '西部', areaCode: '028', localDigits: 8, regionForms: [['成都', 4], ['四川成都', 3], ['Chengdu', 1], ['四川省成都市', 1]] }, 4],
  [{ name: '重庆', pinyin: 'Chongqing', area: '西部', areaCode: '023', localDigits: 8, regionForms: [['重庆', 3], ['重庆市', 3], ['Chongqing', 1]] }, 2],
  [{ name: '西安', pinyin: "Xi'an", area: '西部', areaCode: '029', localDigits: 8, regionForms: [['西安', 3], ['陕西西安', 3], ["Xi'an", 1]] }, 2],
];

export function cityNamed(name: string): City {
  const found = cities.find(([c]) => c.name === name);
  if (!found) throw new Error(`no demo city ${name}`);
  return found[0];
}

/** Two-character brand words (字号) with their pinyin, for names and e-mail domains. */
export const brands: readonly (readonly [string, string])[] = [
  ['云帆', 'yunfan'], ['鼎盛', 'dingsheng'], ['华信', 'huaxin'], ['博远', 'boyuan'], ['星河', 'xinghe'],
  ['瑞达', 'ruida'], ['恒通', 'hengtong'], ['嘉禾', 'jiahe'], ['天骄', 'tianjiao'], ['泰和', 'taihe'],
  ['中科', 'zhongke'], ['海纳', 'haina'], ['启明', 'qiming'], ['卓越', 'zhuoyue'], ['金桥', 'jinqiao'],
  ['锐思', 'ruisi'], ['新元', 'xinyuan'], ['汇智', 'huizhi'], ['创联', 'chuanglian'], ['远景', 'yuanjing'],
  ['九州', 'jiuzhou'], ['盛世', 'shengshi'], ['宏图', 'hongtu'], ['凯旋', 'kaixuan'], ['蓝海', 'lanhai'],
  ['万象', 'wanxiang'], ['智谷', 'zhigu'], ['青松', 'qingsong'], ['优品', 'youpin'], ['安捷', 'anjie'],
  ['易达', 'yida'], ['百川', 'baichuan'], ['银河', 'yinhe'], ['联创', 'lianchuang'], ['朗润', 'langrun'],
  ['明德', 'mingde'], ['思源', 'siyuan'], ['立信', 'lixin'], ['翔宇', 'xiangyu'], ['恒泰', 'hengtai'],
  ['永盛', 'yongsheng'], ['诚达', 'chengda'], ['华腾', 'huateng'], ['天成', 'tiancheng'], ['鑫源', 'xinyuan2'],
  ['慧通', 'huitong'], ['昊天', 'haotian'], ['瀚海', 'hanhai'], ['睿博', 'ruibo'], ['晨光', 'chenguang'],
  ['致远', 'zhiyuan'], ['和晟', 'hesheng'], ['信达', 'xinda'], ['领航', 'linghang'], ['同创', 'tongchuang'],
  ['澜舟', 'lanzhou'], ['辰星', 'chenxing'], ['弘毅', 'hongyi'], ['聚力', 'juli'], ['雅创', 'yachuang'],
];

export type Industry = '制造业' | '零售' | '金融' | '教育' | '医疗' | '互联网' | '物流' | '企业服务' | '房地产' | '能源' | '汽车' | '快消';

/** Industry words as they appear in company names, with the industry a lead is filed under. */
export const industryWords: Weighted<readonly [word: string, industry: Industry]> = [
  [['信息科技', '互联网'], 8], [['网络科技', '互联网'], 6], [['智能科技', '互联网'], 4], [['软件', '企业服务'], 5],
  [['数据科技', '企业服务'], 3], [['人力资源', '企业服务'], 2], [['企业管理咨询', '企业服务'], 2],
  [['智能制造', '制造业'], 5], [['精密机械', '制造业'], 4], [['电子', '制造业'], 5], [['新材料', '制造业'], 3],
  [['机电设备', '制造业'], 3], [['汽车零部件', '汽车'], 3], [['新能源汽车', '汽车'], 1],
  [['医疗器械', '医疗'], 4], [['生物科技', '医疗'], 3], [['医药', '医疗'], 2], [['健康管理', '医疗'], 1],
  [['教育科技', '教育'], 4], [['职业培训', '教育'], 2],
  [['供应链管理', '物流'], 4], [['物流', '物流'], 3], [['国际货运代理', '物流'], 2],
  [['商贸', '零售'], 4], [['电子商务', '零售'], 4], [['连锁超市', '零售'], 1],
  [['食品', '快消'], 3], [['日化用品', '快消'], 1],
  [['融资租赁', '金融'], 2], [['投资管理', '金融'], 2], [['保险经纪', '金融'], 1], [['金融信息服务', '金融'], 2],
  [['置业', '房地产'], 1], [['物业服务', '房地产'], 2],
  [['新能源', '能源'], 3], [['环保科技', '能源'], 2],
];

export const legalSuffixes: Weighted<string> = [
  ['有限公司', 72],
  ['股份有限公司', 18],
  ['集团有限公司', 5],
  ['有限责任公司', 5],
];

/** Foreign-invested companies write their names in English. */
export const englishBrands: readonly string[] = [
  'Brightpath', 'Bluecrest', 'Silverline', 'Everstone', 'Primeview', 'Northgate', 'Clearwater', 'Oakfield',
  'Redwood', 'Lumina', 'Vantage', 'Sterling', 'Westbrook', 'Highland', 'Crestmont', 'Novaris',
];

export const englishIndustryWords: Weighted<readonly [word: string, industry: Industry]> = [
  [['Technology', '互联网'], 3], [['Trading', '零售'], 3], [['Medical Devices', '医疗'], 2], [['Logistics', '物流'], 2],
  [['Precision Engineering', '制造业'], 2], [['Automotive Parts', '汽车'], 2], [['Consumer Products', '快消'], 1],
];

export const surnames: Weighted<string> = [
  ['王', 72], ['李', 70], ['张', 67], ['刘', 53], ['陈', 52], ['杨', 35], ['黄', 27], ['赵', 23], ['吴', 21], ['周', 21],
  ['徐', 17], ['孙', 16], ['马', 15], ['朱', 14], ['胡', 13], ['郭', 12], ['何', 12], ['高', 11], ['林', 11], ['罗', 10],
  ['郑', 10], ['梁', 9], ['谢', 8], ['宋', 7], ['唐', 7], ['许', 7], ['韩', 6], ['冯', 6], ['邓', 6], ['曹', 6],
  ['彭', 6], ['曾', 6], ['肖', 5], ['田', 5], ['董', 5], ['袁', 5], ['潘', 4], ['于', 4], ['蒋', 4], ['蔡', 4],
  ['余', 4], ['杜', 4], ['叶', 4], ['程', 4], ['苏', 3], ['魏', 3], ['吕', 3], ['丁', 3], ['任', 3], ['沈', 3],
  ['姚', 3], ['卢', 3], ['姜', 3], ['崔', 3], ['钟', 3], ['谭', 3], ['陆', 3], ['汪', 3], ['范', 3], ['金', 2],
  ['石', 2], ['廖', 2], ['贾', 2], ['夏', 2], ['韦', 2], ['付', 2], ['方', 2], ['白', 2], ['邹', 2], ['孟', 2],
  ['熊', 2], ['秦', 2], ['邱', 2], ['江', 2], ['尹', 2], ['薛', 2], ['段', 2], ['雷', 2], ['侯', 2], ['龙', 2],
  ['史', 2], ['陶', 2], ['黎', 2], ['贺', 2], ['顾', 2], ['毛', 2], ['郝', 2], ['龚', 2], ['邵', 2], ['万', 2],
  ['钱', 2], ['严', 2], ['覃', 1], ['武', 1], ['戴', 1], ['莫', 1], ['孔', 1], ['向', 1], ['汤', 1], ['欧阳', 1],
  ['上官', 0.3], ['司马', 0.3],
];

export const givenMale: readonly string[] = [
  '伟', '强', '磊', '军', '洋', '勇', '杰', '涛', '斌', '超', '明', '刚', '平', '辉', '鹏', '华', '飞', '鑫', '波', '宇',
  '浩', '凯', '健', '俊', '帆', '文', '博', '晨', '阳', '志', '建', '国', '海', '峰', '亮', '龙', '林', '子', '轩', '然',
  '天', '泽', '嘉', '睿', '远', '成', '东', '毅', '昊', '航', '铭', '哲', '翔', '炜', '锋', '彬', '立', '德', '永', '兴',
];

export const givenFemale: readonly string[] = [
  '芳', '娜', '敏', '静', '丽', '艳', '娟', '霞', '燕', '玲', '婷', '雪', '琳', '晶', '颖', '慧', '倩', '欣', '悦', '佳',
  '怡', '梦', '雨', '萱', '璐', '莉', '洁', '蕾', '薇', '瑶', '琪', '丹', '彤', '晓', '思', '妍', '月', '春', '秀', '珊',
  '诗', '涵', '舒', '可', '宁', '菲', '露', '岚', '茜',
];

/** English given names Chinese professionals use at foreign-invested companies. */
export const englishGivenNames: readonly string[] = [
  'Kevin', 'Linda', 'Michael', 'Grace', 'Jason', 'Vivian', 'Eric', 'Cathy', 'Tony', 'Helen', 'Peter', 'Amy', 'David',
  'Sophie', 'Frank', 'Iris', 'Leo', 'Cindy', 'Ryan', 'Joyce',
];

export const titlesZh: Weighted<string> = [
  ['董事长', 2], ['总经理', 5], ['副总经理', 3], ['创始人', 1.5], ['CEO', 1.5], ['CTO', 2], ['CIO', 1.5], ['COO', 0.8],
  ['IT总监', 5], ['信息部经理', 4], ['IT经理', 4], ['技术总监', 3], ['运维主管', 2], ['数字化转型负责人', 1],
  ['采购经理', 5], ['采购专员', 3], ['市场总监', 4], ['市场经理', 5], ['市场专员', 5], ['品牌经理', 2],
  ['销售总监', 4], ['销售经理', 5], ['销售运营经理', 2], ['运营总监', 2], ['运营经理', 3], ['电商运营', 1.5],
  ['人力资源总监', 2], ['HRBP', 1], ['财务经理', 2], ['财务总监', 1.5], ['行政主管', 2], ['总经理助理', 2],
  ['项目经理', 3], ['产品经理', 2], ['客服主管', 1], ['VP Sales', 0.6], ['Head of Marketing', 0.5],
];

/** Small companies: the boss fills in the form. */
export const titlesSmallCompany: Weighted<string> = [
  ['总经理', 6], ['老板', 2], ['创始人', 3], ['合伙人', 2], ['负责人', 2], ['销售经理', 3], ['运营', 2], ['行政', 1], ['市场专员', 2],
];

export const titlesEn: Weighted<string> = [
  ['IT Manager', 4], ['IT Director', 2], ['Procurement Manager', 3], ['Purchasing Specialist', 2], ['Marketing Manager', 3],
  ['Head of Digital', 1], ['General Manager', 2], ['Operations Director', 1], ['Sales Director', 2], ['Finance Controller', 1],
  ['HR Manager', 1], ['Supply Chain Manager', 1], ['Business Development Manager', 2],
];

/** Free mailboxes: QQ mail is a number; the others a pinyin name with digits. */
export const publicMailDomains: Weighted<string> = [
  ['qq.com', 5], ['163.com', 4], ['126.com', 2], ['sina.com', 1], ['foxmail.com', 1], ['outlook.com', 1],
  ['gmail.com', 0.5], ['hotmail.com', 0.5], ['aliyun.com', 0.5],
];

/** Company domain endings: yunfan.com, yunfan.com.cn, yunfan-tech.cn, … */
export const companyDomainForms: Weighted<string> = [
  ['{b}.com', 5], ['{b}.cn', 3], ['{b}.com.cn', 3], ['{b}-tech.com', 1], ['{b}group.com', 1], ['{c}{b}.com', 1], ['{b}{c}.cn', 1],
];

/** Mobile prefixes (first three digits) by rough share of subscribers. */
export const mobilePrefixes: Weighted<string> = [
  ['130', 3], ['131', 3], ['132', 3], ['133', 3], ['134', 2], ['135', 5], ['136', 5], ['137', 5], ['138', 6], ['139', 7],
  ['150', 4], ['151', 4], ['152', 3], ['153', 2], ['155', 2], ['156', 2], ['157', 2], ['158', 4], ['159', 4],
  ['166', 1], ['176', 2], ['177', 2], ['178', 2], ['180', 3], ['181', 3], ['182', 3], ['183', 2], ['185', 3],
  ['186', 4], ['187', 3], ['188', 3], ['189', 3], ['191', 1], ['198', 1], ['199', 2],
];
