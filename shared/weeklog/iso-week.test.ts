import { describe, expect, it } from 'vitest';
import { chinaDateOf, isIsoWeek, isoWeekOfDate, isoWeekOfInstant, parseIsoWeek, shiftWeek, weekLabel, weekRange, weeksInYear } from './iso-week';

describe('ISO weeks', () => {
  it('numbers weeks as ISO 8601 does, across year ends', () => {
    expect(isoWeekOfDate('2026-11-27')).toBe('2026-W48');
    expect(isoWeekOfDate('2026-11-23')).toBe('2026-W48');
    expect(isoWeekOfDate('2026-11-29')).toBe('2026-W48');
    expect(isoWeekOfDate('2026-11-30')).toBe('2026-W49');
    // 1 January 2027 is a Friday: it belongs to 2026's last week.
    expect(isoWeekOfDate('2027-01-01')).toBe('2026-W53');
    expect(isoWeekOfDate('2024-12-30')).toBe('2025-W01');
    expect(weeksInYear(2026)).toBe(53);
    expect(weeksInYear(2025)).toBe(52);
  });

  it('gives a week its Monday, Sunday and China-time bounds', () => {
    expect(weekRange('2026-W48')).toEqual({ monday: '2026-11-23', sunday: '2026-11-29', startsAt: '2026-11-22T16:00:00.000Z', endsAt: '2026-11-29T16:00:00.000Z' });
    expect(weekRange('2026-W01').monday).toBe('2025-12-29');
    expect(weekRange('2026-W53').sunday).toBe('2027-01-03');
  });

  it('counts instants in China time', () => {
    // Monday 07:00 in Shenzhen is still Sunday in UTC.
    expect(isoWeekOfInstant(new Date('2026-11-29T23:00:00Z'))).toBe('2026-W49');
    expect(chinaDateOf(new Date('2026-11-29T23:00:00Z'))).toBe('2026-11-30');
  });

  it('parses strictly and shifts', () => {
    expect(parseIsoWeek('2026-W48')).toEqual({ year: 2026, week: 48 });
    for (const bad of ['2026-48', '2026W48', '2026-W00', '2025-W53', '2026-W54', ' 2026-W48', '']) expect(isIsoWeek(bad)).toBe(false);
    expect(shiftWeek('2026-W01', -1)).toBe('2025-W52');
    expect(shiftWeek('2026-W53', 1)).toBe('2027-W01');
    expect(weekLabel('2026-W48')).toBe('2026年第48周（11月23日—11月29日）');
  });
});
