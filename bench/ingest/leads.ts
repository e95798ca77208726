/**
 * Realistic, deterministic Chinese B2B leads for the ingest benchmark: distinct phones, e-mails
 * and companies per index (so nothing merges by accident), written the way people type them
 * (spaces and dashes in phones, +86, full-width digits, 省/市 or not), plus repeats of earlier
 * leads that must merge (same phone or e-mail written differently, another channel, a field
 * the first arrival lacked).
 */
import type { LeadInput } from '../../src/domain/capture/lead-input.js';

const surnames = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔汤',
];
const surnamePinyin: Record<string, string> = {
  王: 'wang',
  李: 'li',
  张: 'zhang',
  刘: 'liu',
  陈: 'chen',
  杨: 'yang',
  黄: 'huang',
  赵: 'zhao',
  吴: 'wu',
  周: 'zhou',
  徐: 'xu',
  孙: 'sun',
  马: 'ma',
  朱: 'zhu',
  胡: 'hu',
  郭: 'guo',
  何: 'he',
  高: 'gao',
  林: 'lin',
  罗: 'luo',
};
const givenNames = [
  '伟',
  '芳',
  '娜',
  '秀英',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀兰',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
  '晓东',
  '志强',
  '海燕',
  '子涵',
  '浩然',
  '雨桐',
  '欣怡',
  '梓轩',
  '俊杰',
  '思远',
  '嘉怡',
  '一鸣',
  '文博',
  '佳琪',
  '宇航',
  '晨曦',
];
const cities = [
  '上海',
  '北京',
  '深圳',
  '广州',
  '杭州',
  '南京',
  '苏州',
  '成都',
  '武汉',
  '西安',
  '天津',
  '重庆',
  '厦门',
  '青岛',
  '长沙',
  '合肥',
  '宁波',
  '无锡',
  '郑州',
  '济南',
];
const regionSpellings: Record<string, string[]> = {
  上海: ['上海', '上海市', 'Shanghai'],
  北京: ['北京', '北京市'],
  深圳: ['广东省深圳市', '深圳', '广东深圳'],
  广州: ['广东省广州市', '广州'],
  杭州: ['浙江省杭州市', '杭州'],
  南京: ['江苏省南京市', '南京'],
  苏州: ['江苏苏州', '苏州市'],
  成都: ['四川省成都市', '成都'],
  武汉: ['湖北省武汉市', '武汉'],
  西安: ['陕西省西安市', '西安'],
  天津: ['天津市', '天津'],
  重庆: ['重庆市', '重庆'],
  厦门: ['福建省厦门市', '厦门'],
  青岛: ['山东省青岛市', '青岛'],
  长沙: ['湖南省长沙市', '长沙'],
  合肥: ['安徽省合肥市', '合肥'],
  宁波: ['浙江宁波', '宁波市'],
  无锡: ['江苏省无锡市', '无锡'],
  郑州: ['河南省郑州市', '郑州'],
  济南: ['山东省济南市', '济南'],
};
// 50 distinct brand characters: three of them name 125,000 distinct companies.
const brandChars = [
  ...new Set('星辰云智数联创新恒达博华信通远航汇鑫卓越精诚瑞丰腾飞宏图安泰明德嘉禾弘毅天成致中和盛世佳源锐启拓光普'),
].slice(0, 50);
if (brandChars.length !== 50) throw new Error('bench/ingest/leads.ts needs 50 distinct brand characters');
const industryWords = [
  ['科技', '互联网'],
  ['信息技术', '软件和信息技术服务'],
  ['智能制造', '制造业'],
  ['医疗器械', '医疗健康'],
  ['教育科技', '教育'],
  ['供应链管理', '物流'],
  ['新能源', '能源'],
  ['生物科技', '生物医药'],
  ['电子商务', '零售'],
  ['金融信息服务', '金融'],
] as const;
const legalForms = ['有限公司', '有限公司', '有限公司', '股份有限公司', '有限责任公司'];
const titles = [
  '销售总监',
  '市场经理',
  'IT经理',
  '采购主管',
  '总经理',
  'CTO',
  '运营总监',
  '信息化负责人',
  '财务经理',
  '人力资源总监',
  '技术总监',
  '副总裁',
];
const employeeSizes = [15, 50, 120, 300, 800, 2000, 5000, 12000];
const mobilePrefixes = [
  '138',
  '139',
  '137',
  '136',
  '135',
  '158',
  '159',
  '150',
  '151',
  '152',
  '186',
  '185',
  '187',
  '188',
  '189',
  '177',
  '180',
  '181',
  '182',
  '183',
  '133',
  '153',
  '199',
  '166',
];
const mailDomains = ['qq.com', '163.com', '126.com', 'sina.com', 'foxmail.com'];

