import { describe, expect, it } from 'vitest';
import { amountTextSchema, formatYuan, formatYuanAuto, parseAmount, YuanSchema } from './money';

const MAX = Number.MAX_SAFE_INTEGER; // 9007199254740991

describe('parseAmount: units and spellings', () => {
  it.each([
    ['5亿元', '万元', 500_000_000],
    ['5亿', '万元', 500_000_000],
    ['50000万元', '亿元', 500_000_000],
    ['50000万', '亿元', 500_000_000],
    ['3,200万', '亿元', 32_000_000],
    ['3，200万', '亿元', 32_000_000],
    ['５亿', '万元', 500_000_000],
    ['１．２５亿元', '万元', 125_000_000],
    ['1.25', '亿元', 125_000_000],
    [' 1.25 亿元 ', '万元', 125_000_000],
    ['1.25', '万元', 12_500],
    ['1.25', '元', null], // fraction of a yuan: see precision tests
    ['￥5亿', '万元', 500_000_000],
    ['¥ 3200 万元', '亿元', 32_000_000],
    ['12,345元', '亿元', 12_345],
    ['12345元', '万元', 12_345],
    ['1,234,567.5万', '元', 12_345_675_000],
    ['.5亿', '元', 50_000_000],
    ['5.亿', '元', 500_000_000],
    ['0', '亿元', 0],
    ['0.00亿', '元', 0],
    ['007亿', '元', 700_000_000],
  ] as const)('%j (default %s) → %s yuan', (input, unit, expected) => {
    const result = parseAmount(input, unit);
    if (expected === null) expect(result.ok).toBe(false);
    else expect(result).toEqual({ ok: true, value: expected });
  });

  it('a unit in the text wins over the default unit', () => {
    expect(parseAmount('5万', '亿元')).toEqual({ ok: true, value: 50_000 });
    expect(parseAmount('5元', '亿元')).toEqual({ ok: true, value: 5 });
  });
});

describe('parseAmount: blank means "not filled in"', () => {
  it.each(['', '   ', '\u3000', '/', '-', '—', '－', '--', '——', ' / '])('%j → null', (input) => {
    expect(parseAmount(input, '亿元')).toEqual({ ok: true, value: null });
  });
});

describe('parseAmount: exact decimal arithmetic (no float traps)', () => {
  it('0.1 + 0.2 style values are exact', () => {
    expect(parseAmount('0.3亿', '元')).toEqual({ ok: true, value: 30_000_000 });
    expect(parseAmount('0.1亿', '元')).toEqual({ ok: true, value: 10_000_000 });
    expect(parseAmount('0.7', '亿元')).toEqual({ ok: true, value: 70_000_000 });
    expect(parseAmount('1.15', '亿元')).toEqual({ ok: true, value: 115_000_000 }); // 1.15*1e8 = 114999999.99999999 in floats
    expect(parseAmount('4.35', '万元')).toEqual({ ok: true, value: 43_500 });
    expect(parseAmount('32.66', '亿元')).toEqual({ ok: true, value: 3_266_000_000 }); // 32.66*1e8 = 3265999999.9999995
  });

  it('keeps the last yuan of a long decimal', () => {
    expect(parseAmount('1.0000001亿', '元')).toEqual({ ok: true, value: 100_000_010 });
    expect(parseAmount('1.00000001亿', '元')).toEqual({ ok: true, value: 100_000_001 });
    expect(parseAmount('1.0001万', '元')).toEqual({ ok: true, value: 10_001 });
  });

  it('refuses fractions of a yuan with E_AMOUNT_PRECISION', () => {
    expect(parseAmount('1.000000001亿', '元')).toMatchObject({ ok: false, code: 'E_AMOUNT_PRECISION' });
    expect(parseAmount('1.00001万', '元')).toMatchObject({ ok: false, code: 'E_AMOUNT_PRECISION' });
    expect(parseAmount('0.5元', '亿元')).toMatchObject({ ok: false, code: 'E_AMOUNT_PRECISION' });
    expect(parseAmount('0.5', '元')).toMatchObject({ ok: false, code: 'E_AMOUNT_PRECISION' });
  });

  it('accepts trailing zeros beyond the yuan', () => {
    expect(parseAmount('1.000000010000亿', '元')).toEqual({ ok: true, value: 100_000_001 });
    expect(parseAmount('5.000元', '亿元')).toEqual({ ok: true, value: 5 });
  });
});

