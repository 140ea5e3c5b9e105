import { describe, expect, it } from 'vitest';
import { HlcClock, clockAheadMs, formatHlc, hlcNode, isHlc, parseHlc } from './hlc';

describe('HlcClock', () => {
  it('orders local events by string comparison even within one millisecond', () => {
    const clock = new HlcClock('dev-a', () => 1_700_000_000_000);
    const stamps = [clock.tick(), clock.tick(), clock.tick()];
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(3);
  });

  it('never goes backwards when the wall clock does', () => {
    let now = 2_000;
    const clock = new HlcClock('dev-a', () => now);
    const before = clock.tick();
    now = 1_000;
    const after = clock.tick();
    expect(after > before).toBe(true);
  });

  it('after receiving a remote stamp, the next local stamp is later than it', () => {
    const clock = new HlcClock('dev-a', () => 1_000);
    const remote = formatHlc({ wallMs: 5_000, counter: 7, node: 'dev-b' });
    clock.receive(remote);
    expect(clock.tick() > remote).toBe(true);
  });

  it('resumes from a persisted stamp', () => {
    const persisted = formatHlc({ wallMs: 9_000, counter: 3, node: 'dev-a' });
    const clock = new HlcClock('dev-a', () => 1_000, persisted);
    expect(clock.tick() > persisted).toBe(true);
  });

  it('round-trips through its string form and rejects junk', () => {
    const value = { wallMs: 1_732_700_000_123, counter: 42, node: '0193abcd-0000-7000-8000-000000000001' };
    expect(parseHlc(formatHlc(value))).toEqual(value);
    for (const junk of ['', '123', 'x-y-z', '000000000000001-000001-', '1-1-a']) {
      expect(parseHlc(junk)).toBeNull();
      expect(isHlc(junk)).toBe(false);
    }
  });
});

describe('stamps seen by a receiver', () => {
  it('tell their node and how far they run ahead', () => {
    const value = formatHlc({ wallMs: 10_000, counter: 1, node: 'dev-x' });
    expect(hlcNode(value)).toBe('dev-x');
    expect(hlcNode('junk')).toBeNull();
    expect(clockAheadMs(value, 4_000)).toBe(6_000);
    expect(clockAheadMs(value, 20_000)).toBe(0);
  });
});