/** Channels with the UTM / referrer / landing page a real arrival through them carries. */
const arrivals: ((i: number) => Pick<LeadInput, 'channel' | 'utm' | 'referrer' | 'landingPage'>)[] = [
  (i) => ({
    channel: 'sem',
    utm: { source: 'baidu', medium: 'cpc', campaign: `2026q1_crm_${i % 7}`, term: 'CRM系统' },
    landingPage: `https://www.leadloop.cn/lp/crm?bd_vid=${i}`,
  }),
  () => ({
    channel: 'organic_search',
    referrer: 'https://www.baidu.com/s?wd=%E7%BA%BF%E7%B4%A2%E7%AE%A1%E7%90%86',
    landingPage: 'https://www.leadloop.cn/',
  }),
  (i) => ({
    channel: 'content_download',
    utm: { source: 'wechat', medium: 'social', campaign: `whitepaper_${i % 3}` },
    landingPage: 'https://www.leadloop.cn/download/2026-b2b-report',
  }),
  () => ({ channel: 'event_online', utm: { source: 'website', medium: 'event', campaign: 'webinar_0318' } }),
  () => ({ channel: 'hotline' }),
  () => ({
    channel: 'online_chat',
    referrer: 'https://www.zhihu.com/question/12345',
    landingPage: 'https://www.leadloop.cn/pricing',
  }),
  () => ({ channel: 'inbound_inquiry', landingPage: 'https://www.leadloop.cn/contact' }),
  () => ({ channel: 'event_offline', utm: { source: 'expo', medium: 'offline', campaign: 'cbme_shanghai' } }),
  () => ({ channel: 'referral' }),
  () => ({ channel: 'partner', utm: { source: 'partner_hw', medium: 'referral' } }),
];

/** A bijection on 0..10^8-1 (7919 is coprime with 10^8): distinct indexes, distinct digits. */
const eightDigits = (i: number) => String((i * 7919 + 1_234_567) % 100_000_000).padStart(8, '0');
const toFullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

export function mobileOf(i: number): string {
  return `${mobilePrefixes[i % mobilePrefixes.length]}${eightDigits(i)}`;
}

/** The ways people write one mobile number. */
function writtenPhone(digits: string, variant: number): string {
  switch (variant % 6) {
    case 0:
      return digits;
    case 1:
      return `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`;
    case 2:
      return `+86 ${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}`;
    case 3:
      return `${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}`;
    case 4:
      return toFullWidth(digits);
    default:
      return `0086${digits}`;
  }
}

function companyOf(i: number): { name: string; industry: string; city: string } {
  const b = (i * 7 + 2_718) % 125_000; // 7 is coprime with 125,000: still one company per index
  const brand = brandChars[b % 50] + brandChars[Math.floor(b / 50) % 50] + brandChars[Math.floor(b / 2500) % 50];
  const [word, industry] = industryWords[Math.floor(i / 7) % industryWords.length];
  const city = cities[(i * 13) % cities.length];
  return { name: `${city}${brand}${word}${legalForms[i % legalForms.length]}`, industry, city };
}

