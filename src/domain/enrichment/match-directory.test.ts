import { describe, expect, it } from 'vitest';
import { chooseDirectoryCompany } from './match-directory.js';

const a = { id: 'a', nameKey: 'acme', aliasKeys: ['艾克米'], creditCode: '91310000MA1FL0000X' };
const b = { id: 'b', nameKey: '艾克米', aliasKeys: [], creditCode: null };
const c = { id: 'c', nameKey: 'beta', aliasKeys: ['艾克米'], creditCode: null };
const q = (companyKey: string | null, creditCode: string | null = null) => ({
  company: null,
  companyKey,
  website: null,
  creditCode,
});

describe('choosing the directory company', () => {
  it('takes the credit code first, then a name, then an alias', () => {
    expect(chooseDirectoryCompany(q('beta', a.creditCode), [a, c])).toMatchObject({ company: a, on: 'creditCode' });
    expect(chooseDirectoryCompany(q('艾克米'), [a, b, c])).toMatchObject({ company: b, on: 'name' });
    expect(chooseDirectoryCompany(q('acme'), [a])).toMatchObject({ company: a, on: 'name' });
  });

  it('chooses nothing when two fit equally, or the codes disagree', () => {
    expect(chooseDirectoryCompany(q('艾克米'), [a, c])).toEqual({ kind: 'ambiguous', count: 2, on: 'alias' });
    expect(chooseDirectoryCompany(q('acme', '91110000600000000Y'), [a])).toEqual({ kind: 'none' });
    expect(chooseDirectoryCompany(q(null), [a])).toEqual({ kind: 'none' });
  });
});
