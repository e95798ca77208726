import { describe, expect, it } from 'vitest';
import {
  industriesMatch,
  MAX_NAMED,
  narrowByIndustry,
  narrowByRegion,
  narrowBySkill,
  repCoversRegion,
} from './narrow.js';
import { lead, policy, rep } from './test-reps.js';

describe('region (SPEC §5.2 step 2: a Shanghai lead goes to Shanghai sales)', () => {
  it('matches the same code, and a province covering the city, in any code form', () => {
    expect(repCoversRegion({ regions: ['31'] }, '31')).toBe(true);
    expect(repCoversRegion({ regions: ['33'] }, '3301')).toBe(true);
    expect(repCoversRegion({ regions: ['330000'] }, '3301')).toBe(true);
    expect(repCoversRegion({ regions: ['3301'] }, '33')).toBe(false);
    expect(repCoversRegion({ regions: ['3302'] }, '3301')).toBe(false);
    expect(repCoversRegion({ regions: ['44', '31'] }, '3101')).toBe(true);
    expect(repCoversRegion({ regions: [] }, '31')).toBe(false);
  });

  it('narrows to the reps covering the region', () => {
    const pool = [rep('sh', { regions: ['31'] }), rep('zj', { regions: ['33'] }), rep('hz', { regions: ['3301'] })];
    const result = narrowByRegion(pool, lead({ regionCode: '3301' }));
    expect(result.pool.map((r) => r.id)).toEqual(['zj', 'hz']);
    expect(result.step).toMatchObject({ step: 'region', outcome: 'narrowed' });
    expect(result.step.message).toBe(
      '地区 (region): 杭州市 (3301) — 3 人中 2 人覆盖该地区 (2 of 3 reps cover it; narrowed); ' +
        '未覆盖 (left out, not covering it): sh (上海市)',
    );
  });

  it('names every rep it leaves out with their regions, by name, in pool order', () => {
    const pool = [
      rep('a', { name: '张三', regions: ['31'] }),
      rep('b', { name: '王五', regions: ['11', '12', '13', '14'] }),
      rep('c', { name: '李四', regions: ['44'] }),
      rep('d', { name: '  ', regions: [] }),
    ];
    const result = narrowByRegion(pool, lead({ regionCode: '31' }));
    expect(result.pool.map((r) => r.id)).toEqual(['a']);
    expect(result.step.message).toBe(
      '地区 (region): 上海市 (31) — 4 人中 1 人覆盖该地区 (1 of 4 reps cover it; narrowed); ' +
        '未覆盖 (left out, not covering it): 王五 (北京市/天津市/河北省…)、李四 (广东省)、d (未设地区 no regions)',
    );
  });

  it('names at most 10 left-out reps of a pool of 200 and counts the rest', () => {
    const pool = Array.from({ length: 200 }, (_, i) =>
      rep(`r${i}`, { name: `销售${i}`, regions: [i < 5 ? '31' : '11'] }),
    );
    const result = narrowByRegion(pool, lead({ regionCode: '31' }));
    expect(result.pool).toHaveLength(5);
    const named = result.step.message.split('not covering it): ')[1];
    expect(named).toBe(
      `${Array.from({ length: MAX_NAMED }, (_, i) => `销售${i + 5} (北京市)`).join('、')}…等 195 人 (195 in all)`,
    );
    expect(result.step.message.length).toBeLessThan(400);
  });

  it('keeps the pool, and says so, when nobody covers the region or the lead has none', () => {
    const pool = [rep('sh', { regions: ['31'] }), rep('zj', { regions: ['33'] })];
    const nobody = narrowByRegion(pool, lead({ regionCode: '46' }));
    expect(nobody.pool).toBe(pool);
    expect(nobody.step.outcome).toBe('no_match');
    expect(nobody.step.message).toContain('无人覆盖该地区, 保留全部 2 人 (no rep cover it; pool kept)');
    expect(narrowByRegion(pool, lead({ regionCode: null })).step.outcome).toBe('kept');
    const all = narrowByRegion(pool, lead({ regionCode: '99' }));
    expect(all.pool).toBe(pool);
  });
});

describe('industry (matched like scoring industry rules)', () => {
  it('matches either way round, case-insensitive, Latin words whole-word', () => {
    expect(industriesMatch('汽车制造', '制造')).toBe(true);
    expect(industriesMatch('制造', '智能制造')).toBe(true);
    expect(industriesMatch('B2B SaaS', 'saas')).toBe(true);
    expect(industriesMatch('ＳａａＳ', 'SaaS')).toBe(true);
    expect(industriesMatch('Retail', 'IT')).toBe(false);
    expect(industriesMatch('IT 服务', 'it')).toBe(true);
    expect(industriesMatch('金融', '制造')).toBe(false);
    expect(industriesMatch('', '制造')).toBe(false);
  });

  it('narrows to reps with cases in the industry, or keeps the pool', () => {
    const pool = [rep('m', { industries: ['制造', '汽车'] }), rep('f', { industries: ['金融'] })];
    const narrowed = narrowByIndustry(pool, lead({ industry: '汽车零部件制造' }));
    expect(narrowed.pool.map((r) => r.id)).toEqual(['m']);
    expect(narrowed.step.message).toBe(
      '行业 (industry): 汽车零部件制造 — 2 人中 1 人有该行业案例 (1 of 2 reps have cases in it; narrowed); ' +
        '无该行业案例 (left out, no cases in it): f (金融)',
    );
    const none = narrowByIndustry(pool, lead({ industry: '教育' }));
    expect(none.pool).toBe(pool);
    expect(none.step.outcome).toBe('no_match');
    expect(narrowByIndustry(pool, lead({ industry: null })).step.outcome).toBe('kept');
  });
});

describe('skill (must-win to a top closer, a weak lead to a new rep)', () => {
  const pool = [rep('new', { level: 1 }), rep('mid', { level: 3 }), rep('top', { level: 5 })];
  const skill = policy({ skill: { mustWinGrades: ['A1', 'A2'], topLevel: 4 } });

  it('sends must-win grades to reps at or above the top level', () => {
    const result = narrowBySkill(pool, lead({ grade: 'A1' }), skill);
    expect(result.pool.map((r) => r.id)).toEqual(['top']);
    expect(result.step.message).toContain('A1 为必赢线索');
    expect(result.step.message).toContain('级别不足 (left out, below level 4): new (级别 1)、mid (级别 3)');
  });

  it('sends other grades (and no grade) to reps below it', () => {
    const weak = narrowBySkill(pool, lead({ grade: 'C3' }), skill);
    expect(weak.pool.map((r) => r.id)).toEqual(['new', 'mid']);
    expect(weak.step.message).toContain('留给必赢线索 (left out, kept for must-win leads at level ≥ 4): top (级别 5)');
    expect(narrowBySkill(pool, lead({ grade: null }), skill).pool.map((r) => r.id)).toEqual(['new', 'mid']);
  });

  it('keeps the pool when nobody fits the skill rule or no skill policy is set', () => {
    const juniors = [rep('a', { level: 1 }), rep('b', { level: 2 })];
    const result = narrowBySkill(juniors, lead({ grade: 'A1' }), skill);
    expect(result.pool).toBe(juniors);
    expect(result.step.outcome).toBe('no_match');
    expect(narrowBySkill(pool, lead({ grade: 'A1' }), policy()).step).toMatchObject({ outcome: 'kept' });
  });
});
