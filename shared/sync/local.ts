import type { FieldState, RowState } from './merge';
import type { JsonValue } from './json';
import type { ChangeOp, ChangeRecord } from './schema';

/**
 * A change made on this device, with `base` and `baseHlc` taken from the row as it is
 * now: what the editor saw before editing. The merge uses them to tell a concurrent edit
 * of long text from a sequential one. A create has no base.
 */
export function buildLocalChange(
  current: RowState | null,
  input: { changeId: string; seq: number; hlc: string; entity: string; rowId: string; op: ChangeOp; fields: Record<string, JsonValue> },
): ChangeRecord {
  const change: ChangeRecord = { ...input };
  if (input.op === 'create') return change;
  const base: Record<string, JsonValue> = {};
  const baseHlc: Record<string, string> = {};
  for (const field of Object.keys(input.fields)) {
    const here: FieldState | undefined = current?.fields[field];
    base[field] = here?.value ?? null;
    if (here) baseHlc[field] = here.hlc;
  }
  change.base = base;
  change.baseHlc = baseHlc;
  return change;
}
