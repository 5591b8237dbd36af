import { describe, expect, test } from 'vitest';
import { cachedTile, TileCache } from './tile-cache.ts';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('TileCache', () => {
  test('encodes a tile once and serves it from memory after', async () => {
    const cache = new TileCache();
    let encodes = 0;
    const encode = async () => {
      encodes += 1;
      return bytes(1, 2, 3);
    };
    const [first, second] = await Promise.all([cache.get('a', 1, encode), cache.get('a', 1, encode)]);
    const third = await cache.get('a', 1, encode);
    expect(encodes).toBe(1);
    expect(second).toBe(first);
    expect(third).toBe(first);
  });

  test('empties when the data version changes', async () => {
    const cache = new TileCache();
    await cache.get('a', 1, async () => bytes(1));
    const next = await cache.get('a', 2, async () => bytes(2));
    expect([...next.bytes]).toEqual([2]);
    expect(cache.size.entries).toBe(1);
  });

  test('does not keep a tile encoded from data that changed meanwhile', async () => {
    const cache = new TileCache();
    let release = () => {};
    const slow = cache.get(
      'a',
      1,
      () => new Promise<Uint8Array>((resolve) => (release = () => resolve(bytes(1)))),
    );
    await cache.get('b', 2, async () => bytes(2));
    release();
    expect([...(await slow).bytes]).toEqual([1]);
    expect([...(await cache.get('a', 2, async () => bytes(3))).bytes]).toEqual([3]);
  });

  test('lets the least recently used tile go first when full', async () => {
    const cache = new TileCache(2);
    await cache.get('a', 1, async () => bytes(1));
    await cache.get('b', 1, async () => bytes(2));
    await cache.get('a', 1, async () => bytes(9));
    await cache.get('c', 1, async () => bytes(3));
    expect([...(await cache.get('a', 1, async () => bytes(9))).bytes]).toEqual([1]);
    expect([...(await cache.get('b', 1, async () => bytes(8))).bytes]).toEqual([8]);
  });

  test('keeps under its byte budget', async () => {
    const cache = new TileCache(1000, 5_000);
    for (let index = 0; index < 10; index++) {
      await cache.get(String(index), 1, async () => new Uint8Array(1_000).fill(index));
    }
    expect(cache.size.bytes).toBeLessThanOrEqual(5_000);
    expect(cache.size.entries).toBeGreaterThan(0);
  });
});

describe('cachedTile', () => {
  test('gives equal content the same ETag and different content another', () => {
    expect(cachedTile(bytes(1, 2)).etag).toBe(cachedTile(bytes(1, 2)).etag);
    expect(cachedTile(bytes(1, 2)).etag).not.toBe(cachedTile(bytes(2, 1)).etag);
  });

  test('keeps a gzipped copy only when it is smaller, under its own ETag', () => {
    const repetitive = cachedTile(new Uint8Array(4_000).fill(7));
    expect(repetitive.gzip?.bytes.length).toBeLessThan(4_000);
    expect(repetitive.gzip?.etag).not.toBe(repetitive.etag);
    expect(cachedTile(bytes(1)).gzip).toBeNull();
    expect(cachedTile(bytes()).gzip).toBeNull();
  });
});
