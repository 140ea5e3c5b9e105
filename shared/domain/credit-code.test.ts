import { describe, expect, it } from 'vitest';
import { computeCheckChar, normalizeCreditCode, USCC_ALPHABET, validateCreditCode } from './credit-code';

// Check characters below were computed independently (by hand-written script), not with computeCheckChar.
const VALID = [
  '914403001922038216', // DESIGN §8 example
  '91440300708461136T',
  '9144030071526726XG',
  '91520100MA6DJ2XB5M',
  '91440300MA5FXYT3K2',
  '52520000MJY1234562', // 民政 · 社会团体
  '125200004290001341', // 机构编制 · 事业单位
  'Y1440300000000001U',
  '93520100MA6HJ4P8CQ', // 农民专业合作社
  '91440300000000000E',
];

describe('validateCreditCode: valid codes', () => {
  it.each(VALID)('accepts %s', (code) => {
    expect(validateCreditCode(code)).toEqual({ ok: true, value: code });
  });

  it('accepts full-width input and returns half-width', () => {
    expect(validateCreditCode('９１４４０３００１９２２０３８２１６')).toEqual({ ok: true, value: '914403001922038216' });
  });

  it('accepts lower case, spaces, full-width spaces, tabs and zero-width spaces', () => {
    expect(validateCreditCode('91440300708461136t')).toEqual({ ok: true, value: '91440300708461136T' });
    expect(validateCreditCode('  9144 0300 1922 0382 16\n')).toEqual({ ok: true, value: '914403001922038216' });
    expect(validateCreditCode('\u30009144\u30000300\t1922038216\u200B')).toEqual({ ok: true, value: '914403001922038216' });
    expect(validateCreditCode('９１４４０３００ｍａ５ｆｘｙｔ３ｋ２')).toEqual({ ok: true, value: '91440300MA5FXYT3K2' });
  });
});

describe('validateCreditCode: errors', () => {
  it('E_USCC_LENGTH says how many characters there are', () => {
    const short = validateCreditCode('91440300192203821');
    expect(short).toMatchObject({ ok: false, code: 'E_USCC_LENGTH' });
    if (!short.ok) expect(short.message).toContain('17位');
    const long = validateCreditCode('9144030019220382166');
    expect(long).toMatchObject({ ok: false, code: 'E_USCC_LENGTH' });
    if (!long.ok) expect(long.message).toContain('19位');
    const empty = validateCreditCode('   ');
    expect(empty).toMatchObject({ ok: false, code: 'E_USCC_LENGTH' });
    if (!empty.ok) expect(empty.message).toContain('0位');
  });

  it('counts characters, not UTF-16 units', () => {
    const result = validateCreditCode('91440300192203821😀');
    expect(result).toMatchObject({ ok: false, code: 'E_USCC_CHARSET' });
    if (!result.ok) expect(result.message).toContain('第18位');
  });

  it.each([
    ['I', 'I'],
    ['O', 'O'],
    ['S', 'S'],
    ['V', 'V'],
    ['Z', 'Z'],
  ])('E_USCC_CHARSET for the excluded letter %s, naming character and position', (letter) => {
    const code = `9144030019220${letter}8216`;
    const result = validateCreditCode(code);
    expect(result).toMatchObject({ ok: false, code: 'E_USCC_CHARSET' });
    if (!result.ok) {
      expect(result.message).toContain(`第14位`);
      expect(result.message).toContain(`“${letter}”`);
    }
  });

  it('never corrects O to 0 or I to 1', () => {
    expect(validateCreditCode('914403OO1922038216')).toMatchObject({ ok: false, code: 'E_USCC_CHARSET' });
    expect(validateCreditCode('9I4403001922038216')).toMatchObject({ ok: false, code: 'E_USCC_CHARSET' });
    expect(normalizeCreditCode('914403oo1922038216')).toBe('914403OO1922038216');
  });

  it('names punctuation and invisible characters readably', () => {
    const dash = validateCreditCode('91440300-922038216');
    expect(dash).toMatchObject({ ok: false, code: 'E_USCC_CHARSET' });
    if (!dash.ok) expect(dash.message).toContain('第9位“-”');
    const nul = validateCreditCode('91440300\u0000922038216');
    if (!nul.ok) expect(nul.message).toContain('U+0000');
    expect(nul.ok).toBe(false);
    const sql = validateCreditCode("9144030'OR'1'='1'6");
    expect(sql).toMatchObject({ ok: false, code: 'E_USCC_CHARSET' });
  });

  it('E_USCC_CHECKSUM says what the 18th character should be', () => {
    const result = validateCreditCode('914403001922038217');
    expect(result).toEqual({
      ok: false,
      code: 'E_USCC_CHECKSUM',
      message: '统一社会信用代码校验位错误：第18位应为 6，实际为 7',
    });
  });

  it('detects a single changed digit and a swap of neighbours', () => {
    expect(validateCreditCode('914403001922038226').ok).toBe(false);
    expect(validateCreditCode('914430001922038216').ok).toBe(false);
  });
});

describe('computeCheckChar', () => {
  it('matches the known codes', () => {
    for (const code of VALID) expect(computeCheckChar(code.slice(0, 17))).toBe(code[17]);
  });

  it('only ever produces characters of the alphabet, including 0 for a sum divisible by 31', () => {
    expect(computeCheckChar('00000000000000000')).toBe('0');
    for (let i = 0; i < 200; i++) {
      const first17 = Array.from({ length: 17 }, (_, j) => USCC_ALPHABET[(i * 7 + j * 13) % 31]).join('');
      const check = computeCheckChar(first17);
      expect(USCC_ALPHABET).toContain(check);
      expect(validateCreditCode(first17 + check).ok).toBe(true);
    }
  });

  it('throws on input that is not 17 alphabet characters', () => {
    expect(() => computeCheckChar('9144030019220382')).toThrow(RangeError);
    expect(() => computeCheckChar('91440300192203821O'.slice(0, 16) + 'O')).toThrow(RangeError);
  });
});
