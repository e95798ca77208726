/**
 * What the HTTP schema cannot check about an opportunity's fields: money, dates against the
 * clock, reasons. Pure: the caller passes `now`.
 */
import type { FieldError } from '../errors.js';

/** Ten trillion: more than any single B2B deal, and well inside a double's exact integers in cents. */
export const MAX_AMOUNT = 10_000_000_000_000;
export const NAME_MAX_LENGTH = 200;
export const REASON_MAX_LENGTH = 1000;
/** A date-only expected close of "today" is midnight UTC, hours before now: a day's grace. */
const PAST_GRACE_MS = 24 * 3_600_000;

/** ISO-8601: a date, or a date and time with its zone (a time without a zone means nothing on a server). */
const isoPattern = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2}))?$/;

const isDateOnly = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text);
const startOfUtcDay = (at: Date) => Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());

export function parseIsoTime(text: string): Date | undefined {
  if (!isoPattern.test(text)) return undefined;
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) return undefined;
  const year = at.getUTCFullYear();
  return year >= 1970 && year <= 9999 ? at : undefined;
}

export function checkAmount(amount: unknown, field = 'amount'): FieldError[] {
  if (typeof amount !== 'number' || !Number.isFinite(amount))
    return [{ field, message: 'must be a number', messageZh: '须为数字' }];
  if (amount < 0) return [{ field, message: 'must be 0 or more', messageZh: '不能小于 0' }];
  if (amount > MAX_AMOUNT)
    return [{ field, message: `must be at most ${MAX_AMOUNT}`, messageZh: `不能超过 ${MAX_AMOUNT}` }];
  if (Math.abs(Math.round(amount * 100) - amount * 100) > 1e-6 * Math.max(1, amount)) {
    return [{ field, message: 'has at most 2 decimal places', messageZh: '最多两位小数' }];
  }
  return [];
}

export interface OpportunityInput {
  amount?: unknown;
  expectedCloseAt?: string | null;
  name?: string | null;
  currency?: string | null;
  /** The partner who introduced the opportunity (seed 004 scenario 3), if one did. */
  partnerName?: string | null;
}

export interface CheckedOpportunity {
  amount: number;
  expectedCloseAt: Date | null;
  name: string | null;
  currency: string;
  partnerName: string | null;
}

export function checkOpportunity(
  input: OpportunityInput,
  now: Date,
): { errors: FieldError[]; value: CheckedOpportunity } {
  const errors: FieldError[] = [];
  if (input.amount === undefined || input.amount === null)
    errors.push({ field: 'amount', message: 'is required', messageZh: '必填' });
  else errors.push(...checkAmount(input.amount));
  let expectedCloseAt: Date | null = null;
  if (input.expectedCloseAt) {
    const at = parseIsoTime(input.expectedCloseAt);
    if (!at)
      errors.push({
        field: 'expectedCloseAt',
        message: 'must be an ISO-8601 date or time with a zone',
        messageZh: '须为带时区的 ISO-8601 日期或时间',
      });
    else if (at.getTime() < now.getTime() - PAST_GRACE_MS) {
      errors.push({ field: 'expectedCloseAt', message: 'cannot be in the past', messageZh: '不能是过去的时间' });
    } else expectedCloseAt = at;
  }
  const name = input.name?.trim() || null;
  if (name && name.length > NAME_MAX_LENGTH) {
    errors.push({
      field: 'name',
      message: `is at most ${NAME_MAX_LENGTH} characters`,
      messageZh: `最多 ${NAME_MAX_LENGTH} 个字符`,
    });
  }
  const partnerName = input.partnerName?.trim() || null;
  if (partnerName && partnerName.length > NAME_MAX_LENGTH) {
    errors.push({
      field: 'partnerName',
      message: `is at most ${NAME_MAX_LENGTH} characters`,
      messageZh: `最多 ${NAME_MAX_LENGTH} 个字符`,
    });
  }
  const currency = (input.currency?.trim() || 'CNY').toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency))
    errors.push({
      field: 'currency',
      message: 'must be an ISO 4217 code such as CNY',
      messageZh: '须为 ISO 4217 货币代码，如 CNY',
    });
  return { errors, value: { amount: input.amount as number, expectedCloseAt, name, currency, partnerName } };
}

export interface ClosingInput {
  reason?: string | null;
  amount?: unknown;
  closedAt?: string | null;
}

export interface CheckedClosing {
  reason: string | null;
  amount: number | null;
  closedAt: Date;
}

/**
 * withdraw {reason?}: today, by the clock (the §8.3 withdrawal window must not be back-dated).
 * win {amount?, closedAt?}: the final amount replaces the registered one; closedAt defaults to
 * now, may be earlier (a deal signed on Friday recorded on Monday), never in the future nor
 * before the opportunity was registered. lose {reason, closedAt?}: the reason is required.
 */
export function checkClosing(
  action: 'withdraw' | 'win' | 'lose',
  input: ClosingInput,
  now: Date,
  createdAt: Date,
): { errors: FieldError[]; value: CheckedClosing } {
  const errors: FieldError[] = [];
  const reason = input.reason?.trim() || null;
  if (action === 'lose' && !reason)
    errors.push({ field: 'reason', message: 'is required: why was the deal lost?', messageZh: '必填：为什么丢单？' });
  if (reason && reason.length > REASON_MAX_LENGTH) {
    errors.push({
      field: 'reason',
      message: `is at most ${REASON_MAX_LENGTH} characters`,
      messageZh: `最多 ${REASON_MAX_LENGTH} 个字符`,
    });
  }
  let amount: number | null = null;
  if (input.amount !== undefined && input.amount !== null) {
    const amountErrors = checkAmount(input.amount);
    errors.push(...amountErrors);
    if (amountErrors.length === 0) amount = input.amount as number;
  }
  let closedAt = now;
  if (input.closedAt) {
    const at = parseIsoTime(input.closedAt);
    if (!at)
      errors.push({
        field: 'closedAt',
        message: 'must be an ISO-8601 date or time with a zone',
        messageZh: '须为带时区的 ISO-8601 日期或时间',
      });
    else if (at.getTime() > now.getTime())
      errors.push({ field: 'closedAt', message: 'cannot be in the future', messageZh: '不能是将来的时间' });
    else if (isDateOnly(input.closedAt) && at.getTime() === startOfUtcDay(createdAt)) {
      // A date-only close on the day of registration: that day, not a moment before the registration.
      closedAt = createdAt;
    } else if (at.getTime() < createdAt.getTime()) {
      errors.push({
        field: 'closedAt',
        message: `cannot be before the opportunity was registered (${createdAt.toISOString()})`,
        messageZh: `不能早于商机登记时间（${createdAt.toISOString()}）`,
      });
    } else closedAt = at;
  }
  return { errors, value: { reason, amount, closedAt } };
}
