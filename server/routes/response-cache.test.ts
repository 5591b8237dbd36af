import express from 'express';
import request from 'supertest';
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

describe('ResponseCache.send', () => {
  const appWith = (cache: ResponseCache, compute: () => Promise<unknown>) =>
    express().get('/', (request, response) =>
      cache.send(request, response, 'application/json', 'key', 1, compute),
    );

  test('gzips once, with the ETag of the bytes sent, and answers 304 to it', async () => {
    const cache = new ResponseCache();
    const body = { text: 'x'.repeat(5000) };
    const app = appWith(cache, async () => body);
    const zipped = await request(app).get('/').set('Accept-Encoding', 'gzip').expect(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(zipped.headers.vary).toBe('Accept-Encoding');
    expect(zipped.body).toEqual(body);
    const plain = await request(app).get('/').set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.etag).toMatch(/^W\/".+"$/);
    expect(plain.headers.etag).not.toBe(zipped.headers.etag);
    await request(app)
      .get('/')
      .set('Accept-Encoding', 'gzip')
      .set('If-None-Match', String(zipped.headers.etag))
      .expect(304);
  });

  test('sends a body too small to gain from gzip as it is', async () => {
    const app = appWith(new ResponseCache(), async () => 1);
    const response = await request(app).get('/').set('Accept-Encoding', 'gzip').expect(200);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.text).toBe('1');
  });
});
