import { formatHlc } from './hlc';
import type { JsonValue } from './json';
import type { ChangeRecord } from './schema';

/** A stamp at `wallMs` (counter 0 unless given) from `node`: tests read better with small numbers. */
export function stamp(wallMs: number, node: string, counter = 0): string {
  return formatHlc({ wallMs, counter, node });
}

let nextId = 0;
/** A change with sensible defaults; tests override what they are about. */
export function change(partial: Partial<ChangeRecord> & { fields: Record<string, JsonValue> }): ChangeRecord {
  nextId += 1;
  return {
    changeId: `c-${nextId}`,
    seq: nextId,
    hlc: stamp(1000, 'dev-a'),
    entity: 'company',
    rowId: 'row-1',
    op: 'update',
    ...partial,
  };
}
