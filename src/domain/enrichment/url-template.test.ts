import { describe, expect, it } from 'vitest';
import { checkUrlTemplate, expandUrlTemplate } from './url-template.js';

describe('URL templates', () => {
  it('URL-encodes each value; a missing one becomes empty', () => {
    const url = expandUrlTemplate('http://h/lookup?name={company}&code={creditCode}', {
      company: '上海某某 & Co',
      companyKey: null,
      website: null,
      creditCode: null,
    });
    expect(url).toBe(`http://h/lookup?name=${encodeURIComponent('上海某某 & Co')}&code=`);
  });

  it('names an unknown placeholder, a template naming no company and a non-http URL', () => {
    expect(checkUrlTemplate('http://h/?n={name}')[0]).toMatchObject({
      field: 'urlTemplate',
      message: expect.stringContaining('{name}'),
    });
    expect(checkUrlTemplate('http://h/lookup')[0].message).toMatch(/names no company/);
    expect(checkUrlTemplate('ftp://h/{company}')[0].message).toMatch(/http or https/);
    expect(checkUrlTemplate('{company}')[0].message).toMatch(/absolute URL/);
    expect(checkUrlTemplate('http://h/{company')[0].message).toMatch(/unmatched/);
    expect(checkUrlTemplate('https://u:p@h/{company}')[0].message).toMatch(/credentials/);
    expect(checkUrlTemplate('https://h/v1?q={company}&k={companyKey}')).toEqual([]);
  });
});
