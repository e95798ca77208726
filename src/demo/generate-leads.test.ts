import { describe, expect, it } from 'vitest';
import type { NormalisedLead } from '../domain/capture/lead-input.js';
import { normaliseLead } from '../domain/capture/normalise-lead.js';
import { normaliseRegion } from '../domain/normalise/region.js';
import { channelMix, type DemoLead, demoDays, generateDemoLeads, repeatsFor } from './generate-leads.js';
import { demoUsers, marketingEmail } from './roster.js';

// The built-in channel ids of SPEC §10.1.
const builtInChannels = new Set([
  'organic_search',
  'direct',
  'hotline',
  'online_chat',
  'inbound_inquiry',
  'referral',
  'sem',
  'brand_zone',
  'event_online',
  'event_offline',
  'content_download',
  'partner',
  'outbound',
  'import',
]);

const now = new Date('2026-03-02T06:30:00.000Z');
const leads = generateDemoLeads({ count: 300, now });

function normalised(lead: DemoLead): NormalisedLead {
  const result = normaliseLead(lead.input, { channels: builtInChannels, inference: [], now: lead.capturedAt });
  if (!result.ok) throw new Error(`invalid demo lead ${JSON.stringify(lead.input)}: ${JSON.stringify(result.errors)}`);
  return result.lead;
}

const keysOf = (l: NormalisedLead) =>
  [
    l.phone && `phone:${l.phone}`,
    l.email && `email:${l.email}`,
    l.companyKey && `company+name:${l.companyKey}|${l.nameKey}`,
  ].filter((k): k is string => Boolean(k));

