import { describe, expect, it } from 'vitest';
import {
  collapseWhitespace,
  describeChar,
  quoteForMessage,
  removeInvisible,
  removeWhitespace,
  toHalfWidth,
  upperAscii,
} from './text';

describe('toHalfWidth', () => {
  it('folds the full-width ASCII block and the ideographic space only', () => {
    expect(toHalfWidth('９１４４ＡＢｃ！～（）＠')).toBe('9144ABc!~()@');
    expect(toHalfWidth('\u3000')).toBe(' ');
    expect(toHalfWidth('￥。、①')).toBe('￥。、①'); // outside U+FF01–FF5E: untouched
  });
});

describe('whitespace', () => {
  it('removeWhitespace drops every kind, zero-width included', () => {
    expect(removeWhitespace(' a\tb\nc\u3000d\u00A0e\u200Bf\uFEFF ')).toBe('abcdef');
  });

  it('collapseWhitespace trims and keeps single spaces, dropping zero-width marks', () => {
    expect(collapseWhitespace('  华\u200B为 \t\u3000 技术  ')).toBe('华为 技术');
  });

  it('removeInvisible drops controls, bidi overrides and lone surrogates', () => {
    expect(removeInvisible('a\u0000b\u202Ec\uD800d')).toBe('abcd');
  });
});

describe('upperAscii', () => {
  it('upper-cases a–z only, keeping length', () => {
    expect(upperAscii('abcß')).toBe('ABCß');
  });
});

describe('messages', () => {
  it('describeChar spells invisible characters as U+XXXX', () => {
    expect(describeChar('\u0000')).toBe('U+0000');
    expect(describeChar(' ')).toBe('U+0020');
    expect(describeChar('O')).toBe('O');
    expect(describeChar('😀')).toBe('😀');
  });

  it('quoteForMessage shortens long input', () => {
    expect(quoteForMessage('abc')).toBe('abc');
    expect(quoteForMessage('x'.repeat(30))).toBe(`${'x'.repeat(20)}…`);
  });
});
