/**
 * The demo sales reps' routing profiles (SPEC §5.2) and the monthly eligibility lists: each
 * team covers its part of China (every province the demo leads come from has a rep), and one
 * rep is left off this month's list so the roster and the dispatch board have something to
 * show. Set by sales ops through the roster service, as in the console.
 */
import type { Actor } from '../domain/roles.js';
import type { ServiceContext } from '../services/context.js';
import { setEligibility } from '../services/roster/eligibility.js';
import { eligibilityMonth } from '../services/roster/eligibility-month.js';
import { setRepProfile } from '../services/roster/reps.js';
import type { UserRow } from '../store/repositories/users.js';
import { demoMailDomain } from './roster.js';

export interface DemoRepProfile {
  email: string;
  regions: string[];
  industries: string[];
  level: number;
  weight: number;
  capacity: number;
  department: string;
  /** Not on this month's eligibility list (on leave). */
  offThisMonth?: boolean;
}

const at = (local: string) => `${local}@${demoMailDomain}`;

export const demoRepProfiles: readonly DemoRepProfile[] = [
  {
    email: at('haoran.wang'),
    regions: ['上海', '江苏', '浙江', '安徽', '湖北', '湖南'],
    industries: [],
    level: 3,
    weight: 1.2,
    capacity: 40,
    department: '华东一部',
  },
  {
    email: at('jingyi.li'),
    regions: ['上海', '江苏', '浙江', '安徽', '江西'],
    industries: [],
    level: 2,
    weight: 1,
    capacity: 30,
    department: '华东二部',
  },
  {
    email: at('zhihao.liang'),
    regions: ['广东', '福建', '广西', '海南'],
    industries: [],
    level: 4,
    weight: 1.5,
    capacity: 50,
    department: '华南一部',
  },
  {
    email: at('wanting.he'),
    regions: ['广东', '福建', '湖南', '四川', '重庆'],
    industries: [],
    level: 2,
    weight: 1,
    capacity: 30,
    department: '华南二部',
  },
  {
    email: at('zixuan.zhao'),
    regions: ['北京', '天津', '河北', '山东', '河南', '陕西'],
    industries: [],
    level: 3,
    weight: 1,
    capacity: 40,
    department: '华北一部',
  },
  {
    email: at('yue.sun'),
    regions: ['北京', '天津', '河北', '山东', '河南', '陕西'],
    industries: [],
    level: 1,
    weight: 0.8,
    capacity: 25,
    department: '华北一部',
    offThisMonth: true,
  },
];

export interface EnrolledReps {
  /** Earlier months, oldest first, with every rep on the list. */
  earlierMonths: string[];
  lastMonth: string;
  thisMonth: string;
  profiles: number;
  eligibleThisMonth: number;
  offThisMonth: string[];
}

/** Sets every demo rep's profile and the eligibility list of each month from `since` to `now`. */
export async function enrolDemoReps(
  ctx: ServiceContext,
  salesOps: Actor,
  users: ReadonlyMap<string, UserRow>,
  since: Date,
  now: Date,
): Promise<EnrolledReps> {
  const reps = demoRepProfiles.flatMap((p) => {
    const user = users.get(p.email);
    // A reused user with another role (see demo.ts) gets no profile.
    return user && user.role === 'sales' ? [{ p, user }] : [];
  });
  for (const { p, user } of reps) {
    await setRepProfile(ctx, salesOps, user.id, {
      regions: p.regions,
      industries: p.industries,
      level: p.level,
      weight: p.weight,
      capacity: p.capacity,
      department: p.department,
    });
  }
  const thisMonth = eligibilityMonth(now);
  const lastMonth = previousMonth(thisMonth);
  const earlierMonths: string[] = [];
  for (let m = previousMonth(lastMonth); m >= eligibilityMonth(since); m = previousMonth(m)) earlierMonths.unshift(m);
  for (const month of [...earlierMonths, lastMonth]) {
    await setEligibility(
      ctx,
      salesOps,
      month,
      reps.map((r) => r.user.id),
    );
  }
  const eligible = reps.filter((r) => !r.p.offThisMonth);
  await setEligibility(
    ctx,
    salesOps,
    thisMonth,
    eligible.map((r) => r.user.id),
  );
  return {
    earlierMonths,
    lastMonth,
    thisMonth,
    profiles: reps.length,
    eligibleThisMonth: eligible.length,
    offThisMonth: reps.filter((r) => r.p.offThisMonth).map((r) => r.user.name),
  };
}

/** "2026-03" → "2026-02"; "2026-01" → "2025-12". */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
