/// <reference lib="dom" />
// page.evaluate callbacks run in the page, so this file also sees DOM types.
import type { Locator, Page } from 'playwright-core';

/** The user's local calendar date, as the app computes "today" in the browser. */
export function localIsoDate(offsetDays = 0): string {
  const date = new Date();
  date.setDate(date.getDate() + offsetDays);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * Calls the app's RPC from inside the page (same origin, with the page's token), to
 * check what was or was not saved without trusting the screen.
 */
export async function rpcInPage<T>(page: Page, method: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ([name, body]) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="qz-token"]')?.content ?? '';
      const response = await fetch(`/rpc/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-qz-token': token }, body: JSON.stringify(body) });
      const payload = (await response.json()) as { data?: unknown; error?: { code: string; message: string } };
      if (!response.ok) throw new Error(`${name}: ${payload.error?.code} ${payload.error?.message}`);
      return payload.data;
    },
    [method, input] as const,
  ) as Promise<T>;
}

/** Types a date into an antd date picker the way a keyboard user does, and confirms it. */
export async function typeDate(input: Locator, isoDate: string): Promise<void> {
  await input.click();
  await input.fill(isoDate);
  await input.press('Enter');
}

/** The element that has keyboard focus: its id, or '' when none. */
export function focusedId(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id ?? '');
}
