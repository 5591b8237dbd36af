import { AsyncLocalStorage } from 'node:async_hooks';
import { BlockList, isIP } from 'node:net';
import type { RequestHandler } from 'express';
import { HttpError } from './errors.ts';

/**
 * What one client may cost the database: `perSecond` requests that reach it, sustained, after a
 * `burst` of them; `perSecond: 0` turns the limiter off. `exempt`: addresses never limited
 * (`loopback`, `linklocal`, `uniquelocal`, an address or `address/prefix`).
 */
export type RateLimitSettings = {
  perSecond: number;
  burst: number;
  exempt: readonly string[];
  /** Clients remembered at most; idle (full) buckets are dropped first. */
  maxClients?: number;
};

/** The names `trust proxy` knows, as ranges. */
const NAMED_RANGES: Record<string, readonly [string, number, 'ipv4' | 'ipv6'][]> = {
  loopback: [
    ['127.0.0.0', 8, 'ipv4'],
    ['::1', 128, 'ipv6'],
  ],
  linklocal: [
    ['169.254.0.0', 16, 'ipv4'],
    ['fe80::', 10, 'ipv6'],
  ],
  uniquelocal: [
    ['10.0.0.0', 8, 'ipv4'],
    ['172.16.0.0', 12, 'ipv4'],
    ['192.168.0.0', 16, 'ipv4'],
    ['fc00::', 7, 'ipv6'],
  ],
};

/** An IPv4-mapped IPv6 address (`::ffff:127.0.0.1`) as the IPv4 address it is. */
function plainAddress(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return mapped?.[1] ?? address;
}

/** The eight groups of an IPv6 address, expanded. */
function ipv6Groups(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(missing).fill('0'), ...right];
}

/**
 * The bucket a client counts against: its IPv4 address, or its IPv6 /64 (one subscriber is usually
 * given a whole /64, so counting single IPv6 addresses would let one client take 2^64 buckets).
 */
export function clientKey(address: string): string {
  const plain = plainAddress(address);
  if (isIP(plain) !== 6) return plain;
  return `${ipv6Groups(plain.replace(/%.*$/, '')).slice(0, 4).join(':')}::/64`;
}

function exemptList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const named = NAMED_RANGES[entry];
    if (named) {
      for (const [network, prefix, family] of named) list.addSubnet(network, prefix, family);
      continue;
    }
    const [address = '', prefix] = entry.split('/');
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return list;
}

type Bucket = { tokens: number; at: number };

/** Token buckets keyed by client: `take` spends one token, or says how long until one is there. */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly maxClients = 100_000,
  ) {}

  get size(): number {
    return this.buckets.size;
  }

  /** Spends a token of `key`'s bucket: 0 when there was one, else the seconds to wait for one. */
  take(key: string, now = performance.now()): number {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.maxClients) this.prune(now);
      bucket = { tokens: this.burst, at: now };
      this.buckets.set(key, bucket);
    } else {
      bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
      bucket.at = now;
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return (1 - bucket.tokens) / this.perSecond;
  }

  /** Forgets clients whose bucket has refilled (they are as if new), then the oldest if need be. */
  private prune(now: number) {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond >= this.burst) this.buckets.delete(key);
    }
    for (const key of this.buckets.keys()) {
      if (this.buckets.size < this.maxClients) break;
      this.buckets.delete(key);
    }
  }
}

export const tooManyRequests = (retryAfterSeconds: number) =>
  new HttpError(
    429,
    'rate_limited',
    `Quá nhiều yêu cầu từ địa chỉ của bạn. Vui lòng thử lại sau ${retryAfterSeconds} giây.`,
    `Too many requests from your address. Please try again in ${retryAfterSeconds} s.`,
    { 'Retry-After': String(retryAfterSeconds) },
  );

/** One request inside the limiter's scope: whom it counts against, and whether it has been counted. */
type Visit = { key: string | null; counted: boolean };

