import { describe, expect, it } from 'vitest';
import { normaliseLead } from './normalise-lead.js';

const rules = {
  channels: new Set(['sem', 'import', 'organic_search']),
  inference: [
    {
      id: 'r1',
      referrerHost: 'baidu.com',
      landingPathPrefix: null,
      channel: 'organic_search',
      utmSource: 'baidu',
      utmMedium: 'organic',
    },
  ],
  now: new Date('2026-05-01T08:00:00Z'),
};

describe('normaliseLead (SPEC §2 validity and normalisation)', () => {
  it('normalises phone, e-mail, company key and region', () => {
    const r = normaliseLead(
      {
        name: '张伟',
        phone: '0086 139 0000 0001',
        email: 'ZW@Example.CN',
        company: '上海云帆科技股份有限公司',
        region: 'Shanghai',
        channel: 'sem',
      },
      rules,
    );
    expect(r.ok && r.lead).toMatchObject({
      phone: '+8613900000001',
      email: 'zw@example.cn',
      companyKey: '上海云帆科技',
      region: '上海市',
      regionCode: '31',
    });
  });

  it('requires a name, a known channel and a phone or e-mail, naming each field', () => {
    const r = normaliseLead({ name: ' ', channel: 'tiktok' }, rules);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map((e) => e.field).sort()).toEqual(['channel', 'name', 'phone']);
  });

  it('names an invalid phone and an invalid e-mail', () => {
    const r = normaliseLead({ name: 'x', phone: '12345', email: 'not-an-email', channel: 'sem' }, rules);
    expect(!r.ok && r.errors.map((e) => e.field)).toEqual(['phone', 'email']);
  });

  it('defaults a missing channel only where the caller allows it (imports)', () => {
    expect(normaliseLead({ name: 'x', email: 'x@y.cn' }, rules).ok).toBe(false);
    const r = normaliseLead({ name: 'x', email: 'x@y.cn' }, { ...rules, defaultChannel: 'import' });
    expect(r.ok && r.lead.channel).toBe('import');
  });

  it('infers UTM (and, for imports, the channel) from the referrer when UTM is missing', () => {
    const r = normaliseLead(
      { name: 'x', email: 'x@y.cn', referrer: 'https://m.baidu.com/s?wd=crm' },
      { ...rules, defaultChannel: 'import' },
    );
    expect(r.ok && r.lead.source).toMatchObject({
      channel: 'organic_search',
      utm: { source: 'baidu', medium: 'organic' },
      inferredBy: 'r1',
      at: '2026-05-01T08:00:00.000Z',
    });
    const sent = normaliseLead(
      {
        name: 'x',
        email: 'x@y.cn',
        channel: 'sem',
        utm: { source: 'baidu', medium: 'cpc' },
        referrer: 'https://www.baidu.com/',
      },
      rules,
    );
    expect(sent.ok && sent.lead.source).toMatchObject({ channel: 'sem', utm: { medium: 'cpc' } });
    expect(sent.ok && sent.lead.source.inferredBy).toBeUndefined();
  });
});

describe('text PostgreSQL cannot store', () => {
  it('names a field holding the NUL character, nested ones too', () => {
    const r = normaliseLead({ name: 'a\u0000b', email: 'x@y.cn', channel: 'sem', fields: { note: 'x\u0000' } }, rules);
    expect(!r.ok && r.errors.map((e) => e.field)).toEqual(['name', 'fields.note']);
  });
});
