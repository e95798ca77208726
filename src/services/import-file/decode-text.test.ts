import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text.js';
import { concatBytes, gbk, utf8, utf8WithBom } from './test-fixtures.js';
import { UnreadableFile } from './unreadable-file.js';

const text = '姓名,手机,公司\n张三,13900000001,上海某某科技有限公司\n';

describe('decodeText', () => {
  it('reads UTF-8', () => {
    expect(decodeText(utf8(text))).toEqual({ text, encoding: 'utf-8' });
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    expect(decodeText(utf8WithBom(text))).toEqual({ text, encoding: 'utf-8-bom' });
  });

  it('reads GBK, as Chinese Excel saves CSV', () => {
    expect(decodeText(gbk(text))).toEqual({ text, encoding: 'gbk' });
  });

  it('calls pure ASCII UTF-8', () => {
    expect(decodeText(utf8('name,phone\n'))).toEqual({ text: 'name,phone\n', encoding: 'utf-8' });
  });

  it('reads GB18030 four-byte characters and the codes where GBK decoders give private-use characters', () => {
    const fourByte = new Uint8Array([0x81, 0x39, 0xee, 0x39]); // U+3400 㐀
    expect(decodeText(concatBytes(gbk('姓名'), fourByte))).toEqual({ text: '姓名\u3400', encoding: 'gbk' });
    expect(decodeText(new Uint8Array([0xa6, 0xd9])).text).toBe('\ufe10'); // not U+E78D
  });

  it('keeps a truncated multibyte GBK character inside its cell', () => {
    // 张 is 0xD5 0xC5 in GBK; a lone lead byte before a comma must not eat the comma.
    const bytes = concatBytes(gbk('姓名,手机\n'), new Uint8Array([0xd5]), gbk(',139\n'));
    const { text: decoded, encoding } = decodeText(bytes);
    expect(encoding).toBe('gbk');
    expect(decoded).toBe('姓名,手机\n\uFFFD,139\n');
  });

  it('still calls a UTF-8 file cut off in the middle of its last character UTF-8', () => {
    const whole = utf8('姓名\n张三');
    const { text: decoded, encoding } = decodeText(whole.subarray(0, whole.length - 1));
    expect(encoding).toBe('utf-8');
    expect(decoded).toBe('姓名\n张\uFFFD');
  });

  it('refuses UTF-16 ("Unicode Text") with advice', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('姓名\t手机\n', 'utf16le')]);
    expect(() => decodeText(utf16, 'a.txt')).toThrow(UnreadableFile);
    expect(() => decodeText(utf16, 'a.txt')).toThrow(/"a\.txt" is UTF-16.*CSV UTF-8/);
  });
});
