/**
 * Hybrid logical clock: wall-clock milliseconds, a counter for events within one
 * millisecond (or while the wall clock lags a clock we have seen), and the node (device)
 * id as tie-breaker. Formatted fixed-width so string order is causal order.
 */
export interface Hlc {
  wallMs: number;
  counter: number;
  node: string;
}

const WALL_WIDTH = 15;
const COUNTER_WIDTH = 6;
const MAX_COUNTER = 10 ** COUNTER_WIDTH - 1;

export function formatHlc({ wallMs, counter, node }: Hlc): string {
  return `${String(wallMs).padStart(WALL_WIDTH, '0')}-${String(counter).padStart(COUNTER_WIDTH, '0')}-${node}`;
}

const HLC_PATTERN = /^(\d{15})-(\d{6})-([0-9A-Za-z-]{1,64})$/;

export function parseHlc(value: string): Hlc | null {
  const match = HLC_PATTERN.exec(value);
  if (!match) return null;
  return { wallMs: Number(match[1]), counter: Number(match[2]), node: match[3]! };
}

export function isHlc(value: unknown): value is string {
  return typeof value === 'string' && HLC_PATTERN.test(value);
}

/** A device's clock. `tick` stamps a local event; `receive` folds in a remote stamp. */
export class HlcClock {
  private last: Hlc;

  constructor(
    readonly node: string,
    private readonly now: () => number = Date.now,
    last?: string | null,
  ) {
    this.last = (last ? parseHlc(last) : null) ?? { wallMs: 0, counter: 0, node };
  }

  tick(): string {
    const wall = this.now();
    this.last = wall > this.last.wallMs ? { wallMs: wall, counter: 0, node: this.node } : this.bump(this.last.wallMs, this.last.counter + 1);
    return formatHlc(this.last);
  }

  receive(remote: string): void {
    const other = parseHlc(remote);
    if (!other) return;
    const wall = this.now();
    const maxWall = Math.max(wall, this.last.wallMs, other.wallMs);
    let counter = 0;
    if (maxWall === this.last.wallMs && maxWall === other.wallMs) counter = Math.max(this.last.counter, other.counter) + 1;
    else if (maxWall === this.last.wallMs) counter = this.last.counter + 1;
    else if (maxWall === other.wallMs) counter = other.counter + 1;
    this.last = this.bump(maxWall, counter);
  }

  current(): string {
    return formatHlc(this.last);
  }

  private bump(wallMs: number, counter: number): Hlc {
    // A counter overflow can only come from a runaway remote clock; move to the next ms.
    return counter > MAX_COUNTER ? { wallMs: wallMs + 1, counter: 0, node: this.node } : { wallMs, counter, node: this.node };
  }
}

/** The node (device) that made a stamp, or null for junk. */
export function hlcNode(value: string): string | null {
  return parseHlc(value)?.node ?? null;
}

/**
 * How many milliseconds `value`'s wall clock runs ahead of `nowMs` (0 when it does not).
 * The receiver refuses stamps more than a day ahead: one runaway clock would otherwise
 * win every later merge (DESIGN §4).
 */
export function clockAheadMs(value: string, nowMs: number): number {
  const parsed = parseHlc(value);
  return parsed ? Math.max(0, parsed.wallMs - nowMs) : 0;
}
