import { describe, expect, test } from 'vitest';
import { readConfig } from './config.ts';

describe('readConfig', () => {
  test('defaults: port 8080, data in ./data, embed framed by this server only', () => {
    expect(readConfig({})).toMatchObject({ PORT: 8080, DATA_DIR: './data', EMBED_ALLOWED_ORIGINS: [] });
  });

  test('reads the embed allow-list, comma- or space-separated', () => {
    const config = readConfig({
      EMBED_ALLOWED_ORIGINS: 'https://sct.khanhhoa.gov.vn, http://localhost:5173 https://a.vn',
    });
    expect(config.EMBED_ALLOWED_ORIGINS).toEqual([
      'https://sct.khanhhoa.gov.vn',
      'http://localhost:5173',
      'https://a.vn',
    ]);
  });

  test('refuses an allow-list entry that is not an origin, naming the variable', () => {
    expect(() => readConfig({ EMBED_ALLOWED_ORIGINS: 'https://a.vn/path' })).toThrow(/EMBED_ALLOWED_ORIGINS/);
    expect(() => readConfig({ EMBED_ALLOWED_ORIGINS: "'none'; script-src *" })).toThrow(
      /EMBED_ALLOWED_ORIGINS/,
    );
  });

  test('TRUST_PROXY: off by default, a number of proxies, or their addresses and ranges', () => {
    expect(readConfig({}).TRUST_PROXY).toBe(false);
    expect(readConfig({ TRUST_PROXY: '' }).TRUST_PROXY).toBe(false);
    expect(readConfig({ TRUST_PROXY: 'off' }).TRUST_PROXY).toBe(false);
    expect(readConfig({ TRUST_PROXY: '0' }).TRUST_PROXY).toBe(false);
    expect(readConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(readConfig({ TRUST_PROXY: ' 2 ' }).TRUST_PROXY).toBe(2);
    expect(readConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8 ::1 fd00::/8' }).TRUST_PROXY).toEqual([
      'loopback',
      '10.0.0.0/8',
      '::1',
      'fd00::/8',
    ]);
  });

  test('TRUST_PROXY refuses true (any client could pick its address) and what is not an address', () => {
    expect(() => readConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(() => readConfig({ TRUST_PROXY: 'true' })).toThrow(/refused/);
    for (const wrong of ['nginx', '10.0.0.0/33', '1.2.3', '127.0.0.1/8/8', '100', '-1']) {
      expect(() => readConfig({ TRUST_PROXY: wrong }), wrong).toThrow(/TRUST_PROXY/);
    }
  });

  test('refuses a DATABASE_URL that is not PostgreSQL and a port out of range', () => {
    expect(() => readConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => readConfig({ PORT: '70000' })).toThrow(/PORT/);
  });
});
