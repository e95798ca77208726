import { describe, expect, it } from 'vitest';
import { displayPersonName, personNameKey } from './person-name.js';

describe('personNameKey', () => {
  it('makes the ways of typing one Chinese name agree', () => {
    const key = personNameKey('张伟');
    expect(key).toBe('张伟');
    expect(personNameKey(' 张 伟 ')).toBe(key);
    expect(personNameKey('張偉')).toBe(key);
    expect(personNameKey('张\u3000伟')).toBe(key);
  });

  it('ignores case, width and spacing of Latin names', () => {
    expect(personNameKey('Li  Lei')).toBe('lilei');
    expect(personNameKey('ＬＩ ＬＥＩ')).toBe('lilei');
    expect(personNameKey('li lei')).toBe('lilei');
  });

  it('ignores the separator dot of transliterated names', () => {
    const key = personNameKey('阿卜杜热合曼');
    expect(personNameKey('阿卜杜·热合曼')).toBe(key);
    expect(personNameKey('阿卜杜•热合曼')).toBe(key);
    expect(personNameKey('阿卜杜・热合曼')).toBe(key);
  });

  it('still tells different names apart', () => {
    expect(personNameKey('张伟')).not.toBe(personNameKey('张玮'));
    expect(personNameKey('Li Lei')).not.toBe(personNameKey('Li Lie'));
  });
});

describe('displayPersonName', () => {
  it('trims, collapses whitespace and folds full-width letters', () => {
    expect(displayPersonName('  张伟 ')).toBe('张伟');
    expect(displayPersonName('Ｌｉ\u3000\u3000Ｌｅｉ')).toBe('Li Lei');
    expect(displayPersonName('Mary\t Ann  Smith')).toBe('Mary Ann Smith');
  });

  it('keeps script and case as typed', () => {
    expect(displayPersonName('張偉')).toBe('張偉');
    expect(displayPersonName('McDonald')).toBe('McDonald');
  });
});
