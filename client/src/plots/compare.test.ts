import { describe, expect, test } from 'vitest';
import { addToCompare, readCompare, removeFromCompare, writeCompare } from './compare.ts';

describe('compare list', () => {
  test('round-trips plots and clusters', () => {
    const items = readCompare('plot:kh-a-1,cluster:song-cau');
    expect(items).toEqual([
      { kind: 'plot', id: 'kh-a-1' },
      { kind: 'cluster', id: 'song-cau' },
    ]);
    expect(writeCompare(items)).toBe('plot:kh-a-1,cluster:song-cau');
  });

  test('drops junk, duplicates and anything past three', () => {
    expect(readCompare('lot:a,plot:,plot:A B,plot:a:b,plot:a,plot:a,cluster:b,plot:c,plot:d')).toEqual([
      { kind: 'plot', id: 'a' },
      { kind: 'cluster', id: 'b' },
      { kind: 'plot', id: 'c' },
    ]);
    expect(readCompare(null)).toEqual([]);
  });

  test('refuses a fourth item and a duplicate, without mutating the list', () => {
    const three = readCompare('plot:a,plot:b,cluster:c');
    const copy = structuredClone(three);
    expect(addToCompare(three, { kind: 'plot', id: 'd' }).outcome).toBe('full');
    expect(addToCompare(three, { kind: 'plot', id: 'a' }).outcome).toBe('already');
    expect(addToCompare(three.slice(0, 2), { kind: 'plot', id: 'd' })).toEqual({
      outcome: 'added',
      items: [...three.slice(0, 2), { kind: 'plot', id: 'd' }],
    });
    expect(removeFromCompare(three, { kind: 'plot', id: 'b' })).toHaveLength(2);
    expect(three).toEqual(copy);
  });
});
