import { HttpError } from '../errors.ts';

export type ThrottleOptions = {
  /** Failures within the window after which further attempts wait. */
  maxFailures: number;
  windowMs: number;
  /** The first wait; each further failure doubles it, up to the window. */
  baseDelayMs: number;
  /** Keys tracked at most; the oldest go first, so a flood of made-up names cannot exhaust memory. */
  maxKeys?: number;
};

type Entry = { failures: number[]; blockedUntil: number };

/**
 * Counts failed attempts per key (a username, an IP address) in memory. After `maxFailures`
 * failures within `windowMs`, attempts are refused until a delay has passed; the delay doubles with
 * each further failure. A restart forgets the counts: acceptable, since a restart is rarer than the
 * window, and it keeps the database out of the login path of an attacker.
 */
export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();
  private readonly maxKeys: number;

  constructor(
    private readonly options: ThrottleOptions,
    private readonly now: () => number = Date.now,
  ) {
    this.maxKeys = options.maxKeys ?? 50_000;
  }

  /** Seconds the key must wait before its next attempt; 0 when it may try now. */
  retryAfterSeconds(key: string): number {
    const entry = this.current(key);
    if (!entry) return 0;
    return Math.max(0, Math.ceil((entry.blockedUntil - this.now()) / 1000));
  }

  recordFailure(key: string) {
    const now = this.now();
    const entry = this.current(key) ?? { failures: [], blockedUntil: 0 };
    entry.failures.push(now);
    const excess = entry.failures.length - this.options.maxFailures;
    if (excess >= 0) {
      const delay = Math.min(this.options.baseDelayMs * 2 ** excess, this.options.windowMs);
      entry.blockedUntil = now + delay;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.maxKeys) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  clear(key: string) {
    this.entries.delete(key);
  }

  /** The key's entry with failures older than the window dropped; undefined when nothing is left. */
  private current(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const since = this.now() - this.options.windowMs;
    entry.failures = entry.failures.filter((at) => at > since);
    if (entry.failures.length === 0 && entry.blockedUntil <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }
}

/** 429 with `Retry-After`, in both languages. */
export function tooManyAttempts(retryAfterSeconds: number): HttpError {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return new HttpError(
    429,
    'too_many_attempts',
    `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau khoảng ${minutes} phút.`,
    `Too many failed sign-ins. Please try again in about ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    { 'Retry-After': String(retryAfterSeconds) },
  );
}

/** Failed sign-ins per username and per client address. */
export type LoginThrottles = { byUsername: LoginThrottle; byAddress: LoginThrottle };

const FIFTEEN_MINUTES_MS = 15 * 60 * 1000;

/**
 * The defaults: 5 failures per username within 15 minutes, then a wait of 30 s doubling up to
 * 15 min; 20 per address, since a provincial office signs in from behind one NAT address.
 */
export function defaultLoginThrottles(): LoginThrottles {
  return {
    byUsername: new LoginThrottle({ maxFailures: 5, windowMs: FIFTEEN_MINUTES_MS, baseDelayMs: 30_000 }),
    byAddress: new LoginThrottle({ maxFailures: 20, windowMs: FIFTEEN_MINUTES_MS, baseDelayMs: 30_000 }),
  };
}
