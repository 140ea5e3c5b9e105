import { describe, expect, it } from 'vitest';
import type { LedgerCell } from './cells';
import {
  isBlankText,
  normalizeCity,
  parseLedgerAmount,
  parseLedgerCount,
  parseLedgerCreditCode,
  parseLedgerDate,
  parseLedgerPhone,
  parseLedgerStage,
  parseTargetLocation,
  serialDate,
} from './values';

const text = (value: string): LedgerCell => ({ value });
const num = (value: number, extra: Partial<LedgerCell> = {}): LedgerCell => ({ value, ...extra });
const value = <T>(result: { ok: boolean; value?: T }) => (result.ok ? result.value : 'ERR');

describe('parseLedgerAmount', () => {
  it.each([
    ['5亿元', '万元', 500_000_000],
    ['5亿', '万元', 500_000_000],
    ['50000万元', '亿元', 500_000_000],
    ['3,200万', '亿元', 32_000_000],
    ['３２００万元', '亿元', 32_000_000],
    ['１．２５亿', '万元', 125_000_000],
    ['1.25', '亿元', 125_000_000],
    ['3200', '万元', 32_000_000],
    ['￥3,200万', '元', 32_000_000],
  ] as const)('%s with unit %s → %d 元', (input, unit, yuan) => {
    expect(value(parseLedgerAmount(text(input), unit))).toBe(yuan);
  });

  it('reads number cells from their exact value, without binary noise', () => {
    expect(value(parseLedgerAmount(num(3.2000000000000002), '亿元'))).toBe(320_000_000);
    expect(value(parseLedgerAmount(num(0.1 + 0.2), '万元'))).toBe(3000);
    expect(value(parseLedgerAmount(num(12345.6789), '万元'))).toBe(123_456_789);
  });

  it.each(['', '/', '-', '—', '  ', '／'])('treats %j as not filled in', (input) => {
    expect(value(parseLedgerAmount(text(input), '万元'))).toBeNull();
  });

  it('refuses what it cannot read, with the domain code', () => {
    const result = parseLedgerAmount(text('约5亿'), '万元');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.code).toBe('E_AMOUNT_INVALID');
    expect(!result.ok && result.message).toContain('约5亿');
    expect(!parseLedgerAmount(text('-3'), '万元').ok).toBe(true);
  });
});

describe('parseLedgerDate', () => {
  it.each([
    ['2021.3.15', '2021-03-15', 'day'],
    ['2021/3/15', '2021-03-15', 'day'],
    ['2021-03-15', '2021-03-15', 'day'],
    ['2021年3月15日', '2021-03-15', 'day'],
    ['２０２１年３月１５日', '2021-03-15', 'day'],
    ['20210315', '2021-03-15', 'day'],
    ['2021-03-15 00:00:00', '2021-03-15', 'day'],
    ['2021年3月', '2021-03-01', 'month'],
    ['2021-03', '2021-03-01', 'month'],
    ['2021.3', '2021-03-01', 'month'],
    ['2021/12', '2021-12-01', 'month'],
    ['44270', '2021-03-15', 'day'],
  ] as const)('%s → %s (%s)', (input, date, precision) => {
    expect(value(parseLedgerDate(text(input)))).toEqual({ date, precision });
  });

  it('reads Excel serial dates in both date systems, including the 1900 leap-year bug', () => {
    expect(value(parseLedgerDate(num(44270, { isDate: true })))).toEqual({ date: '2021-03-15', precision: 'day' });
    expect(value(parseLedgerDate(num(44270.75, { isDate: true })))).toEqual({ date: '2021-03-15', precision: 'day' });
    expect(value(parseLedgerDate(num(42808, { isDate: true }), true))).toEqual({ date: '2021-03-15', precision: 'day' });
    expect(value(serialDate(1, false))).toEqual({ date: '1900-01-01', precision: 'day' });
    expect(value(serialDate(59, false))).toEqual({ date: '1900-02-28', precision: 'day' });
    expect(serialDate(60, false).ok).toBe(false);
    expect(value(serialDate(61, false))).toEqual({ date: '1900-03-01', precision: 'day' });
  });

  it('reads a plain number cell by its shown text first (2021.3 is March), else as a serial', () => {
    expect(value(parseLedgerDate(num(2021.3)))).toEqual({ date: '2021-03-01', precision: 'month' });
    expect(value(parseLedgerDate(num(2021.1, { text: '2021.10' })))).toEqual({ date: '2021-10-01', precision: 'month' });
    expect(value(parseLedgerDate(num(44270)))).toEqual({ date: '2021-03-15', precision: 'day' });
    expect(value(parseLedgerDate(num(20210315)))).toEqual({ date: '2021-03-15', precision: 'day' });
  });

  it.each(['', '/', '—', '无'])('treats %j as not filled in', (input) => {
    expect(value(parseLedgerDate(text(input)))).toBeNull();
  });

  it.each([
    ['2021-02-30', 'E_LEDGER_DATE_INVALID'],
    ['2021年13月', 'E_LEDGER_DATE_INVALID'],
    ['21.3.15', 'E_LEDGER_DATE_INVALID'],
    ['明年', 'E_LEDGER_DATE_INVALID'],
    ['2021年', 'E_LEDGER_DATE_YEAR_ONLY'],
  ])('refuses %s with %s', (input, code) => {
    const result = parseLedgerDate(text(input));
    expect(!result.ok && result.code).toBe(code);
  });
});

