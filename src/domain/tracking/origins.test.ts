import { describe, expect, it } from 'vitest';
import { normaliseOrigin, originAllowed } from './origins.js';

describe('tracking site origins', () => {
  it.each([
    ['https://www.example.cn', 'https://www.example.cn'],
    ['HTTPS://WWW.Example.CN/', 'https://www.example.cn'],
    ['https://example.cn:443', 'https://example.cn'],
    ['http://localhost:5173', 'http://localhost:5173'],
    ['https://例子.中国', 'https://xn--fsqu00a.xn--fiqs8s'],
  ])('%s → %s', (raw, origin) => {
    expect(normaliseOrigin(raw)).toEqual({ ok: true, origin });
  });

  it.each([
    ['www.example.cn'],
    ['https://example.cn/landing'],
    ['ftp://example.cn'],
    ['https://example.cn?a=1'],
    ['*'],
  ])('refuses %s', (raw) => {
    expect(normaliseOrigin(raw).ok).toBe(false);
  });

  it('matches the Origin header exactly (scheme and port count)', () => {
    const allowed = ['https://www.example.cn'];
    expect(originAllowed(allowed, 'https://www.example.cn')).toBe(true);
    expect(originAllowed(allowed, 'http://www.example.cn')).toBe(false);
    expect(originAllowed(allowed, 'https://www.example.cn:8443')).toBe(false);
    expect(originAllowed(allowed, 'https://evil.example.cn')).toBe(false);
  });
});
