import { describe, expect, it } from 'vitest';
import { IsoDateSchema, isIsoDate, validateIsoDate } from './dates';

describe('isIsoDate', () => {
  it.each(['2026-03-01', '2024-02-29', '2000-02-29', '1999-12-31', '2026-01-31', '2026-04-30'])('accepts %s', (date) => {
    expect(isIsoDate(date)).toBe(true);
  });

  it.each([
    '2023-02-29', // not a leap year
    '1900-02-29', // divisible by 100, not by 400
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-1-5',
    '2026/03/01',
    '20260301',
    '2026-03-01T00:00:00Z',
    ' 2026-03-01',
    '２０２６-０３-０１',
    '',
    '2026-03-01\n',
  ])('refuses %j', (date) => {
    expect(isIsoDate(date)).toBe(false);
  });

  it('refuses non-strings', () => {
    expect(isIsoDate(undefined)).toBe(false);
    expect(isIsoDate(20260301)).toBe(false);
    expect(isIsoDate(new Date())).toBe(false);
  });
});

describe('validateIsoDate', () => {
  it('trims and names the field in the message', () => {
    expect(validateIsoDate(' 2026-03-01 ')).toEqual({ ok: true, value: '2026-03-01' });
    const bad = validateIsoDate('2026-02-30', '签约日期');
    expect(bad).toMatchObject({ ok: false, code: 'E_DATE_INVALID' });
    if (!bad.ok) expect(bad.message).toContain('签约日期');
  });

  it('has a zod schema with the same rule', () => {
    expect(IsoDateSchema.parse('2024-02-29')).toBe('2024-02-29');
    expect(IsoDateSchema.safeParse('2023-02-29').success).toBe(false);
  });
});
