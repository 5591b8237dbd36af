import { describe, expect, test } from 'vitest';
import { LoginThrottle } from './throttle.ts';

describe('LoginThrottle', () => {
  const make = () => {
    let now = 1_000_000;
    const throttle = new LoginThrottle(
      { maxFailures: 5, windowMs: 15 * 60_000, baseDelayMs: 30_000 },
      () => now,
    );
    return { throttle, advance: (ms: number) => (now += ms) };
  };

  test('lets four failures through and makes the fifth wait', () => {
    const { throttle } = make();
    for (let attempt = 0; attempt < 4; attempt += 1) throttle.recordFailure('nva');
    expect(throttle.retryAfterSeconds('nva')).toBe(0);
    throttle.recordFailure('nva');
    expect(throttle.retryAfterSeconds('nva')).toBe(30);
  });

  test('doubles the wait with every further failure, up to the window', () => {
    const { throttle, advance } = make();
    for (let attempt = 0; attempt < 5; attempt += 1) throttle.recordFailure('nva');
    advance(30_000);
    throttle.recordFailure('nva');
    expect(throttle.retryAfterSeconds('nva')).toBe(60);
    for (let attempt = 0; attempt < 10; attempt += 1) throttle.recordFailure('nva');
    expect(throttle.retryAfterSeconds('nva')).toBe(15 * 60);
  });

  test('forgets failures older than the window, and everything on clear', () => {
    const { throttle, advance } = make();
    for (let attempt = 0; attempt < 5; attempt += 1) throttle.recordFailure('nva');
    advance(15 * 60_000 + 1);
    expect(throttle.retryAfterSeconds('nva')).toBe(0);
    for (let attempt = 0; attempt < 5; attempt += 1) throttle.recordFailure('ttb');
    throttle.clear('ttb');
    expect(throttle.retryAfterSeconds('ttb')).toBe(0);
  });

  test('keeps keys apart', () => {
    const { throttle } = make();
    for (let attempt = 0; attempt < 5; attempt += 1) throttle.recordFailure('nva');
    expect(throttle.retryAfterSeconds('ttb')).toBe(0);
  });
});
