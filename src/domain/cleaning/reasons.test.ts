import { describe, expect, it } from 'vitest';
import { planReasonList, type StoredReason } from './reasons.js';

const stored = (code: string, used = false, position = 1): StoredReason => ({
  code,
  labelZh: code,
  labelEn: code,
  active: true,
  position,
  used,
});
const item = (code: string, extra: Record<string, unknown> = {}) => ({
  code,
  labelZh: `${code}中`,
  labelEn: code,
  ...extra,
});
const pinned = new Map([['test_data', { en: 'given by junk detection', zh: '垃圾线索识别给出的原因' }]]);

describe('replacing a reason list', () => {
  it('orders by the list, keeps used reasons left out as inactive, removes unused ones', () => {
    const current = [stored('test_data'), stored('competitor', true), stored('duplicate')];
    const r = planReasonList(current, [item('wrong_person'), item('test_data')], pinned);
    expect(r).toEqual({
      ok: true,
      plan: {
        reasons: [
          { code: 'wrong_person', labelZh: 'wrong_person中', labelEn: 'wrong_person', active: true, position: 1 },
          { code: 'test_data', labelZh: 'test_data中', labelEn: 'test_data', active: true, position: 2 },
          { code: 'competitor', labelZh: 'competitor', labelEn: 'competitor', active: false, position: 3 },
        ],
        removed: ['duplicate'],
      },
    });
  });

  it('takes back what GET answered, ordered by position', () => {
    const r = planReasonList(
      [],
      [item('bb', { position: 2, used: true }), item('aa', { position: 1, active: false }), item('test_data')],
      pinned,
    );
    expect(r.ok && r.plan.reasons.map((x) => [x.code, x.position, x.active])).toEqual([
      ['aa', 1, false],
      ['bb', 2, true],
      ['test_data', 3, true],
    ]);
  });

  it('refuses to remove or switch off a reason the system gives', () => {
    const off = planReasonList([stored('test_data')], [item('test_data', { active: false }), item('x1')], pinned);
    expect(off).toMatchObject({ ok: false, errors: [{ field: 'items[0].active' }] });
    const gone = planReasonList([stored('test_data')], [item('x1')], pinned);
    expect(gone).toMatchObject({
      ok: false,
      errors: [{ field: 'items', message: expect.stringMatching(/junk detection/) }],
    });
  });

  it('names bad items: codes, duplicates, labels, unknown keys', () => {
    const r = planReasonList(
      [],
      [item('Bad Code'), item('ok_one'), item('ok_one'), { code: 'x2', labelEn: 'x' }, item('y2', { colour: 'red' })],
      new Map(),
    );
    expect(r.ok ? [] : r.errors.map((e) => e.field)).toEqual([
      'items[0].code',
      'items[2].code',
      'items[3].labelZh',
      'items[4].colour',
    ]);
    expect(planReasonList([], [], new Map())).toMatchObject({ ok: false, errors: [{ field: 'items' }] });
    expect(planReasonList([], [item('a1', { active: false })], new Map())).toMatchObject({
      ok: false,
      errors: [{ field: 'items', message: 'at least one reason must be active' }],
    });
  });
});
