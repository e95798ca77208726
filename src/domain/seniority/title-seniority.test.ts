import { describe, expect, it } from 'vitest';
import type { SeniorityLevel } from './seniority-level.js';
import { compareSeniority, titleSeniority } from './title-seniority.js';

const levelOf = (title: string | null) => titleSeniority(title).level;

describe('titleSeniority (SPEC §4.3, §5.2: C-level > VP > director > manager > staff)', () => {
  const table: [title: string, level: SeniorityLevel][] = [
    // C-level
    ['董事长', 'c_level'],
    ['总裁', 'c_level'],
    ['总经理', 'c_level'],
    ['创始人', 'c_level'],
    ['联合创始人', 'c_level'],
    ['合伙人', 'c_level'],
    ['CEO', 'c_level'],
    ['CTO', 'c_level'],
    ['CIO', 'c_level'],
    ['首席执行官', 'c_level'],
    ['首席技术官', 'c_level'],
    ['Chief Technology Officer', 'c_level'],
    ['Chief Executive Officer, APAC', 'c_level'],
    ['General Manager', 'c_level'],
    ['Co-Founder', 'c_level'],
    ['董事长兼总经理', 'c_level'],
    // VP
    ['副总裁', 'vp'],
    ['副总经理', 'vp'],
    ['常务副总', 'vp'],
    ['VP Sales', 'vp'],
    ['VP of Sales', 'vp'],
    ['Senior Vice President of Engineering', 'vp'],
    ['Deputy General Manager', 'vp'],
    // director
    ['IT总监', 'director'],
    ['技术总监', 'director'],
    ['副总监', 'director'],
    ['数字化转型负责人', 'director'],
    ['Sales Director', 'director'],
    ['Director of Engineering', 'director'],
    ['Head of Digital', 'director'],
    ['Head of Marketing', 'director'],
    ['总工程师', 'director'],
    // manager
    ['IT经理', 'manager'],
    ['信息部经理', 'manager'],
    ['销售经理', 'manager'],
    ['运维主管', 'manager'],
    ['Senior Manager', 'manager'],
    ['Sr. Manager', 'manager'],
    ['Assistant Manager', 'manager'],
    ['IT Manager', 'manager'],
    ['Team Lead', 'manager'],
    ['Customer Service Supervisor', 'manager'],
    ['总经理办公室主任', 'manager'],
    // staff
    ['市场专员', 'staff'],
    ['采购专员', 'staff'],
    ['Purchasing Specialist', 'staff'],
    ['高级工程师', 'staff'],
    ['总经理助理', 'staff'],
    ['销售总监助理', 'staff'],
    ['CEO助理', 'staff'],
    ['Executive Assistant to the CEO', 'staff'],
    ['项目经理', 'staff'],
    ['产品经理', 'staff'],
    ['Key Account Manager', 'staff'],
    ['HR Business Partner', 'staff'],
    ['电商运营', 'staff'],
    ['Lead Generation Specialist', 'staff'],
    // intern
    ['实习生', 'intern'],
    ['市场部实习生', 'intern'],
    ['Marketing Intern', 'intern'],
  ];

  it.each(table)('reads %j as %s', (title, level) => {
    expect(levelOf(title)).toBe(level);
  });

  it('lets the head noun at the end decide: the assistant of a director is staff', () => {
    expect(titleSeniority('销售总监助理')).toEqual({ level: 'staff', rank: 1, matched: '助理' });
    expect(titleSeniority('销售总监')).toEqual({ level: 'director', rank: 3, matched: '总监' });
  });

  it('prefers the longest word ending at the head: 副总经理 is a VP, not a 总经理', () => {
    expect(titleSeniority('副总经理')).toMatchObject({ level: 'vp', matched: '副总经理' });
    expect(titleSeniority('副总监')).toMatchObject({ level: 'director' });
  });

  it('takes the highest position of a compound title', () => {
    expect(titleSeniority('技术副总裁兼CTO')).toEqual({ level: 'c_level', rank: 5, matched: 'cto' });
    expect(levelOf('CEO & Founder')).toBe('c_level');
    expect(levelOf('总监/经理')).toBe('director');
    expect(levelOf('市场与销售总监')).toBe('director');
    expect(levelOf('Sales and Marketing Director')).toBe('director');
  });

  it('folds full-width letters, case, dots and traditional characters', () => {
    expect(levelOf('ＣＥＯ')).toBe('c_level');
    expect(levelOf('ｖｐ　ｓａｌｅｓ')).toBe('vp');
    expect(levelOf('V.P. Marketing')).toBe('vp');
    expect(levelOf('it MANAGER')).toBe('manager');
    expect(levelOf('總經理')).toBe('c_level');
    expect(levelOf('行政總監')).toBe('director');
    expect(levelOf('銷售專員')).toBe('staff');
  });

  it('ignores notes in brackets', () => {
    expect(levelOf('经理（华东区）')).toBe('manager');
    expect(levelOf('Director (Procurement Manager role)')).toBe('director');
  });

  it('does not read English department words as a job: "VP Sales" is not a salesperson', () => {
    expect(levelOf('Sales')).toBe('unknown');
    expect(levelOf('销售')).toBe('staff');
  });

  it('says unknown, with rank -1, for empty or unreadable titles', () => {
    for (const title of [null, '', '   ', '张三', 'Marketing', '---']) {
      expect(titleSeniority(title)).toEqual({ level: 'unknown', rank: -1 });
    }
  });
});

describe('compareSeniority', () => {
  it('orders C-level > VP > director > manager > staff > intern > unknown', () => {
    const ladder = ['CEO', 'VP Sales', '技术总监', 'IT经理', '市场专员', '实习生', '张三'];
    for (let i = 0; i + 1 < ladder.length; i++) {
      expect(compareSeniority(ladder[i], ladder[i + 1])).toBe(1);
      expect(compareSeniority(ladder[i + 1], ladder[i])).toBe(-1);
    }
  });

  it('treats titles of one level as equally senior, and takes already-read seniorities', () => {
    expect(compareSeniority('IT经理', 'Senior Manager')).toBe(0);
    expect(compareSeniority(titleSeniority('CTO'), '总经理')).toBe(0);
    expect(compareSeniority(null, null)).toBe(0);
  });
});
