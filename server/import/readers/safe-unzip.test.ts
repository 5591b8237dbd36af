import { strToU8, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { ImportFileError } from '../problems.ts';
import { isUnsafeEntryName, readCentralDirectory, safeUnzip } from './safe-unzip.ts';

const all = () => true;

/** Rewrites the uncompressed size the central directory declares for every entry. */
function declareSize(zip: Uint8Array, size: number): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  for (let at = 0; at + 4 <= copy.length; at++) {
    if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, size, true);
  }
  return copy;
}

describe('safe unzip', () => {
  test('unpacks the wanted entries only', () => {
    const zip = zipSync({
      'a.shp': strToU8('shape'),
      'a.dbf': strToU8('table'),
      'readme.txt': strToU8('hi'),
    });
    const files = safeUnzip(zip, (name) => name.endsWith('.shp') || name.endsWith('.dbf'));
    expect([...files.keys()].sort()).toEqual(['a.dbf', 'a.shp']);
    expect(new TextDecoder().decode(files.get('a.shp'))).toBe('shape');
  });

  test('refuses what is not a zip', () => {
    expect(() => safeUnzip(strToU8('{"type":"FeatureCollection"}'), all)).toThrow(/not a readable ZIP/);
    expect(() => safeUnzip(new Uint8Array(0), all)).toThrow(ImportFileError);
  });

  test('refuses entry names that climb out, are absolute or use backslashes', () => {
    for (const name of ['../x.shp', 'a/../../x.shp', '/etc/x.shp', 'C:/x.shp', 'a\\x.shp']) {
      expect(isUnsafeEntryName(name), name).toBe(true);
    }
    expect(isUnsafeEntryName('layer/x.shp')).toBe(false);
    const zip = zipSync({ '../x.shp': strToU8('shape') });
    expect(() => safeUnzip(zip, all)).toThrow(/"\.\.\/x\.shp" pointing outside/);
  });

  test('refuses a zip bomb by its ratio, before inflating anything', () => {
    const zeros = new Uint8Array(16 * 1024 * 1024);
    const zip = zipSync({ 'x.shp': zeros }, { level: 9 });
    expect(zip.length).toBeLessThan(100_000);
    expect(() => safeUnzip(zip, all)).toThrow(/zip bomb/);
  });

  test('refuses an archive declaring 1 GB, from the central directory', () => {
    const zip = declareSize(zipSync({ 'x.shp': new Uint8Array(1000) }), 1024 * 1024 * 1024);
    expect(readCentralDirectory(zip)[0]?.declaredSize).toBe(1024 * 1024 * 1024);
    expect(() => safeUnzip(zip, all, { maxTotalBytes: 200 * 1024 * 1024, maxRatio: 1e9 })).toThrow(
      /1024 MB, over the 200 MB limit/,
    );
  });

  test('stops an entry that inflates to more than it declared', () => {
    const zip = declareSize(zipSync({ 'x.shp': new Uint8Array(500_000) }), 1000);
    expect(() => safeUnzip(zip, all)).toThrow(/inflates to more than declared/);
  });
});