/** Lead number `i` on its first arrival: ~70% phone and e-mail, 20% phone only, 10% e-mail only. */
export function freshLead(i: number): LeadInput {
  const surname = surnames[(i * 31) % surnames.length];
  const name = surname + givenNames[(i * 17) % givenNames.length];
  const company = i % 5 === 4 ? null : companyOf(i);
  const reach = i % 10;
  const phone = reach === 9 ? null : writtenPhone(mobileOf(i), i);
  const email =
    reach === 7 || reach === 8
      ? null
      : `${surnamePinyin[surname] ?? 'lead'}.${i.toString(36)}@${company ? `corp${i.toString(36)}.cn` : mailDomains[i % mailDomains.length]}`;
  const city = company?.city ?? cities[i % cities.length];
  const spellings = regionSpellings[city];
  return {
    name,
    phone,
    email: email && i % 11 === 0 ? email.toUpperCase() : email,
    company: company?.name ?? null,
    title: i % 4 === 3 ? null : titles[i % titles.length],
    region: i % 6 === 5 ? null : spellings[i % spellings.length],
    industry: company && i % 3 !== 2 ? company.industry : null,
    employees: company && i % 2 === 0 ? employeeSizes[i % employeeSizes.length] : null,
    ...arrivals[i % arrivals.length](i),
    fields:
      i % 4 === 0
        ? { 意向产品: ['CRM', '营销自动化', '客服系统'][i % 3], 预算: ['10万以下', '10-50万', '50万以上'][i % 3] }
        : undefined,
  };
}

/**
 * A later arrival of lead number `i`: found by its phone (written another way) or, when it has
 * none, its e-mail in upper case; another channel; fills a title and industry when missing.
 */
export function repeatLead(i: number): LeadInput {
  const first = freshLead(i);
  const byPhone = first.phone !== null;
  return {
    name: first.name,
    phone: byPhone ? writtenPhone(mobileOf(i), i + 1) : null,
    email: byPhone ? null : (first.email as string).toUpperCase(),
    company: first.company,
    title: first.title ?? '采购经理',
    industry: first.industry ?? '制造业',
    ...arrivals[(i + 3) % arrivals.length](i + 3),
    fields: { 最近咨询: '报价' },
  };
}

/**
 * `count` arrivals drawing fresh leads from `firstIndex` on; every tenth is a repeat of a lead
 * sent `lag` arrivals earlier (so, under concurrency, usually already stored). Returns the
 * inputs, which are repeats, and how many (each must merge).
 */
export function arrivalsFrom(
  firstIndex: number,
  count: number,
  lag = 200,
): { inputs: LeadInput[]; isRepeat: boolean[]; repeats: number; nextIndex: number } {
  const inputs: LeadInput[] = [];
  const isRepeat: boolean[] = [];
  const freshIndexOfArrival: number[] = [];
  let next = firstIndex;
  let repeats = 0;
  for (let k = 0; k < count; k++) {
    if (k % 10 === 9 && k >= lag) {
      // the lead of an earlier arrival that was itself fresh
      let j = k - lag;
      while (freshIndexOfArrival[j] === -1) j--;
      inputs.push(repeatLead(freshIndexOfArrival[j]));
      isRepeat.push(true);
      freshIndexOfArrival.push(-1);
      repeats++;
    } else {
      inputs.push(freshLead(next));
      isRepeat.push(false);
      freshIndexOfArrival.push(next);
      next++;
    }
  }
  return { inputs, isRepeat, repeats, nextIndex: next };
}

const csvHeader = [
  '姓名',
  '手机',
  '邮箱',
  '公司名称',
  '职位',
  '地区',
  '行业',
  '员工数',
  '渠道',
  'utm_source',
  'utm_medium',
  'utm_campaign',
  '落地页',
  '意向产品',
];

const csvCell = (value: unknown) => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** A CSV file (UTF-8 with BOM, CRLF, Chinese headers) as people export it from Excel. */
export function leadsCsv(inputs: readonly LeadInput[]): string {
  const lines = [csvHeader.join(',')];
  for (const l of inputs) {
    lines.push(
      [
        l.name,
        l.phone,
        l.email,
        l.company,
        l.title,
        l.region,
        l.industry,
        l.employees,
        l.channel,
        l.utm?.source,
        l.utm?.medium,
        l.utm?.campaign,
        l.landingPage,
        l.fields?.意向产品,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
