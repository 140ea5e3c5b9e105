/** The calendar date of an instant in this computer's time zone, as YYYY-MM-DD. */
export function localIsoDate(instant: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
}

/** Monday and Sunday of the ISO week containing `day` (YYYY-MM-DD, already validated). */
export function isoWeekOf(day: string): { monday: string; sunday: string } {
  const date = new Date(`${day}T00:00:00Z`);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  const shift = (days: number) => new Date(date.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  return { monday: shift(-sinceMonday), sunday: shift(6 - sinceMonday) };
}
