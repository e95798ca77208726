/**
 * Reason taxonomies as editable data: the reasons a person picks when disqualifying a lead
 * (SPEC §3), and — same table, other kinds — when sales rejects or returns an MQL or an SDR
 * releases a lead (issue 5). Codes are stable (reports and audit entries keep them); labels
 * are what people read and may be reworded at any time.
 *
 * Replacing a list never loses history: a reason that has ever been used and is left out of
 * the new list is kept, deactivated, so old timeline entries and reports still have its label.
 * Reasons the system itself gives (junk detection, ICP rules) cannot be removed or switched off.
 */
import type { FieldError } from '../errors.js';

/** Kinds of reason lists: disqualify (§3); reject and return, the rep's hand-off decisions (§6.1). */
export const reasonKinds = ['disqualify', 'reject', 'return'] as const;
export type ReasonKind = (typeof reasonKinds)[number];

export function isReasonKind(kind: string): kind is ReasonKind {
  return (reasonKinds as readonly string[]).includes(kind);
}

export interface Reason {
  code: string;
  labelZh: string;
  labelEn: string;
  active: boolean;
  position: number;
}

/** A reason as stored: `used` once anything has been given this reason. */
export interface StoredReason extends Reason {
  used: boolean;
}

/**
 * Why SDR teams disqualify leads (SPEC §3, seeds 000 and 003): can't reach them, not the
 * right person or business, not a buyer at all, or not data about a real prospect.
 * `free_only` is seed 003's case: a reachable, real company that only wants the free product.
 */
export const defaultDisqualifyReasons: readonly Omit<Reason, 'active' | 'position'>[] = [
  { code: 'invalid_phone', labelZh: '空号/错号', labelEn: 'Invalid or wrong number' },
  { code: 'unreachable', labelZh: '多次联系未接通', labelEn: 'Unreachable after repeated attempts' },
  { code: 'wrong_person', labelZh: '非本人/联系人错误', labelEn: 'Wrong person' },
  { code: 'unrelated_business', labelZh: '业务不相关', labelEn: 'Unrelated business' },
  { code: 'competitor', labelZh: '竞争对手/同行', labelEn: 'Competitor' },
  { code: 'student_job_seeker', labelZh: '学生/求职者', labelEn: 'Student or job seeker' },
  { code: 'free_only', labelZh: '只要免费服务，无付费意愿', labelEn: 'Wants the free offering only' },
  { code: 'spam', labelZh: '垃圾信息/广告', labelEn: 'Spam' },
  { code: 'outside_icp', labelZh: '不符合目标客户画像', labelEn: 'Outside the ideal customer profile' },
  { code: 'test_data', labelZh: '测试数据', labelEn: 'Test data' },
  { code: 'duplicate', labelZh: '重复线索', labelEn: 'Duplicate lead' },
];

const CODE = /^[a-z][a-z0-9_]{1,39}$/;
const MAX_LABEL = 60;
const MAX_REASONS = 100;

export interface ReasonListPlan {
  /** The list as it will be stored, in order: the submitted reasons, then kept inactive ones. */
  reasons: Reason[];
  /** Never-used reasons left out of the submitted list: removed. */
  removed: string[];
}

/** Why the system gives a reason by itself, in both languages ("given by junk detection" / "垃圾线索识别给出的原因"). */
export interface PinnedWhy {
  en: string;
  zh: string;
}

export type ReasonListResult = { ok: true; plan: ReasonListPlan } | { ok: false; errors: FieldError[] };

/**
 * Checks a submitted list (`items: [{code, labelZh, labelEn, active?}]`) against the current one.
 * `pinned` maps codes the system gives itself to why (e.g. "used by junk detection").
 */
export function planReasonList(
  current: readonly StoredReason[],
  submitted: unknown,
  pinned: ReadonlyMap<string, PinnedWhy>,
): ReasonListResult {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string, messageZh: string) => errors.push({ field, message, messageZh });
  if (!Array.isArray(submitted)) {
    return { ok: false, errors: [{ field: 'items', message: 'must be a list', messageZh: '须为列表' }] };
  }
  if (submitted.length === 0) fail('items', 'needs at least one reason', '至少要有一个原因');
  if (submitted.length > MAX_REASONS)
    fail('items', `may hold at most ${MAX_REASONS} reasons`, `最多 ${MAX_REASONS} 个原因`);

  const reasons: Reason[] = [];
  const seen = new Set<string>();
  submitted.forEach((item, i) => {
    const at = `items[${i}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      fail(at, 'must be an object', '须为对象');
      return;
    }
    const o = item as Record<string, unknown>;
    for (const key of Object.keys(o)) {
      // position and used are what GET answers: a list read and sent back as it is is accepted.
      if (!['code', 'labelZh', 'labelEn', 'active', 'position', 'used'].includes(key)) {
        fail(`${at}.${key}`, 'is not a known field', '不是已知字段');
      }
    }
    const code = o.code;
    if (typeof code !== 'string' || !CODE.test(code)) {
      fail(
        `${at}.code`,
        'must be 2–40 characters: a lower-case letter, then letters, digits or _',
        '须为 2–40 个字符：以小写字母开头，后接字母、数字或 _',
      );
    } else if (seen.has(code)) {
      fail(`${at}.code`, `"${code}" is listed twice`, `“${code}”列了两次`);
    } else seen.add(code);
    const label = (key: 'labelZh' | 'labelEn') => {
      const v = o[key];
      if (typeof v !== 'string' || !v.trim()) return void fail(`${at}.${key}`, 'is required', '必填');
      if (v.trim().length > MAX_LABEL) {
        return void fail(`${at}.${key}`, `may be at most ${MAX_LABEL} characters`, `最多 ${MAX_LABEL} 个字符`);
      }
      return v.trim();
    };
    const labelZh = label('labelZh');
    const labelEn = label('labelEn');
    if (o.active !== undefined && typeof o.active !== 'boolean') {
      fail(`${at}.active`, 'must be true or false', '须为 true 或 false');
    }
    if (o.position !== undefined && !Number.isInteger(o.position)) {
      fail(`${at}.position`, 'must be a whole number', '须为整数');
    }
    const active = o.active !== false;
    const why = typeof code === 'string' ? pinned.get(code) : undefined;
    if (typeof code === 'string' && !active && why) {
      fail(`${at}.active`, `"${code}" cannot be switched off: it is ${why.en}`, `“${code}”不能停用：它是${why.zh}`);
    }
    const position = typeof o.position === 'number' ? o.position : i + 1;
    if (typeof code === 'string' && labelZh && labelEn) reasons.push({ code, labelZh, labelEn, active, position });
  });
  // Ordered by the positions given (the list's own order where none is); stable for ties.
  reasons.sort((a, b) => a.position - b.position);
  if (errors.length === 0 && !reasons.some((r) => r.active)) {
    fail('items', 'at least one reason must be active', '至少要有一个原因处于启用状态');
  }

  const removed: string[] = [];
  for (const old of current) {
    if (seen.has(old.code)) continue;
    const why = pinned.get(old.code);
    if (why) {
      fail(
        'items',
        `"${old.code}" cannot be removed: it is ${why.en} (its labels may be changed)`,
        `“${old.code}”不能删除：它是${why.zh}（可以修改它的名称）`,
      );
    } else if (old.used) {
      reasons.push({ code: old.code, labelZh: old.labelZh, labelEn: old.labelEn, active: false, position: 0 });
    } else removed.push(old.code);
  }
  if (errors.length > 0) return { ok: false, errors };
  reasons.forEach((r, i) => {
    r.position = i + 1;
  });
  return { ok: true, plan: { reasons, removed } };
}
