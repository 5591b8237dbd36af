import { describe, expect, test } from 'vitest';
import { ndjsonLines } from './ndjson-lines.ts';

describe('ndjsonLines', () => {
  test('gives each complete line once, holding back one still arriving', () => {
    const next = ndjsonLines();
    expect(next('')).toEqual([]);
    expect(next('{"a":1}\n{"b"')).toEqual(['{"a":1}']);
    expect(next('{"a":1}\n{"b"')).toEqual([]);
    expect(next('{"a":1}\n{"b":2}\n\n{"c"')).toEqual(['{"b":2}']);
    expect(next('{"a":1}\n{"b":2}\n\n{"c":3}', true)).toEqual(['{"c":3}']);
    expect(next('{"a":1}\n{"b":2}\n\n{"c":3}', true)).toEqual([]);
  });
});
