/**
 * Token buckets in memory, one per key (a token's hash, or a client address). Each
 * instance keeps its own: with N instances behind a balancer a client gets at most N×
 * the rate, which is fine for a guard against runaway clients (docs/platform.md).
 */
export interface BucketSpec {
  /** Requests allowed in a burst. */
  capacity: number;
  /** Requests regained per second. */
  refillPerSecond: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

const MAX_KEYS = 50_000;

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Takes one token; returns 0 when allowed, else the seconds to wait. */
  take(key: string, spec: BucketSpec): number {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: spec.capacity, at: now };
    bucket.tokens = Math.min(spec.capacity, bucket.tokens + ((now - bucket.at) / 1000) * spec.refillPerSecond);
    bucket.at = now;
    if (!this.buckets.has(key)) {
      if (this.buckets.size >= MAX_KEYS) this.prune(spec);
      this.buckets.set(key, bucket);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / spec.refillPerSecond));
  }

  /** Forgets buckets that have refilled (they behave exactly like new ones), or the oldest half. */
  private prune(spec: BucketSpec): void {
    const now = this.now();
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1000) * spec.refillPerSecond >= spec.capacity) this.buckets.delete(key);
    }
    if (this.buckets.size >= MAX_KEYS) {
      let drop = this.buckets.size / 2;
      for (const key of this.buckets.keys()) {
        if (drop-- <= 0) break;
        this.buckets.delete(key);
      }
    }
  }
}
