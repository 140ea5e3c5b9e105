/**
 * ISO 8601 weeks (Monday to Sunday; week 1 holds the year's first Thursday), written
 * `2026-W48`. Work weeks are counted in China time (UTC+8): a visit logged on Monday
 * 07:00 in Shenzhen belongs to that Monday's week even though it is Sunday in UTC.
 */
const DAY_MS = 86_400_000;
/** China Standard Time has no daylight saving: a fixed offset is exact. */
export const CHINA_OFFSET_MS = 8 * 3_600_000;
const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;

export interface IsoWeek {
  year: number;
  week: number;
}

export interface WeekRange {
  /** Monday, YYYY-MM-DD. */
  monday: string;
  /** Sunday, YYYY-MM-DD. */
  sunday: string;
  /** Monday 00:00 China time, as a UTC instant (ISO-8601). */
  startsAt: string;
  /** The next Monday 00:00 China time: the range is [startsAt, endsAt). */
  endsAt: string;
}

export function formatIsoWeek({ year, week }: IsoWeek): string {
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

/** Parses `2026-W48`; null for anything else, including a week 53 the year does not have. */
export function parseIsoWeek(value: string): IsoWeek | null {
  const match = WEEK_PATTERN.exec(value.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (year < 2000 || year > 2999 || week < 1 || week > weeksInYear(year)) return null;
  return { year, week };
}

export function isIsoWeek(value: unknown): value is string {
  return typeof value === 'string' && parseIsoWeek(value) !== null && value === value.trim();
}

/** 52 or 53: a year has 53 ISO weeks when its 28 December falls in week 53. */
export function weeksInYear(year: number): number {
  return isoWeekOfUtcDate(new Date(Date.UTC(year, 11, 28))).week;
}

/** The ISO week of a calendar date (YYYY-MM-DD). */
export function isoWeekOfDate(day: string): string {
  return formatIsoWeek(isoWeekOfUtcDate(new Date(`${day}T00:00:00Z`)));
}

/** The ISO week an instant falls in, in China time. */
export function isoWeekOfInstant(instant: Date): string {
  return formatIsoWeek(isoWeekOfUtcDate(new Date(instant.getTime() + CHINA_OFFSET_MS)));
}

/** The calendar date of an instant in China time, YYYY-MM-DD. */
export function chinaDateOf(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Monday and Sunday of a week, and its bounds as UTC instants. Throws on a malformed week (validate first). */
export function weekRange(week: string): WeekRange {
  const parsed = parseIsoWeek(week);
  if (!parsed) throw new RangeError(`not an ISO week: ${week}`);
  // Week 1's Monday is the Monday on or before 4 January.
  const jan4 = Date.UTC(parsed.year, 0, 4);
  const jan4Weekday = (new Date(jan4).getUTCDay() + 6) % 7;
  const mondayMs = jan4 - jan4Weekday * DAY_MS + (parsed.week - 1) * 7 * DAY_MS;
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return {
    monday: day(mondayMs),
    sunday: day(mondayMs + 6 * DAY_MS),
    startsAt: new Date(mondayMs - CHINA_OFFSET_MS).toISOString(),
    endsAt: new Date(mondayMs + 7 * DAY_MS - CHINA_OFFSET_MS).toISOString(),
  };
}

/** The week `offset` weeks after (negative: before) `week`. */
export function shiftWeek(week: string, offset: number): string {
  const { monday } = weekRange(week);
  return isoWeekOfDate(new Date(Date.parse(`${monday}T00:00:00Z`) + offset * 7 * DAY_MS).toISOString().slice(0, 10));
}

/** `2026年第48周（11月23日—11月29日）`: how the week is named on screen and in the 周报. */
export function weekLabel(week: string): string {
  const parsed = parseIsoWeek(week);
  if (!parsed) return week;
  const { monday, sunday } = weekRange(week);
  const md = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
  return `${parsed.year}年第${parsed.week}周（${md(monday)}—${md(sunday)}）`;
}

function isoWeekOfUtcDate(date: Date): IsoWeek {
  const midnight = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const weekday = (new Date(midnight).getUTCDay() + 6) % 7;
  // The Thursday of this week decides the year.
  const thursday = new Date(midnight + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return { year, week };
}