describe('parseAmount: limits', () => {
  it('accepts Number.MAX_SAFE_INTEGER yuan and refuses one more', () => {
    expect(parseAmount(String(MAX), '元')).toEqual({ ok: true, value: MAX });
    expect(parseAmount('9007199254740992', '元')).toMatchObject({ ok: false, code: 'E_AMOUNT_TOO_LARGE' });
    expect(parseAmount('90071992.54740991亿', '元')).toEqual({ ok: true, value: MAX });
    expect(parseAmount('90071992.54740992亿', '元')).toMatchObject({ ok: false, code: 'E_AMOUNT_TOO_LARGE' });
  });

  it('refuses absurdly long digit strings without losing precision or hanging', () => {
    expect(parseAmount('9'.repeat(400), '亿元')).toMatchObject({ ok: false, code: 'E_AMOUNT_TOO_LARGE' });
    expect(parseAmount(`0.${'0'.repeat(400)}1亿`, '元')).toMatchObject({ ok: false, code: 'E_AMOUNT_PRECISION' });
    expect(parseAmount(`${'0'.repeat(400)}5亿`, '元')).toEqual({ ok: true, value: 500_000_000 });
  });

  it('a realistic large figure: 32.66 billion yuan signed in one year', () => {
    expect(parseAmount('326.6亿元', '万元')).toEqual({ ok: true, value: 32_660_000_000 });
  });
});

describe('parseAmount: refusals', () => {
  it.each(['-5亿', '-5', '−3200万', '￥-5', '-￥5', '－５亿'])('%j → E_AMOUNT_NEGATIVE', (input) => {
    expect(parseAmount(input, '万元')).toMatchObject({ ok: false, code: 'E_AMOUNT_NEGATIVE' });
  });

  it.each([
    'abc',
    '五亿',
    '5亿3000万',
    '5万亿',
    '1e8',
    '0x10',
    'Infinity',
    'NaN',
    '1.2.3',
    '1,00',
    '1,0000万',
    ',100',
    '.',
    '亿',
    '元',
    '￥',
    '--5',
    '5%',
    '5 亿 美元',
    "5'; DROP TABLE project; --",
    '1_000',
  ])('%j → E_AMOUNT_INVALID', (input) => {
    expect(parseAmount(input, '万元')).toMatchObject({ ok: false, code: 'E_AMOUNT_INVALID' });
  });

  it('echoes a shortened copy of bad input in the message', () => {
    const result = parseAmount(`x${'9'.repeat(100)}`, '万元');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain('…');
      expect(result.message.length).toBeLessThan(80);
    }
  });
});

describe('formatYuan', () => {
  it.each([
    [125_000_000, '亿元', '1.25'],
    [500_000_000, '亿元', '5'],
    [100_000_010, '亿元', '1.0000001'],
    [1, '亿元', '0.00000001'],
    [0, '亿元', '0'],
    [32_000_000, '万元', '3200'],
    [12_345, '万元', '1.2345'],
    [10, '万元', '0.001'],
    [12_345, '元', '12345'],
    [MAX, '亿元', '90071992.54740991'],
    [-125_000_000, '亿元', '-1.25'],
  ] as const)('%d in %s → %s', (yuan, unit, expected) => {
    expect(formatYuan(yuan, unit)).toBe(expected);
  });

  it('round-trips through parseAmount', () => {
    for (const yuan of [0, 1, 9, 10, 99_999, 100_000_000, 123_456_789, 32_660_000_000, MAX]) {
      for (const unit of ['亿元', '万元', '元'] as const) {
        expect(parseAmount(formatYuan(yuan, unit), unit)).toEqual({ ok: true, value: yuan });
      }
    }
  });

  it('throws on a value that is not a safe integer', () => {
    expect(() => formatYuan(1.5, '亿元')).toThrow(RangeError);
    expect(() => formatYuan(MAX + 1, '亿元')).toThrow(RangeError);
    expect(() => formatYuan(Number.NaN, '万元')).toThrow(RangeError);
  });
});

describe('formatYuanAuto', () => {
  it('uses 亿元 from one 亿 up and 万元 below', () => {
    expect(formatYuanAuto(125_000_000)).toBe('1.25亿元');
    expect(formatYuanAuto(100_000_000)).toBe('1亿元');
    expect(formatYuanAuto(99_999_999)).toBe('9999.9999万元');
    expect(formatYuanAuto(32_000_000)).toBe('3200万元');
    expect(formatYuanAuto(0)).toBe('0万元');
    expect(formatYuanAuto(-300_000_000)).toBe('-3亿元');
  });
});

describe('schemas', () => {
  it('YuanSchema takes non-negative safe integers only', () => {
    expect(YuanSchema.safeParse(500_000_000).success).toBe(true);
    expect(YuanSchema.safeParse(0).success).toBe(true);
    expect(YuanSchema.safeParse(-1).success).toBe(false);
    expect(YuanSchema.safeParse(0.5).success).toBe(false);
    expect(YuanSchema.safeParse(MAX + 1).success).toBe(false);
    expect(YuanSchema.safeParse('5').success).toBe(false);
  });

  it('amountTextSchema parses text with a default unit', () => {
    const schema = amountTextSchema('亿元');
    expect(schema.parse('1.25')).toBe(125_000_000);
    expect(schema.parse('')).toBeNull();
    const bad = schema.safeParse('-1');
    expect(bad.error?.issues[0]).toMatchObject({ params: { code: 'E_AMOUNT_NEGATIVE' } });
  });
});
