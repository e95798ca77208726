/**
 * The demo's channel spend (SPEC §8.4) for last month and this month, so the channel economics
 * dashboard has CPL … ROI to show: paid channels by campaign, in yuan, roughly in proportion
 * to the leads they bring. Entered by marketing through the spend service.
 */
import type { Actor } from '../domain/roles.js';
import type { ServiceContext } from '../services/context.js';
import { replaceSpendMonth } from '../services/economics/spend.js';
import type { Random } from './random.js';

interface Line {
  channel: string;
  campaign: string | null;
  /** Typical monthly amount at the default lead count, yuan. */
  base: number;
}

const lines: readonly Line[] = [
  { channel: 'sem', campaign: '百度-品牌词', base: 38_000 },
  { channel: 'sem', campaign: '百度-行业词', base: 52_000 },
  { channel: 'sem', campaign: '360搜索', base: 9_000 },
  { channel: 'content_download', campaign: '白皮书-数字化转型', base: 12_000 },
  { channel: 'event_offline', campaign: '行业峰会-上海站', base: 45_000 },
  { channel: 'event_online', campaign: '直播研讨会', base: 8_000 },
  { channel: 'online_chat', campaign: null, base: 3_600 },
  { channel: 'partner', campaign: '渠道返点', base: 15_000 },
  { channel: 'brand_zone', campaign: '百度品牌专区', base: 20_000 },
  { channel: 'organic_search', campaign: 'SEO外包', base: 6_000 },
];

/** Sets the spend of each month in `months`; returns the total entered, yuan. */
export async function enterDemoSpend(
  ctx: ServiceContext,
  marketing: Actor,
  months: readonly string[],
  leadCount: number,
  random: Random,
): Promise<number> {
  const scale = Math.max(0.2, Math.min(5, leadCount / 300));
  let total = 0;
  for (const month of months) {
    const items = lines.map((l) => {
      const amount = Math.round((l.base * scale * (0.8 + 0.4 * random.next())) / 10) * 10;
      total += amount;
      return { channel: l.channel, campaign: l.campaign, amount };
    });
    await replaceSpendMonth(ctx, marketing, month, items);
  }
  return total;
}