/** Store members that never reach the database (or are not a request's doing). */
const FREE_MEMBERS = new Set<PropertyKey>(['dataVersion', 'close', 'then', 'kind']);
/** Nested parts of the store whose methods query too (`store.tiles.encodeTile`, `store.accounts…`). */
const NESTED_MEMBERS = new Set<PropertyKey>(['tiles', 'accounts']);

/**
 * The per-client limit on answers that cost the database.
 *
 * Why here and not per route: whether an answer costs the database is known only inside the route,
 * after its cache was asked (a tile already encoded, an OGC page already built costs nothing but the
 * write). So `scope()` marks which client a request is for, and `meter()` wraps the store the routes
 * use: the request's first call into the store spends one token of the client's bucket, or fails the
 * request with a 429 (Retry-After in seconds, message in Vietnamese and English). Answers served
 * from a cache never call the store and are never counted; the front door's answers never reach
 * Express at all. Sign-in and session lookups use the store unmetered (they have their own
 * throttle), and so do writes (see `scope`).
 */
export class CostLimiter {
  private readonly visits = new AsyncLocalStorage<Visit>();
  private readonly buckets: TokenBuckets | null;
  private readonly exempt: BlockList;
  private readonly metered = new WeakMap<object, object>();
  /** 429s sent since start, for logs and tests. */
  refused = 0;

  constructor(settings: RateLimitSettings) {
    this.buckets =
      settings.perSecond > 0
        ? new TokenBuckets(settings.perSecond, Math.max(1, settings.burst), settings.maxClients)
        : null;
    this.exempt = exemptList(settings.exempt);
  }

  get enabled(): boolean {
    return this.buckets !== null;
  }

  /**
   * Middleware: what follows runs as this client's request (request.ip, so `trust proxy` applies).
   * Reads only (GET, HEAD): the answers that cost the database (tiles, OGC pages, plot queries,
   * searches, exports) are all reads, and a read's handler runs in the request's async context from
   * here on. Writes are a signed-in editor's, behind CSRF checks and the sign-in throttle; a body
   * parser would also end the context (its callbacks run in the socket's), so counting them here
   * would be unreliable rather than strict.
   */
  scope(): RequestHandler {
    return (request, _response, next) => {
      if (!this.buckets || (request.method !== 'GET' && request.method !== 'HEAD')) return next();
      const address = plainAddress(request.ip ?? request.socket.remoteAddress ?? '');
      const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
      const exempt = address === '' || isIP(address) === 0 || this.exempt.check(address, family);
      this.visits.run({ key: exempt ? null : clientKey(address), counted: false }, next);
    };
  }

  /** Counts the current request against its client, once; throws the 429 when its bucket is empty. */
  private count() {
    const visit = this.visits.getStore();
    if (!visit || visit.counted || visit.key === null || !this.buckets) return;
    visit.counted = true;
    const wait = this.buckets.take(visit.key);
    if (wait > 0) {
      this.refused += 1;
      throw tooManyRequests(Math.max(1, Math.ceil(wait)));
    }
  }

  /** The store as routes should see it: every call that may query counts (see the class comment). */
  meter<T extends object>(target: T): T {
    if (!this.buckets) return target;
    const known = this.metered.get(target);
    if (known) return known as T;
    const methods = new Map<PropertyKey, { source: unknown; metered: unknown }>();
    const proxy = new Proxy(target, {
      get: (object, property) => {
        const value: unknown = Reflect.get(object, property);
        if (FREE_MEMBERS.has(property)) return value;
        const held = methods.get(property);
        if (held !== undefined && held.source === value) return held.metered;
        let metered: unknown;
        if (typeof value === 'function') {
          const method = value as (...args: unknown[]) => unknown;
          metered = (...args: unknown[]) => {
            this.count();
            return method.apply(object, args);
          };
        } else if (NESTED_MEMBERS.has(property) && typeof value === 'object' && value !== null) {
          metered = this.meter(value);
        } else {
          return value;
        }
        methods.set(property, { source: value, metered });
        return metered;
      },
    });
    this.metered.set(target, proxy);
    return proxy;
  }
}
