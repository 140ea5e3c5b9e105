/**
 * Fixed code lists (visit kinds, stages, …): an English code for code and
 * storage, a Chinese label for people. These helpers derive the zod enum,
 * the label map and a lenient lookup from one `as const` array.
 */
import { z } from 'zod';

export interface CodeLabel {
  readonly code: string;
  readonly label: string;
}

type CodeOf<T extends readonly CodeLabel[]> = T[number]['code'];

export function enumOf<const T extends readonly [CodeLabel, ...CodeLabel[]]>(items: T) {
  const codes = items.map((item) => item.code) as [CodeOf<T>, ...CodeOf<T>[]];
  return z.enum(codes);
}

export function labelsOf<const T extends readonly CodeLabel[]>(items: T): Readonly<Record<CodeOf<T>, string>> {
  return Object.freeze(Object.fromEntries(items.map((item) => [item.code, item.label]))) as Record<
    CodeOf<T>,
    string
  >;
}

/** Finds an item by its code or its Chinese label (as found in Excel ledgers), ignoring width and spaces. */
export function findCode<const T extends readonly CodeLabel[]>(items: T, input: string): CodeOf<T> | undefined {
  const key = input.normalize('NFKC').replace(/\s+/g, '');
  const wanted = key.toLowerCase();
  return items.find((item) => item.code === wanted || item.label.normalize('NFKC') === key)?.code;
}
