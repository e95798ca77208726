/**
 * One POST /track event checked against the rules of SPEC §2: it must say who did it (an
 * anonymous visitorId, a leadId or an e-mail — 400 naming the three fields otherwise), the
 * e-mail is normalised as capture normalises it (so it matches the lead's), and the time is
 * sane. Browsers (site keys) report what happens now: they may not date an event more than
 * a few minutes ahead (clock skew) or more than a day back. Servers (bearer tokens) may
 * backfill history, but not report the future either.
 */
import type { FieldError } from '../errors.js';
import { normaliseEmail } from '../normalise/email.js';
import type { TrackType } from './behaviour-types.js';

export interface TrackEventInput {
  visitorId?: string;
  leadId?: string;
  email?: string;
  type: TrackType;
  url?: string;
  meta?: Record<string, unknown>;
  occurredAt?: string;
}

export interface TrackEvent {
  visitorId: string | null;
  leadId: string | null;
  /** Normalised (lower-case) identity e-mail. */
  email: string | null;
  type: TrackType;
  url: string | null;
  meta: Record<string, unknown>;
  occurredAt: Date;
}

export const maxFutureSkewMs = 5 * 60_000;
export const maxSiteKeyAgeMs = 24 * 3_600_000;
/** A behaviour's meta is a small object, not a document store. */
export const maxMetaBytes = 8 * 1024;

export type CheckedEvent = { ok: true; event: TrackEvent } | { ok: false; errors: FieldError[] };

export function checkTrackEvent(input: TrackEventInput, options: { now: Date; mayBackfill: boolean }): CheckedEvent {
  const errors: FieldError[] = [];
  const visitorId = input.visitorId?.trim() || null;
  const leadId = input.leadId?.trim() || null;
  let email: string | null = null;
  if (input.email !== undefined && input.email.trim() !== '') {
    const result = normaliseEmail(input.email);
    if (result.ok) email = result.email;
    else errors.push({ field: 'email', message: result.message, messageZh: result.messageZh });
  }
  const hasEmail = Boolean(input.email?.trim());
  if (!visitorId && !leadId && !hasEmail) {
    const message = 'an event needs an identity: send visitorId, leadId or email';
    const messageZh = '事件须注明是谁：请传 visitorId、leadId 或 email';
    errors.push(...['visitorId', 'leadId', 'email'].map((field) => ({ field, message, messageZh })));
  } else if (input.type === 'identify') {
    if (!visitorId) {
      errors.push({
        field: 'visitorId',
        message: 'identify says who a visitor is: send the visitorId',
        messageZh: 'identify 用来说明访客是谁：请传 visitorId',
      });
    }
    if (!leadId && !hasEmail) {
      errors.push({
        field: 'email',
        message: 'identify needs an email or a leadId',
        messageZh: 'identify 需要 email 或 leadId',
      });
    }
  }

  const meta = input.meta ?? {};
  if (Buffer.byteLength(JSON.stringify(meta)) > maxMetaBytes) {
    errors.push({
      field: 'meta',
      message: `is larger than ${maxMetaBytes} bytes as JSON`,
      messageZh: `按 JSON 计超过 ${maxMetaBytes} 字节`,
    });
  }

  let occurredAt = options.now;
  if (input.occurredAt !== undefined) {
    const at = new Date(input.occurredAt);
    if (Number.isNaN(at.getTime())) {
      errors.push({ field: 'occurredAt', message: 'is not an ISO-8601 time', messageZh: '不是 ISO-8601 格式的时间' });
    } else if (at.getTime() > options.now.getTime() + maxFutureSkewMs) {
      errors.push({ field: 'occurredAt', message: 'is in the future', messageZh: '是将来的时间' });
    } else if (!options.mayBackfill && at.getTime() < options.now.getTime() - maxSiteKeyAgeMs) {
      errors.push({
        field: 'occurredAt',
        message: 'is more than 24 hours ago; a site key reports events as they happen (use a bearer token to backfill)',
        messageZh: '早于 24 小时前；站点密钥只上报正在发生的事件（补录历史请用 bearer 令牌）',
      });
    } else if (at.getUTCFullYear() < 1970) {
      errors.push({ field: 'occurredAt', message: 'is before 1970', messageZh: '早于 1970 年' });
    } else {
      occurredAt = at;
    }
  }
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    event: { visitorId, leadId, email, type: input.type, url: input.url?.trim() || null, meta, occurredAt },
  };
}
