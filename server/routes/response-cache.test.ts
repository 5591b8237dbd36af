import { describe, expect, test } from 'vitest';
import { ResponseCache } from './response-cache.ts';

describe('ResponseCache', () => {
  test('computes once per key and data version', async () => {
    const cache = new ResponseCache();
    let calls = 0;
    const compute = async () => ({ calls: ++calls });
    expect(await cache.get('a', 1, compute)).toBe('{"calls":1}');
    expect(await cache.get('a', 1, compute)).toBe('{"calls":1}');
    expect(await cache.get('a', 2, compute)).toBe('{"calls":2}');
  });

  test('drops the oldest entry when full', async () => {
    const cache = new ResponseCache(2);
    let calls = 0;
    const compute = async () => ++calls;
    await cache.get('a', 1, compute);
    await cache.get('b', 1, compute);
    await cache.get('c', 1, compute);
    expect(await cache.get('b', 1, compute)).toBe('2');
    expect(await cache.get('a', 1, compute)).toBe('4');
  });

  test('does not keep a failed computation', async () => {
    const cache = new ResponseCache();
    await expect(cache.get('a', 1, async () => Promise.reject(new Error('db down')))).rejects.toThrow(
      'db down',
    );
    expect(await cache.get('a', 1, async () => 'ok')).toBe('"ok"');
  });
});