describe('demo lead generator', () => {
  it('gives the same leads for the same count, seed and time, and others for another seed', () => {
    expect(generateDemoLeads({ count: 300, now })).toEqual(leads);
    const other = generateDemoLeads({ count: 300, now, seed: 7 });
    expect(other.map((l) => l.input.name)).not.toEqual(leads.map((l) => l.input.name));
    expect(generateDemoLeads({ count: 0, now })).toEqual([]);
  });

  it('makes `count` leads plus about 8% repeats', () => {
    const firsts = leads.filter((l) => l.repeatOf === null);
    expect(firsts).toHaveLength(300);
    expect(leads.length - firsts.length).toBe(repeatsFor(300));
    expect(repeatsFor(300)).toBe(24);
    expect(generateDemoLeads({ count: 120, now }).filter((l) => l.repeatOf !== null).length).toBeGreaterThanOrEqual(8);
  });

  it('makes every arrival valid input: a name, a known channel, a phone or e-mail that normalise', () => {
    for (const lead of leads) {
      expect(lead.input.name?.trim()).toBeTruthy();
      expect(lead.input.phone || lead.input.email).toBeTruthy();
      const n = normalised(lead);
      expect(builtInChannels.has(n.channel)).toBe(true);
      if (n.phone) expect(n.phone).toMatch(/^\+86\d{10,11}$/);
      if (lead.input.region) expect(normaliseRegion(lead.input.region)?.code, lead.input.region).toBeTruthy();
    }
    // Varied, as people write them: some only e-mail, some +86, some with spaces or dashes, some fixed lines.
    const phones = leads.map((l) => l.input.phone).filter((p): p is string => Boolean(p));
    expect(leads.some((l) => !l.input.phone && l.input.email)).toBe(true);
    expect(phones.some((p) => p.startsWith('+86'))).toBe(true);
    expect(phones.some((p) => /^1\d\d \d{4} \d{4}$/.test(p))).toBe(true);
    expect(phones.some((p) => /^1\d\d-\d{4}-\d{4}$/.test(p))).toBe(true);
    expect(phones.some((p) => /^0\d{2,3}[- )]/.test(p) || /^\(0\d{2,3}\)/.test(p))).toBe(true);
  });

  it('follows a realistic channel mix: search large, referral and partner small, UTM on paid channels', () => {
    const firsts = leads.filter((l) => l.repeatOf === null);
    const count = (c: string) => firsts.filter((l) => l.input.channel === c).length;
    for (const [channel] of channelMix) expect(count(channel), channel).toBeGreaterThan(0);
    expect(count('sem') + count('organic_search')).toBeGreaterThan(firsts.length * 0.35);
    expect(count('sem')).toBeGreaterThan(count('content_download'));
    expect(count('organic_search')).toBeGreaterThan(count('referral') * 3);
    for (const small of ['referral', 'partner', 'inbound_inquiry', 'brand_zone'])
      expect(count(small), small).toBeLessThan(firsts.length * 0.08);
    for (const lead of leads.filter((l) => l.input.channel === 'sem')) {
      expect(lead.input.utm?.source).toMatch(/^(baidu|360|sogou|shenma|bing)$/);
      expect(lead.input.utm?.campaign).toBeTruthy();
      expect(lead.input.referrer).toMatch(/^https:\/\//);
    }
    expect(
      leads.filter((l) => l.input.channel === 'organic_search').every((l) => !l.input.utm && l.input.referrer),
    ).toBe(true);
  });

  it('has outbound leads captured by SDRs and the rest by marketing', () => {
    const sdrs = new Set(demoUsers.filter((u) => u.role === 'sdr' || u.role === 'sdr_lead').map((u) => u.email));
    for (const lead of leads) {
      if (lead.input.channel === 'outbound') expect(sdrs.has(lead.capturedBy)).toBe(true);
      else expect(lead.capturedBy).toBe(marketingEmail);
    }
  });

  it('spreads arrivals over the last 90 days, oldest first, none in the future', () => {
    const times = leads.map((l) => l.capturedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.max(...times)).toBeLessThan(now.getTime());
    expect(Math.min(...times)).toBeGreaterThan(now.getTime() - demoDays * 86_400_000 - 86_400_000);
    expect(Math.min(...times)).toBeLessThan(now.getTime() - 80 * 86_400_000);
    for (const lead of leads) expect(lead.offsetMs).toBe(now.getTime() - lead.capturedAt.getTime());
    // Mostly office hours in Beijing.
    const beijingHour = (l: DemoLead) => new Date(l.capturedAt.getTime() + 8 * 3_600_000).getUTCHours();
    expect(leads.filter((l) => beijingHour(l) >= 8 && beijingHour(l) < 19).length).toBeGreaterThan(leads.length * 0.7);
  });

  it('makes repeats that match an earlier lead (phone or e-mail written differently, or company + name), through another channel', () => {
    const repeats = leads.filter((l) => l.repeatOf !== null);
    expect(new Set(repeats.map((r) => r.matchOn)).size).toBeGreaterThanOrEqual(2);
    for (const repeat of repeats) {
      const original = leads[repeat.repeatOf as number];
      expect(original.capturedAt.getTime()).toBeLessThan(repeat.capturedAt.getTime());
      expect(repeat.input.channel).not.toBe(original.input.channel);
      const a = normalised(original);
      const b = normalised(repeat);
      if (repeat.matchOn === 'phone') {
        expect(b.phone).toBe(a.phone);
        expect(repeat.input.phone).not.toBe(original.input.phone); // written another way
      } else if (repeat.matchOn === 'email') {
        expect(b.email).toBe(a.email);
        expect(b.phone === null || b.phone !== a.phone).toBe(true);
      } else {
        expect(`${b.companyKey}|${b.nameKey}`).toBe(`${a.companyKey}|${a.nameKey}`);
        expect(b.phone).not.toBe(a.phone);
      }
    }
  });

  it('makes first arrivals that do not match each other, so the lead count is what was asked', () => {
    const seen = new Map<string, number>();
    leads.forEach((lead, i) => {
      if (lead.repeatOf !== null) return;
      for (const key of keysOf(normalised(lead))) {
        expect(seen.get(key), `${key} of #${i} also on #${seen.get(key)}`).toBeUndefined();
        seen.set(key, i);
      }
    });
    // A repeat's new keys (a second phone) do not collide with another person either.
    for (const repeat of leads.filter((l) => l.repeatOf !== null)) {
      const own = new Set(keysOf(normalised(leads[repeat.repeatOf as number])));
      for (const key of keysOf(normalised(repeat))) if (!own.has(key)) expect(seen.has(key), key).toBe(false);
    }
  });

  it('writes Chinese B2B companies, titles, regions and industries', () => {
    const companies = leads.map((l) => l.input.company).filter((c): c is string => Boolean(c));
    expect(companies.filter((c) => /(有限公司|股份有限公司|有限责任公司)$/.test(c)).length).toBeGreaterThan(
      companies.length * 0.8,
    );
    expect(companies.some((c) => /Co\., Ltd\.$/.test(c))).toBe(true);
    const titles = new Set(leads.map((l) => l.input.title));
    for (const t of ['总经理', 'IT总监', '采购经理', '市场专员']) expect(titles.has(t), t).toBe(true);
    expect(new Set(leads.map((l) => l.input.industry).filter(Boolean)).size).toBeGreaterThanOrEqual(8);
    expect(
      new Set(leads.map((l) => l.input.region && normaliseRegion(l.input.region)?.code).filter(Boolean)).size,
    ).toBeGreaterThanOrEqual(10);
    const sizes = leads.map((l) => l.input.employees).filter((e): e is number => typeof e === 'number');
    expect(sizes.filter((e) => e < 500).length).toBeGreaterThan(sizes.filter((e) => e >= 500).length); // skewed to small
    expect(sizes.some((e) => e >= 10_000)).toBe(true);
  });
});
