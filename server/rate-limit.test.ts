import { describe, expect, test } from 'vitest';
import { clientKey, TokenBuckets } from './rate-limit.ts';

describe('token buckets', () => {
  test('a client gets its burst at once, then one request per 1/perSecond', () => {
    const buckets = new TokenBuckets(10, 3);
    expect([0, 0, 0].map(() => buckets.take('a', 0))).toEqual([0, 0, 0]);
    // Empty: the next token is 1/10 s away.
    expect(buckets.take('a', 0)).toBeCloseTo(0.1);
    expect(buckets.take('a', 100)).toBe(0);
    expect(buckets.take('a', 100)).toBeGreaterThan(0);
    // Another client is not held up by the first.
    expect(buckets.take('b', 100)).toBe(0);
  });

  test('an idle client refills to its burst, never beyond', () => {
    const buckets = new TokenBuckets(10, 2);
    buckets.take('a', 0);
    buckets.take('a', 0);
    const afterAnHour = 3_600_000;
    expect(buckets.take('a', afterAnHour)).toBe(0);
    expect(buckets.take('a', afterAnHour)).toBe(0);
    expect(buckets.take('a', afterAnHour)).toBeGreaterThan(0);
  });

  test('memory is bounded: past maxClients, refilled and then oldest clients are forgotten', () => {
    const buckets = new TokenBuckets(1, 1, 100);
    for (let client = 0; client < 1000; client += 1) buckets.take(`c${client}`, client);
    expect(buckets.size).toBeLessThanOrEqual(100);
  });
});

describe('client keys', () => {
  test('an IPv4-mapped IPv6 address counts as its IPv4 address', () => {
    expect(clientKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('203.0.113.7')).toBe('203.0.113.7');
  });

  test('IPv6 addresses count by their /64, so one subscriber cannot take 2^64 buckets', () => {
    expect(clientKey('2001:db8:1:2:aaaa::1')).toBe(clientKey('2001:db8:1:2:bbbb:cccc:dddd:eeee'));
    expect(clientKey('2001:db8:1:2::1')).not.toBe(clientKey('2001:db8:1:3::1'));
  });
});
