import { describe, expect, it } from 'vitest';
import { MAX_CLOCK_AHEAD_MS, clockSkewMessage } from './errors';
import { checkMassDelete, excessiveClockLead } from './guard';
import { stamp } from './test-support';

const del = (rowId: string, at: number, op: 'delete' | 'restore' = 'delete') => ({ entity: 'company', rowId, op, hlc: stamp(at, 'dev-b') });

describe('the mass-delete guard', () => {
  const mine = new Set(['a', 'b', 'c', 'd']);
  const isMine = (_entity: string, rowId: string) => mine.has(rowId);

  it('stops when more than half of the user’s live rows would go', () => {
    expect(checkMassDelete([del('a', 1), del('b', 1), del('c', 1)], isMine, 4)).toEqual({ liveRows: 4, deletions: 3, stop: true });
    expect(checkMassDelete([del('a', 1), del('b', 1)], isMine, 4).stop).toBe(false);
  });

  it('counts each row once, lets a later restore cancel a delete, and ignores other people’s rows', () => {
    const changes = [del('a', 1), del('a', 2), del('b', 1), del('b', 2, 'restore'), del('x', 1), del('y', 1)];
    expect(checkMassDelete(changes, isMine, 4)).toMatchObject({ deletions: 1, stop: false });
  });

  it('takes a floor for tiny ledgers when asked', () => {
    expect(checkMassDelete([del('a', 1)], isMine, 1).stop).toBe(true);
    expect(checkMassDelete([del('a', 1)], isMine, 1, { minDeletions: 3 }).stop).toBe(false);
  });
});

describe('clock skew', () => {
  const now = Date.parse('2026-11-27T00:00:00Z');
  it('accepts up to a day ahead and names the lead in hours beyond it', () => {
    expect(excessiveClockLead([stamp(now + MAX_CLOCK_AHEAD_MS, 'dev-a')], now)).toBeNull();
    const lead = excessiveClockLead([stamp(now, 'dev-a'), stamp(now + 30 * 3_600_000, 'dev-a'), 'junk'], now);
    expect(lead).toBe(30 * 3_600_000);
    expect(clockSkewMessage(lead!)).toContain('设备时钟快了约 30 小时');
  });
});
