import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';

// Date pickers show Chinese month and weekday names, weeks starting on Monday.
dayjs.locale('zh-cn');

export const ISO_DATE = 'YYYY-MM-DD';

/** The user's local calendar date: "today" is theirs, not the server's. */
export function todayIso(): string {
  return dayjs().format(ISO_DATE);
}

export function isoFromDayjs(value: Dayjs | null | undefined): string | null {
  return value ? value.format(ISO_DATE) : null;
}

export function dayjsFromIso(value: string | null | undefined): Dayjs | null {
  if (!value) return null;
  const parsed = dayjs(value, ISO_DATE);
  return parsed.isValid() ? parsed : null;
}

/** Whole days from `iso` to today: positive when `iso` is in the past. */
export function daysSince(iso: string): number {
  return dayjs().startOf('day').diff(dayjs(iso, ISO_DATE), 'day');
}

const dateTime = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'short' });

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const value = new Date(iso);
  return Number.isNaN(value.getTime()) ? iso : dateTime.format(value);
}

export { dayjs, type Dayjs };
