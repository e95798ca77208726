/**
 * The demo's channel spend (SPEC §8.4) for last month and this month, so the channel economics
 * dashboard has CPL … ROI to show, by channel and by campaign: the campaigns are the UTM
 * campaigns the demo leads carry (SEM ad groups, the Baidu brand zone, the offline events and
 * webinars of the month they took place), in yuan, roughly in proportion to the leads they
 * bring. Entered by marketing through the spend service.
 */
import type { Actor } from '../domain/roles.js';
import type { ServiceContext } from '../services/context.js';
import { replaceSpendMonth } from '../services/economics/spend.js';
import { eligibilityMonth } from '../services/roster/eligibility-month.js';
import { offlineEvents, semCampaigns, webinars } from './generate-leads.js';
import type { Random } from './random.js';

const DAY = 86_400_000;

interface Line {
  channel: string;
  campaign: string | null;
  /** Typical monthly amount at the default lead count, yuan. */
  base: number;
}

const semBudgets: Readonly<Record<string, number>> = {
  '2026Q1_品牌词': 18_000,
  '2026Q1_CRM通用词': 36_000,
  '2026Q1_选型词': 14_000,
  线索管理_行业词: 20_000,
  SCRM_通用词: 9_000,
};

const monthly: readonly Line[] = [
  ...semCampaigns.map(([campaign]) => ({ channel: 'sem', campaign, base: semBudgets[campaign] ?? 10_000 })),
  { channel: 'brand_zone', campaign: '2026_百度品专', base: 20_000 },
  { channel: 'content_download', campaign: 'content_2026-b2b-lead-ops-whitepaper', base: 8_000 },
  { channel: 'partner', campaign: 'partner_2026q1', base: 15_000 },
  { channel: 'referral', campaign: '2026老带新计划', base: 5_000 },
  { channel: 'online_chat', campaign: null, base: 3_600 },
];

/** The month (yyyy-mm, Beijing) of something `daysAgo` days before `now`. */
const monthOf = (now: Date, daysAgo: number) => eligibilityMonth(new Date(now.getTime() - daysAgo * DAY));

/** Sets the spend of each month in `months`; returns the total entered, yuan. */
export async function enterDemoSpend(
  ctx: ServiceContext,
  marketing: Actor,
  months: readonly string[],
  options: { now: Date; leadCount: number; random: Random },
): Promise<number> {
  const { now, random } = options;
  const scale = Math.max(0.2, Math.min(5, options.leadCount / 300));
  let total = 0;
  for (const month of months) {
    const lines: Line[] = [
      ...monthly,
      ...offlineEvents
        .filter((e) => monthOf(now, e.daysAgo) === month)
        .map((e) => ({ channel: 'event_offline', campaign: e.campaign, base: 45_000 })),
      ...webinars
        .filter((w) => monthOf(now, w.daysAgo) === month)
        .map((w) => ({ channel: 'event_online', campaign: `webinar_${w.slug}`, base: 6_000 })),
    ];
    const items = lines.map((l) => {
      const amount = Math.round((l.base * scale * (0.8 + 0.4 * random.next())) / 10) * 10;
      total += amount;
      return { channel: l.channel, campaign: l.campaign, amount };
    });
    await replaceSpendMonth(ctx, marketing, month, items);
  }
  return total;
}
