import { describe, expect, it } from 'vitest';
import { normalisePhone } from './phone.js';

const MOBILE = '+8613900000001';

describe('normalisePhone', () => {
  it.each([
    '13900000001',
    '139 0000 0001',
    '139-0000-0001',
    '139.0000.0001',
    '(139) 0000 0001',
    '+86 139 0000 0001',
    '+86-139-0000-0001',
    '+8613900000001',
    '0086 139 0000 0001',
    '008613900000001',
    '86 13900000001',
    '8613900000001',
    '１３９００００００01',
    '＋８６　１３９　００００　０００１',
    '139—0000—0001',
    '  13900000001\t',
  ])('reads the Chinese mobile %j as +86 E.164', (raw) => {
    expect(normalisePhone(raw)).toEqual({ ok: true, e164: MOBILE });
  });

  it.each([
    ['010-12345678', '+861012345678'],
    ['010-62345678', '+861062345678'],
    ['021 6123 4567', '+862161234567'],
    ['(021)61234567', '+862161234567'],
    ['+86 21 61234567', '+862161234567'],
    ['0571-88888888', '+8657188888888'],
    ['0755 1234 5678', '+8675512345678'],
  ])('reads the Chinese landline %j with its area code', (raw, e164) => {
    expect(normalisePhone(raw)).toEqual({ ok: true, e164 });
  });

  it.each([
    ['+1 650 253 0000', '+16502530000'],
    ['+44 20 7946 0958', '+442079460958'],
    ['0044 20 7946 0958', '+442079460958'],
    ['+852 2123 4567', '+85221234567'],
  ])('accepts the valid foreign number %j', (raw, e164) => {
    expect(normalisePhone(raw)).toEqual({ ok: true, e164 });
  });

  it.each([
    '12345',
    '139000000012', // 12 digits starting with 1
    '1390000000', // 10 digits starting with 1
    '11111111111',
    '0755-2345678', // Shenzhen numbers have 8 digits
    '139abc00001',
    '1-800-FLOWERS',
    '13900000001 / 13900000002',
    '010-62345678转123',
    '+1 123 456 7890',
    '139+00000001',
    '---',
  ])('rejects %j', (raw) => {
    expect(normalisePhone(raw)).toEqual({
      ok: false,
      message: 'not a valid phone number',
      messageZh: '不是有效的电话号码',
    });
  });

  it('says so when nothing was given', () => {
    expect(normalisePhone('   ')).toEqual({ ok: false, message: 'phone number is empty', messageZh: '电话号码为空' });
  });
});

describe('a country code in brackets', () => {
  it('reads (+86) as written on Chinese business cards', () => {
    expect(normalisePhone('(+86) 150 1234 5678')).toEqual({ ok: true, e164: '+8615012345678' });
    expect(normalisePhone('(+86)15012345678')).toEqual({ ok: true, e164: '+8615012345678' });
  });
});