describe('parseLedgerStage', () => {
  it.each([
    ['已签约', 'signed'],
    ['签约', 'signed'],
    ['signed', 'signed'],
    ['已开工', 'started'],
    ['在建', 'started'],
    ['开工建设', 'started'],
    ['已投产', 'producing'],
    ['洽谈中', 'negotiating'],
    ['在谈', 'negotiating'],
    ['线索', 'lead'],
    ['暂停', 'on_hold'],
    ['已终止', 'terminated'],
    [' 已 签 约 ', 'signed'],
    ['签约阶段', 'signed'],
  ])('%s → %s', (input, stage) => {
    expect(value(parseLedgerStage(text(input)))).toBe(stage);
  });

  it('refuses an unknown word and names the accepted ones', () => {
    const result = parseLedgerStage(text('研究中'));
    expect(!result.ok && result.code).toBe('E_LEDGER_STAGE_UNKNOWN');
    expect(!result.ok && result.message).toContain('已签约');
  });
});

describe('other cells', () => {
  it('validates credit codes after folding width and case', () => {
    expect(value(parseLedgerCreditCode(text('９１４４０３００１９２２０３８２１６')))).toBe('914403001922038216');
    const bad = parseLedgerCreditCode(text('914403001922038217'));
    expect(!bad.ok && bad.code).toBe('E_USCC_CHECKSUM');
  });

  it('takes the first phone number of a cell', () => {
    expect(value(parseLedgerPhone(text('138 1234 5678 / 0755-12345678')))).toEqual({ mobile: '13812345678', phone: null });
    expect(value(parseLedgerPhone(text('0755-12345678')))).toEqual({ mobile: null, phone: '0755-12345678' });
    expect(value(parseLedgerPhone(num(13812345678)))).toEqual({ mobile: '13812345678', phone: null });
    expect(parseLedgerPhone(text('12345')).ok).toBe(false);
  });

  it('reads head counts', () => {
    expect(value(parseLedgerCount(text('500人')))).toBe(500);
    expect(value(parseLedgerCount(text('1,200')))).toBe(1200);
    expect(value(parseLedgerCount(text('0.5万人')))).toBe(5000);
    expect(parseLedgerCount(text('很多')).ok).toBe(false);
  });

  it('splits a target location into prefecture and county', () => {
    expect(parseTargetLocation(text('遵义市汇川区'))).toEqual({ city: '遵义市', county: '汇川区', rest: null });
    expect(parseTargetLocation(text('黔南州都匀市'))).toEqual({ city: '黔南布依族苗族自治州', county: '都匀市', rest: null });
    expect(parseTargetLocation(text('贵州省贵阳市观山湖区高新园'))).toEqual({ city: '贵阳市', county: '观山湖区', rest: '高新园' });
    expect(parseTargetLocation(text('贵安新区'))).toEqual({ city: '贵安新区', county: null, rest: null });
    expect(parseTargetLocation(text('仁怀市'))).toEqual({ city: null, county: '仁怀市', rest: null });
    expect(normalizeCity('黔东南')).toBe('黔东南苗族侗族自治州');
    expect(normalizeCity('遵义')).toBe('遵义市');
    expect(normalizeCity('广州市')).toBe('广州市');
  });

  it('knows the placeholders ledgers use for nothing', () => {
    for (const blank of ['', ' ', '/', '／', '-', '--', '—', '——', '无', '暂无']) expect(isBlankText(blank)).toBe(true);
    for (const filled of ['0', 'a', '遵义']) expect(isBlankText(filled)).toBe(false);
  });
});
