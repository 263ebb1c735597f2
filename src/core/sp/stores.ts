import { MINUTE } from '../base/clock';

/** AuthnRequests this SP sent and has not yet seen answered. */
export class RequestStore {
  private readonly pending = new Map<string, { issuedAt: number; relayState?: string }>();

  constructor(private readonly ttlMs = 10 * MINUTE) {}

  add(id: string, at: Date, relayState?: string): void {
    this.pending.set(id, { issuedAt: at.getTime(), ...(relayState !== undefined ? { relayState } : {}) });
  }

  /** Whether the ID is outstanding at `at` (known and not expired). */
  status(id: string, at: Date): 'outstanding' | 'expired' | 'unknown' {
    const p = this.pending.get(id);
    if (!p) return 'unknown';
    return at.getTime() - p.issuedAt > this.ttlMs ? 'expired' : 'outstanding';
  }

  consume(id: string): void {
    this.pending.delete(id);
  }
}

/**
 * Assertion IDs already accepted, kept until the assertion would be refused anyway (expired, or too old for the
 * SP's policy). Bounded: past `max` IDs, the expired ones go, then the oldest.
 */
export class ReplayCache {
  private readonly seen = new Map<string, number>();

  constructor(readonly max = 100_000) {}

  get size(): number {
    return this.seen.size;
  }

  has(id: string, at: Date): boolean {
    const until = this.seen.get(id);
    if (until === undefined) return false;
    if (until < at.getTime()) {
      this.seen.delete(id);
      return false;
    }
    return true;
  }

  remember(id: string, until: Date, now: Date = new Date()): void {
    if (this.seen.size >= this.max) {
      for (const [k, t] of this.seen) if (t < now.getTime()) this.seen.delete(k);
      // Down to 90%, so a full cache is not swept on every new ID.
      while (this.seen.size >= this.max * 0.9) this.seen.delete(this.seen.keys().next().value!);
    }
    this.seen.set(id, until.getTime());
  }
}
