/**
 * A past year of leads as a CRM would export it, drawn from a known generating model (issue 9's
 * quality bar): P(won) = sigmoid(−1.6 + channel + title + 0.25 × visits). 成交负责人 (the rep who
 * closed the deal) is filled in only for won leads: a column known only after the outcome.
 * Seeded: the same history every run.
 */
import { SeededRandom } from '../../src/domain/predictive/seeded-random.js';

const channelEffect: Record<string, number> = {
  inbound_inquiry: 1.6,
  referral: 1.2,
  event_offline: 0.5,
  sem: 0,
  content_download: -0.4,
  outbound: -1.2,
};
const titleEffect: Record<string, number> = { CEO: 0.9, 销售总监: 0.4, 市场经理: 0, 销售专员: -0.6 };

export interface HistoryRow {
  externalId: string;
  createdAt: string;
  truth: number;
  won: boolean;
  line: string;
}

/** `count` past leads captured over 2025 (800 by default); P(won) = sigmoid(−1.6 + channel + title + 0.25 × visits). */
export function historyRows(count = 800, seed = 20261202): HistoryRow[] {
  const next = new SeededRandom(seed).next;
  const channels = Object.keys(channelEffect);
  const titles = Object.keys(titleEffect);
  const rows: HistoryRow[] = [];
  for (let i = 0; i < count; i++) {
    const channel = channels[Math.floor(next() * channels.length)];
    const title = titles[Math.floor(next() * titles.length)];
    const visits = Math.floor(next() * 9);
    const logit = -1.6 + channelEffect[channel] + titleEffect[title] + 0.25 * visits;
    const truth = 1 / (1 + Math.exp(-logit));
    const won = next() < truth;
    const day = new Date(Date.UTC(2025, 0, 1) + Math.floor((i / count) * 360) * 86_400_000);
    const createdAt = day.toISOString().slice(0, 10);
    const externalId = `CRM-${10_000 + i}`;
    // 成交负责人 (the rep who closed it) is filled in only once the deal is won: known after the outcome.
    const closer = won ? '王磊' : '';
    rows.push({
      externalId,
      createdAt,
      truth,
      won,
      line: [externalId, channel, title, visits, createdAt, won ? '已转化' : '未转化', closer].join(','),
    });
  }
  return rows;
}

export const historyHeader = '外部编号,渠道,职位,访问次数,创建时间,结果,成交负责人';

/** The rows as a UTF-8 CSV file with the Chinese header (another history's own header when given). */
export function historyCsv(rows: readonly Pick<HistoryRow, 'line'>[], header = historyHeader): string {
  return `${header}\n${rows.map((r) => r.line).join('\n')}\n`;
}
