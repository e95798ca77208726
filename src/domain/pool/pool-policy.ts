/**
 * The nurture pool's rules as data (SPEC §6.3, §7), saved as settings versions (kind 'pool').
 * Defaults from practice:
 * - claims: 30 a day and 200 open (working) leads per SDR — an SDR cannot hoard the pool — and
 *   a 7-day cool-off before the SDR who released a lead may claim it again (no
 *   release-and-reclaim to reset the recall clock);
 * - re-surfacing: a pooled lead whose score rises to 60, or who attends an event or asks for a
 *   demo, goes back to the SDR queue;
 * - contact: at most 3 touches per lead in 7 days, none from 21:00 to 08:00 (seed 001: no late,
 *   duplicate or harassing follow-up), on the team's clock (Asia/Shanghai).
 */

import type { FieldError } from '../errors.js';
import { type BehaviourType, behaviourTypes } from '../tracking/behaviour-types.js';
import { isTimeZone, parseClockTime } from './local-time.js';

export interface PoolPolicy {
  claims: {
    /** Claims per SDR per local calendar day. */
    dailyLimit: number;
    /** Leads an SDR may hold in `working` at once. */
    openLimit: number;
    /** Days after releasing a lead before the same SDR may claim it again. */
    coolOffDays: number;
  };
  resurfacing: {
    /** A pooled lead whose score rises from below to at least this goes back to the SDR queue. */
    scoreThreshold: number;
    /** Behaviours that send a pooled lead back to the SDR queue at once. */
    behaviours: BehaviourType[];
  };
  contact: {
    /** At most `contacts` touches per lead within any `days` days; null: no cap. */
    frequencyCap: { contacts: number; days: number } | null;
    /** No touches from `start` to `end` (local HH:MM; may wrap midnight); null: none. */
    quietHours: { start: string; end: string } | null;
  };
  /** The team's clock: claim days and quiet hours are read in this IANA zone. */
  timeZone: string;
}

const DEFAULTS: PoolPolicy = {
  claims: { dailyLimit: 30, openLimit: 200, coolOffDays: 7 },
  resurfacing: { scoreThreshold: 60, behaviours: ['event_attend', 'demo_request'] },
  contact: { frequencyCap: { contacts: 3, days: 7 }, quietHours: { start: '21:00', end: '08:00' } },
  timeZone: 'Asia/Shanghai',
};

export function defaultPoolPolicy(): PoolPolicy {
  return structuredClone(DEFAULTS);
}

/** What a schema cannot check: the zone exists, clock times read HH:MM, behaviours are known. */
export function checkPoolPolicy(policy: PoolPolicy): FieldError[] {
  const errors: FieldError[] = [];
  if (!isTimeZone(policy.timeZone)) {
    errors.push({
      field: 'timeZone',
      message: `"${policy.timeZone}" is not an IANA time zone such as Asia/Shanghai`,
      messageZh: `“${policy.timeZone}”不是 IANA 时区（如 Asia/Shanghai）`,
    });
  }
  const quiet = policy.contact.quietHours;
  if (quiet) {
    const start = parseClockTime(quiet.start);
    const end = parseClockTime(quiet.end);
    if (start === undefined)
      errors.push({
        field: 'contact.quietHours.start',
        message: 'must be HH:MM (00:00–23:59)',
        messageZh: '须为 HH:MM（00:00–23:59）',
      });
    if (end === undefined)
      errors.push({
        field: 'contact.quietHours.end',
        message: 'must be HH:MM (00:00–23:59)',
        messageZh: '须为 HH:MM（00:00–23:59）',
      });
    if (start !== undefined && start === end) {
      errors.push({
        field: 'contact.quietHours.end',
        message: 'must differ from start (use null for no quiet hours)',
        messageZh: '须与开始时间不同（不设免打扰时段请用 null）',
      });
    }
  }
  policy.resurfacing.behaviours.forEach((b, i) => {
    if (!(behaviourTypes as readonly string[]).includes(b)) {
      errors.push({
        field: `resurfacing.behaviours[${i}]`,
        message: `must be one of ${behaviourTypes.join(', ')}`,
        messageZh: `须为 ${behaviourTypes.join('、')} 之一`,
      });
    }
  });
  return errors;
}
