import { describe, expect, it } from 'vitest';
import { defaultReportRules } from '../reports/report-rules.js';
import { annualLine, annualRevenueShare, creditFraction, type WonDeal } from './annual-share.js';
import { defaultIncentivePlan, type IncentivePlan } from './incentive-plan.js';

const DAY = 86_400_000;
const at = (iso: string) => new Date(iso);
const now = at('2026-12-31T00:00:00Z');

const plan = (): IncentivePlan => ({
  ...defaultIncentivePlan(),
  annual: { shareRate: 0.015, partnerSplit: { partner: 0.7, sdr: 0.3 } },
});

let n = 0;
const deal = (over: Partial<WonDeal>): WonDeal => {
  n += 1;
  return {
    opportunityId: `o${n}`,
    leadId: `l${n}`,
    name: `D${n}`,
    amount: '80000',
    currency: 'CNY',
    wonAt: at('2026-04-01T00:00:00Z'),
    createdAt: at('2026-03-02T00:00:00Z'),
    partnerName: null,
    sdrId: 'A',
    handoffCredit: 1,
    acceptedAt: at('2026-03-01T00:00:00Z'),
    outbound: false,
    ...over,
  };
};

describe('annual revenue share', () => {
  it('reads a stored credit as the fraction it stands for', () => {
    expect(creditFraction(1 / 3).toString()).toBe('1/3');
    expect(creditFraction((1 / 3) * 1.2).toString()).toBe('2/5');
    expect(creditFraction(1).toString()).toBe('1');
    expect(creditFraction(0.123456789).toString()).toBe('123456789/1000000000');
  });

  it('won amount × share rate × credit, each deal rounded once to the fen; a sync earns 1/3', () => {
    const { bySdr, partners } = annualRevenueShare(
      plan(),
      [
        // 12,345,678 fen × 1.5% = 185,185.17 fen → 185,185 fen
        deal({ name: '年度订阅', amount: '123456.78' }),
        // 9,000,000 fen × 1.5% × 1/3 = 45,000 fen (a double says 44999.99999999999)
        deal({ name: '同步单', amount: '90000', handoffCredit: 1 / 3, wonAt: at('2026-05-01T00:00:00Z') }),
      ],
      defaultReportRules(),
      now,
    );
    const a = bySdr.get('A');
    expect(a?.deals.map((d) => [d.name, d.amountFen, d.credit, d.sdrFen, d.partnerFen])).toEqual([
      ['年度订阅', 12345678, { exact: '1', value: 1 }, 185185, 0],
      ['同步单', 9000000, { exact: '1/3', value: 0.333333 }, 45000, 0],
    ]);
    expect(a?.deals.map((d) => d.basis)).toEqual([
      '年度订阅 ¥123,456.78 × 1.5% × credit 1: ¥1,851.85',
      '同步单 ¥90,000.00 × 1.5% × credit 1/3: ¥450.00',
    ]);
    expect(a).toMatchObject({ wonRevenueFen: 21345678, sdrFen: 230185, partnerFen: 0, notCounted: [] });
    expect(partners).toEqual([]);
    expect(annualLine(plan(), a!)).toEqual({
      kind: 'annual_revenue_share',
      metric: 'wonRevenue',
      basis: '2 won deal(s), ¥213,456.78 × 1.5% with credits: ¥2,301.85',
      amountFen: 230185,
    });
  });

  it('a partner deal splits the commission: partner 70%, SDR 30% × credit', () => {
    const { bySdr, partners } = annualRevenueShare(
      plan(),
      [
        // 5,000,050 × 1.5% = 75,000.75 fen: partner × 0.7 = 52,500.525 → 52,501; SDR × 0.3 = 22,500.225 → 22,500
        deal({ sdrId: 'B', name: '渠道单', amount: '50000.50', partnerName: '云启科技' }),
        // 1,000,000 × 1.5% = 15,000: partner 10,500; SDR 4,500 × 1/3 = 1,500
        deal({ sdrId: 'B', name: '渠道同步', amount: '10000', partnerName: '云启科技', handoffCredit: 1 / 3 }),
      ],
      defaultReportRules(),
      now,
    );
    const b = bySdr.get('B');
    expect(b?.deals.map((d) => [d.sdrFen, d.partnerFen])).toEqual([
      [22500, 52501],
      [1500, 10500],
    ]);
    expect(b?.deals[0]?.basis).toBe(
      '渠道单 ¥50,000.50 × 1.5%: partner 云启科技 70% ¥525.01; SDR 30% × credit 1 ¥225.00',
    );
    expect(b).toMatchObject({ wonRevenueFen: 6000050, sdrFen: 24000, partnerFen: 63001 });
    expect(partners).toEqual([{ partnerName: '云启科技', deals: 2, wonRevenueFen: 6000050, commissionFen: 63001 }]);
    expect(annualLine(plan(), b!).basis).toBe(
      "2 won deal(s), ¥60,000.50 × 1.5% with credits: ¥240.00; partners' part ¥630.01",
    );
  });

  it('outbound and inbound weights of the report rules scale the credit', () => {
    const rules = { ...defaultReportRules(), weights: { inbound: 0.8, outbound: 1.2 } };
    const { bySdr } = annualRevenueShare(
      plan(),
      [
        // 8,000,000 × 1.5% = 120,000: × 6/5 = 144,000; × 4/5 = 96,000; × 1/3 × 6/5 = 48,000
        deal({ outbound: true }),
        deal({ outbound: false }),
        deal({ outbound: true, handoffCredit: 1 / 3 }),
      ],
      rules,
      now,
    );
    expect(bySdr.get('A')?.deals.map((d) => [d.credit.exact, d.sdrFen])).toEqual([
      ['6/5', 144000],
      ['4/5', 96000],
      ['2/5', 48000],
    ]);
  });

  it('not counted: another currency, an opportunity after the credit window, a hand-off never accepted', () => {
    const accepted = at('2026-03-01T00:00:00Z');
    const { bySdr } = annualRevenueShare(
      plan(),
      [
        deal({ currency: 'USD', amount: '1000', wonAt: at('2026-06-01T00:00:00Z') }),
        deal({ createdAt: new Date(accepted.getTime() + 45 * DAY + 1), wonAt: at('2026-06-02T00:00:00Z') }),
        deal({ createdAt: new Date(accepted.getTime() + 45 * DAY), amount: '100' }),
        deal({ acceptedAt: null, wonAt: at('2026-06-03T00:00:00Z') }),
      ],
      defaultReportRules(),
      now,
    );
    const a = bySdr.get('A');
    expect(a?.notCounted.map((d) => [d.currency, d.why])).toEqual([
      ['USD', 'other_currency'],
      ['CNY', 'opportunity_after_window'],
      ['CNY', 'not_accepted'],
    ]);
    // 10,000 fen × 1.5% = 150 fen: the deal registered on the 45th day counts.
    expect(a).toMatchObject({ wonRevenueFen: 10000, sdrFen: 150 });
  });

  it('a plan in US dollars pays on dollar deals only, shown in dollars', () => {
    const { bySdr } = annualRevenueShare(
      { ...plan(), currency: 'USD' },
      [deal({ currency: 'USD', amount: '1000.10', name: 'Renewal' }), deal({})],
      defaultReportRules(),
      now,
    );
    // 100,010 cents × 1.5% = 1,500.15 cents → 1,500
    expect(bySdr.get('A')?.deals.map((d) => [d.basis, d.sdrFen])).toEqual([
      ['Renewal USD 1,000.10 × 1.5% × credit 1: USD 15.00', 1500],
    ]);
    expect(bySdr.get('A')?.notCounted.map((d) => d.why)).toEqual(['other_currency']);
  });
});
