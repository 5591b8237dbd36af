import { describe, expect, test } from 'vitest';
import { occupancyPercent } from './occupancy.ts';

describe('occupancyPercent', () => {
  test('divides leased by leasable land', () => {
    // Khánh Hòa, Kế hoạch 4794/KH-UBND: 117.11 ha of 149.96 ha, reported as 78%.
    expect(occupancyPercent(117.11, 149.96)).toBeCloseTo(78.094, 3);
  });

  test('is unknown when the leased area is unknown', () => {
    expect(occupancyPercent(null, 149.96)).toBeNull();
    expect(occupancyPercent(undefined, 149.96)).toBeNull();
  });

  test('is unknown when the leasable area is unknown', () => {
    expect(occupancyPercent(12, null)).toBeNull();
  });

  test('is unknown, not infinite, when nothing is leasable', () => {
    expect(occupancyPercent(0, 0)).toBeNull();
  });

  test('is zero only when a known leasable area has nothing leased', () => {
    expect(occupancyPercent(0, 20)).toBe(0);
  });

  test('rejects negative and non-finite areas as unknown', () => {
    expect(occupancyPercent(-1, 20)).toBeNull();
    expect(occupancyPercent(Number.NaN, 20)).toBeNull();
  });
});
