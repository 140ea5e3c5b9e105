import { describe, expect, it } from 'vitest';
import { escapeLike, MAX_QUERY_LENGTH, normaliseSearchQuery, searchKeysFor } from './search-keys';

describe('searchKeysFor', () => {
  it('gives text, pinyin and initials for a Chinese name', () => {
    expect(searchKeysFor('深圳华为技术有限公司')).toEqual({
      full: '深圳华为技术有限公司',
      pinyinFull: 'shenzhenhuaweijishuyouxiangongsi',
      pinyinInitials: 'szhwjsyxgs',
    });
  });

  it('keeps latin letters and digits, lower-cased, in all three keys', () => {
    expect(searchKeysFor('华为Mate60')).toEqual({
      full: '华为mate60',
      pinyinFull: 'huaweimate60',
      pinyinInitials: 'hwmate60',
    });
    expect(searchKeysFor('ＴＣＬ科技')).toEqual({ full: 'tcl科技', pinyinFull: 'tclkeji', pinyinInitials: 'tclkj' });
  });

  it('reads polyphonic characters from context and writes ü as v', () => {
    expect(searchKeysFor('重庆银行').pinyinFull).toBe('chongqingyinhang');
    expect(searchKeysFor('长沙').pinyinInitials).toBe('cs');
    expect(searchKeysFor('绿地集团').pinyinFull).toBe('lvdijituan');
  });

  it('drops whitespace, punctuation and invisible characters from the keys', () => {
    expect(searchKeysFor(' 腾讯（深圳）\u200B ')).toEqual({
      full: '腾讯(深圳)',
      pinyinFull: 'tengxunshenzhen',
      pinyinInitials: 'txsz',
    });
    expect(searchKeysFor('贵阳\t大数据\u202E')).toMatchObject({ full: '贵阳大数据', pinyinInitials: 'gydsj' });
  });

  it('leaves characters without pinyin out of the pinyin keys only', () => {
    expect(searchKeysFor('𠀀字')).toEqual({ full: '𠀀字', pinyinFull: 'zi', pinyinInitials: 'z' });
    expect(searchKeysFor('😀')).toEqual({ full: '😀', pinyinFull: '', pinyinInitials: '' });
  });

  it('empty text gives empty keys', () => {
    expect(searchKeysFor('  ')).toEqual({ full: '', pinyinFull: '', pinyinInitials: '' });
  });

  it('a normalised query finds the keys it should', () => {
    const keys = searchKeysFor('深圳市大疆创新科技有限公司');
    for (const typed of ['大疆', 'dajiang', 'DJ', 'dj cx', 'szs']) {
      const { compact } = normaliseSearchQuery(typed);
      const found = [keys.full, keys.pinyinFull, keys.pinyinInitials].some((key) => key.includes(compact));
      expect(found, typed).toBe(true);
    }
  });
});

describe('normaliseSearchQuery: cleaning', () => {
  it('trims, folds width and collapses whitespace', () => {
    expect(normaliseSearchQuery('  Ｈｕａ　　Wei \t ')).toEqual({
      text: 'Hua Wei',
      compact: 'huawei',
      kind: 'latin',
      creditCodePrefix: null,
    });
  });

  it('caps the length at 64 characters without splitting a character', () => {
    expect(normaliseSearchQuery('a'.repeat(500)).text).toHaveLength(MAX_QUERY_LENGTH);
    const emoji = normaliseSearchQuery('😀'.repeat(100)).text;
    expect(Array.from(emoji)).toHaveLength(MAX_QUERY_LENGTH);
    expect(emoji.endsWith('😀')).toBe(true);
  });

  it('removes control and bidi characters', () => {
    expect(normaliseSearchQuery('\u0000华\u202E为\u200B').text).toBe('华为');
    expect(normaliseSearchQuery('华为\n技术').text).toBe('华为 技术');
  });

  it('returns hostile input as plain text', () => {
    for (const hostile of [`"`, `%`, `*`, `_`, `'`, `\\`, 'NEAR', 'a NEAR b', `"华为" OR "腾讯"`, "' OR 1=1 --", '%_\\', "华为'; DROP TABLE company; --", 'col:*']) {
      const query = normaliseSearchQuery(hostile);
      expect(query.text).toBe(hostile.trim());
      expect(query.compact).toBe(hostile.replace(/\s/g, '').toLowerCase());
    }
  });
});

describe('normaliseSearchQuery: kinds', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['\u200B', 'empty'],
    ['9144', 'credit-code-prefix'],
    ['91', 'credit-code-prefix'],
    ['91440300MA5FXYT3K2', 'credit-code-prefix'],
    ['９１４４０３００ｍａ', 'credit-code-prefix'],
    ['Y144', 'credit-code-prefix'],
    ['9', 'mixed'], // one character is not a prefix worth looking up
    ['91440300MA5FXYT3K22', 'mixed'], // longer than 18
    ['914403O0', 'mixed'], // O is not in the alphabet
    ['91440300MA5O', 'mixed'],
    ['mate60', 'mixed'], // letters first: a name, not a code
    ['5g', 'mixed'],
    ['hw', 'latin'],
    ['HuaWei', 'latin'],
    ['hua wei', 'latin'],
    ['华为', 'cjk'],
    ['华为mate', 'cjk'],
    ['深圳 2024', 'cjk'],
    ['tcl-科技', 'cjk'],
    ['3,200', 'mixed'],
    ["' OR 1=1 --", 'mixed'],
    ['%', 'mixed'],
  ])('%j → %s', (input, kind) => {
    expect(normaliseSearchQuery(input).kind).toBe(kind);
  });

  it('gives an upper-case credit-code prefix only for that kind', () => {
    expect(normaliseSearchQuery('91440300ma').creditCodePrefix).toBe('91440300MA');
    expect(normaliseSearchQuery('91440300ma').compact).toBe('91440300ma');
    expect(normaliseSearchQuery('hw').creditCodePrefix).toBeNull();
  });
});

describe('escapeLike', () => {
  it.each([
    ['华为', '华为'],
    ['100%', '100\\%'],
    ['a_b', 'a\\_b'],
    ['c:\\temp', 'c:\\\\temp'],
    ['\\%_', '\\\\\\%\\_'],
    ["' OR 1=1 --", "' OR 1=1 --"],
  ])('%j → %j', (input, expected) => {
    expect(escapeLike(input)).toBe(expected);
  });
});
