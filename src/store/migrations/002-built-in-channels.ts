/**
 * The built-in channels of SPEC §10.1 (ids fixed; admins add more) and the default
 * "UTM default" inference rules for leads that arrive without UTM (SPEC §2).
 */
import { type Kysely, sql } from 'kysely';

const channels: [id: string, name: string, nameZh: string, kind: 'free' | 'paid', path: string][] = [
  ['organic_search', 'Organic search (SEO)', '自然搜索', 'free', 'sdr_queue'],
  ['direct', 'Direct website', '官网直接访问', 'free', 'sdr_queue'],
  ['hotline', 'Hotline', '热线电话', 'free', 'sdr_queue'],
  ['online_chat', 'Online chat', '在线咨询', 'free', 'sdr_queue'],
  // Inbound inquiries and referrals are highly valid: straight to sales (SPEC §5.1, seed 000).
  ['inbound_inquiry', 'Inbound inquiry', '主动咨询', 'free', 'direct_to_sales'],
  ['referral', 'Referral', '老带新', 'free', 'direct_to_sales'],
  ['sem', 'Search ads (SEM)', '搜索推广', 'paid', 'sdr_queue'],
  ['brand_zone', 'Brand zone', '品牌专区', 'paid', 'sdr_queue'],
  ['event_online', 'Online event', '线上活动', 'paid', 'sdr_queue'],
  ['event_offline', 'Offline event', '线下活动', 'paid', 'sdr_queue'],
  ['content_download', 'Content download', '内容下载', 'free', 'sdr_queue'],
  ['partner', 'Partner', '合作伙伴', 'paid', 'sdr_queue'],
  ['outbound', 'Outbound / cold call', '外呼拓客', 'free', 'sdr_queue'],
  ['import', 'List import', '名单导入', 'free', 'sdr_queue'],
];

const inference: [
  referrerHost: string | null,
  landingPrefix: string | null,
  channel: string,
  source: string,
  medium: string,
][] = [
  ['baidu.com', null, 'organic_search', 'baidu', 'organic'],
  ['so.com', null, 'organic_search', '360', 'organic'],
  ['sogou.com', null, 'organic_search', 'sogou', 'organic'],
  ['bing.com', null, 'organic_search', 'bing', 'organic'],
  ['google.com', null, 'organic_search', 'google', 'organic'],
  ['sm.cn', null, 'organic_search', 'shenma', 'organic'],
  ['weixin.qq.com', null, 'content_download', 'wechat', 'social'],
  ['zhihu.com', null, 'content_download', 'zhihu', 'social'],
  [null, '/download', 'content_download', 'website', 'content'],
  [null, '/events', 'event_online', 'website', 'event'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [id, name, nameZh, kind, path] of channels) {
    await sql`INSERT INTO channels (id, name, name_zh, kind, default_path, built_in, created_at)
      VALUES (${id}, ${name}, ${nameZh}, ${kind}, ${path}, true, now())`.execute(db);
  }
  let position = 0;
  for (const [host, prefix, channel, source, medium] of inference) {
    position += 10;
    await sql`INSERT INTO utm_inference_rules (id, position, referrer_host, landing_path_prefix, channel_id, utm_source, utm_medium, created_at)
      VALUES (${`utm-default-${position}`}, ${position}, ${host}, ${prefix}, ${channel}, ${source}, ${medium}, now())`.execute(
      db,
    );
  }
}

export async function down(): Promise<void> {
  throw new Error('not reversible');
}
