import { describe, expect, it } from 'vitest';
import { effectWords, featureWords, termWords } from './term-words.js';

const names = { channels: new Map([['inbound_inquiry', { name: 'Inbound inquiry', nameZh: '主动咨询' }]]) };

describe('term words', () => {
  it('says a term as a sales leader reads it, in Chinese and English', () => {
    const channel = { feature: 'channel', kind: 'level', level: 'inbound_inquiry' } as const;
    expect(termWords(channel, 'zh-CN', names)).toBe('渠道 = 主动咨询');
    expect(termWords(channel, 'en', names)).toBe('Channel = Inbound inquiry');
    expect(termWords({ feature: 'seniority', kind: 'level', level: 'director' }, 'zh-CN', names)).toBe(
      '职位级别 = 总监',
    );
    expect(termWords({ feature: 'employees', kind: 'bin', low: 50, high: 200 }, 'zh-CN', names)).toBe(
      '员工数 > 50 且 ≤ 200',
    );
    expect(termWords({ feature: 'employees', kind: 'bin', low: null, high: 10 }, 'en', names)).toBe('Employees ≤ 10');
    expect(termWords({ feature: 'field.访问次数', kind: 'bin', low: 5.5, high: null }, 'en', names)).toBe(
      '访问次数 > 5.5',
    );
    expect(termWords({ feature: 'industry', kind: 'missing' }, 'zh-CN', names)).toBe('行业 未知');
    expect(termWords({ feature: 'utm.source', kind: 'other' }, 'en', names)).toBe('UTM source = other');
    expect(featureWords('behaviour.demo_request.count', 'zh-CN')).toBe('「申请演示」次数');
    expect(featureWords('behaviour.demo_request.daysSince', 'en')).toBe('Days since last of demo requests');
    expect(featureWords('activity.call.count', 'zh-CN')).toBe('SDR 电话次数');
  });

  it('writes effects as signed percentage points', () => {
    expect(effectWords(0.183)).toBe('+18%');
    expect(effectWords(-0.04)).toBe('−4%');
    expect(effectWords(0.0049)).toBe('+0.5%');
  });
});
