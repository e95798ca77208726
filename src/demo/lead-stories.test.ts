import { describe, expect, it } from 'vitest';
import { planLeadStories, type StoryLead } from './lead-stories.js';
import { isOfficeTime, officeAfter, spreadOverOfficeTime } from './office-hours.js';
import { Random } from './random.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = new Date('2026-03-18T03:00:00Z'); // Wednesday 11:00 Beijing

function leads(count: number): StoryLead[] {
  const r = new Random(7);
  return Array.from({ length: count }, (_, i) => ({
    id: `lead-${String(i).padStart(3, '0')}`,
    createdAt: new Date(now.getTime() - r.int(2, 29 * 24) * HOUR),
    status: i % 10 === 0 ? 'working' : 'new',
    ownerEmail: i % 10 === 0 ? 'sdr1@x' : null,
    company: `公司${i}`,
  }));
}

const plan = (seed = 1, n = 120) =>
  planLeadStories({
    leads: leads(n),
    sdrs: [
      ['sdr1@x', 3],
      ['sdr2@x', 3],
    ],
    now,
    random: new Random(seed),
  });

describe('planLeadStories', () => {
  it('is deterministic for one seed, and differs for another', () => {
    expect(plan(1)).toEqual(plan(1));
    expect(plan(2)).not.toEqual(plan(1));
  });

  it('is oldest first, in the past, and each lead starts with a claim', () => {
    const steps = plan();
    for (let i = 1; i < steps.length; i++)
      expect(steps[i].at.getTime()).toBeGreaterThanOrEqual(steps[i - 1].at.getTime());
    expect(Math.max(...steps.map((s) => s.at.getTime()))).toBeLessThan(now.getTime());
    const first = new Map<string, string>();
    for (const s of steps) if (!first.has(s.leadId)) first.set(s.leadId, s.kind);
    expect(new Set(first.values())).toEqual(new Set(['claim']));
  });

  it('has every kind of work, one manual dispatch, at most two returns', () => {
    const steps = plan();
    const kinds = new Map<string, number>();
    for (const s of steps) kinds.set(s.kind, (kinds.get(s.kind) ?? 0) + 1);
    for (const k of ['call', 'qualify', 'transfer', 'accept', 'reject', 'opportunity', 'release'])
      expect(kinds.get(k) ?? 0, k).toBeGreaterThan(0);
    expect(kinds.get('dispatch')).toBe(1);
    expect(kinds.get('return') ?? 0).toBeLessThanOrEqual(2);
    for (const s of steps.filter((x) => x.kind === 'reject' || x.kind === 'return')) expect(s.reason).toBeTruthy();
    expect(steps.find((s) => s.kind === 'dispatch')?.reason).toMatch(/大客户/);
  });

  it('decides hand-offs within the acceptance SLA, and leaves recent ones pending', () => {
    const steps = plan();
    const transferAt = new Map(steps.filter((s) => s.kind === 'transfer').map((s) => [s.leadId, s.at.getTime()]));
    const decided = new Set<string>();
    for (const s of steps.filter((x) => x.kind === 'accept' || x.kind === 'reject')) {
      const t = transferAt.get(s.leadId) as number;
      expect(s.at.getTime() - t).toBeGreaterThan(0);
      expect(s.at.getTime() - t).toBeLessThanOrEqual(30 * HOUR);
      decided.add(s.leadId);
    }
    const pending = [...transferAt].filter(([id]) => !decided.has(id));
    expect(pending.length).toBeGreaterThanOrEqual(5);
    for (const [, t] of pending.filter(([, t]) => t > now.getTime() - 40 * HOUR))
      expect(now.getTime() - t).toBeLessThan(48 * HOUR);
  });

  it('reaches a won deal, a dispatch and pending hand-offs whatever the weekday, with few leads', () => {
    for (let d = 0; d < 7; d++) {
      const at = new Date(now.getTime() + d * DAY + d * 5 * HOUR);
      const few = leads(40).map((l) => ({ ...l, createdAt: new Date(l.createdAt.getTime() + d * DAY + d * 5 * HOUR) }));
      const steps = planLeadStories({ leads: few, sdrs: [['a', 1]], now: at, random: new Random(20260301) });
      const kinds = steps.map((s) => s.kind);
      expect(kinds.filter((k) => k === 'win').length, `day ${d}`).toBeGreaterThan(0);
      expect(
        kinds.filter((k) => k === 'dispatch'),
        `day ${d}`,
      ).toHaveLength(1);
      expect(kinds.filter((k) => k === 'transfer').length, `day ${d}`).toBeGreaterThan(5);
      expect(Math.max(...steps.map((s) => s.at.getTime()))).toBeLessThan(at.getTime());
    }
  });

  it('works only new and working leads of the last 30 days', () => {
    const old: StoryLead = {
      id: 'old',
      createdAt: new Date(now.getTime() - 40 * DAY),
      status: 'new',
      ownerEmail: null,
      company: null,
    };
    const sql: StoryLead = {
      id: 'sql',
      createdAt: new Date(now.getTime() - 5 * DAY),
      status: 'sql',
      ownerEmail: null,
      company: null,
    };
    const steps = planLeadStories({ leads: [...leads(40), old, sql], sdrs: [['a', 1]], now, random: new Random(3) });
    expect(steps.some((s) => s.leadId === 'old' || s.leadId === 'sql')).toBe(false);
  });
});

describe('office hours', () => {
  it('moves a time into Beijing office hours on a weekday', () => {
    const r = new Random(1);
    const saturdayNight = new Date('2026-03-21T14:00:00Z'); // Saturday 22:00 Beijing
    const moved = officeAfter(saturdayNight, 0, 0, r);
    expect(isOfficeTime(moved)).toBe(true);
    expect(new Date(moved.getTime() + 8 * HOUR).getUTCDay()).toBe(1);
  });

  it('spreads moments over office time, or over all the time when there is none', () => {
    const slots = spreadOverOfficeTime(new Date(now.getTime() - 30 * HOUR), now, 6);
    expect(slots).toHaveLength(6);
    expect(slots.every(isOfficeTime)).toBe(true);
    const weekend = spreadOverOfficeTime(new Date('2026-03-21T02:00:00Z'), new Date('2026-03-21T10:00:00Z'), 3);
    expect(weekend).toHaveLength(3);
  });
});
