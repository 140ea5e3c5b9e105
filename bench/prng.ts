/**
 * A small seeded PRNG (sfc32, seeded through splitmix32) so that one --seed always
 * produces the same database. Math.random cannot be seeded; mulberry32's 32-bit state
 * is too small for 1.5M random ids without risking a repeated stream.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let state = seed >>> 0;
    const splitmix = (): number => {
      state = (state + 0x9e3779b9) >>> 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = splitmix();
    this.b = splitmix();
    this.c = splitmix();
    this.d = splitmix();
    // The first outputs of sfc32 are poorly mixed; discard them.
    for (let i = 0; i < 12; i++) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by weight: `[[value, weight], …]`. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of choices) total += weight;
    let roll = this.next() * total;
    for (const [value, weight] of choices) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return choices[choices.length - 1]![0];
  }

  /** `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0] as T);
    return out;
  }

  digits(count: number): string {
    let out = '';
    for (let i = 0; i < count; i++) out += String(this.uint32() % 10);
    return out;
  }

  /** A UUIDv7 for the instant `ms`, random bits from this stream (real v7 ids sort by creation time too). */
  uuidv7(ms: number): string {
    const time = Math.floor(ms).toString(16).padStart(12, '0');
    const r1 = this.uint32();
    const r2 = this.uint32();
    const r3 = this.uint32();
    const hex = (value: number, width: number): string => value.toString(16).padStart(width, '0');
    const versionAndRand = hex(0x7000 | (r1 & 0x0fff), 4);
    const variantAndRand = hex(0x8000 | ((r1 >>> 12) & 0x3fff), 4);
    return `${time.slice(0, 8)}-${time.slice(8, 12)}-${versionAndRand}-${variantAndRand}-${hex(r2, 8)}${hex(r3 & 0xffff, 4)}`;
  }
}
