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

  test('refuses a DATABASE_URL that is not PostgreSQL and a port out of range', () => {
    expect(() => readConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => readConfig({ PORT: '70000' })).toThrow(/PORT/);
  });
});
