import { describe, expect, test } from 'vitest';
import type { Target } from './target.ts';
import { isPastDeadline, type TargetStatus, targetStatus, targetStatuses } from './target-status.ts';

// Shaped on Kế hoạch 4794/KH-UBND (Khánh Hòa); the deadlines of the occupancy target are made up
// for the table, the source gives none.
const occupancy45: Target = {
  kind: 'occupancy',
  description: { vi: 'Tỷ lệ lấp đầy CCN Sông Cầu 45%', en: 'Sông Cầu occupancy 45%' },
  value: 45,
  unit: 'percent',
  deadline: '2025-12-31',
  sourceId: 'kh-4794',
};
const occupancyNoDeadline: Target = { ...occupancy45, deadline: null };
const clearanceMilestone: Target = {
  kind: 'clearance-and-construction',
  description: {
    vi: 'Cơ bản hoàn thành giải phóng mặt bằng CCN Diên Thọ trong năm 2024',
    en: 'Diên Thọ clearance basically complete by end of 2024',
  },
  deadline: '2024-12-31',
  sourceId: 'kh-4794',
};

describe('targetStatus', () => {
  const table: Array<[string, Target, number | null, string, TargetStatus]> = [
    // why, target, current, asOf, expected
    ['current figure unknown', occupancy45, null, '2025-06-01', 'unknown'],
    ['current figure unknown even past the deadline', occupancy45, null, '2026-03-01', 'unknown'],
    ['current figure unknown and no deadline', occupancyNoDeadline, null, '2025-06-01', 'unknown'],
    ['met exactly', occupancy45, 45, '2025-06-01', 'met'],
    ['met above the value', occupancy45, 52, '2025-06-01', 'met'],
    ['met, seen after the deadline', occupancy45, 46, '2026-03-01', 'met'],
    ['met without a deadline', occupancyNoDeadline, 50, '2025-06-01', 'met'],
    ['not met the day after the deadline', occupancy45, 44.9, '2026-01-01', 'missed'],
    ['not met, no deadline', occupancyNoDeadline, 20, '2025-06-01', 'unknown'],
    ['on the deadline day, short of 90%', occupancy45, 40, '2025-12-31', 'at-risk'],
    ['180 days left, short of 90% (40.5)', occupancy45, 40.4, '2025-07-04', 'at-risk'],
    ['181 days left, short of 90%', occupancy45, 10, '2025-07-03', 'on-track'],
    ['within 180 days, exactly 90%', occupancy45, 40.5, '2025-10-01', 'on-track'],
    ['within 180 days, above 90%', occupancy45, 42, '2025-10-01', 'on-track'],
    ['far from the deadline, far from the value', occupancy45, 5, '2024-01-01', 'on-track'],
    ['milestone measured against 100: 100% cleared', clearanceMilestone, 100, '2024-12-31', 'met'],
    ['milestone at 95% near its deadline', clearanceMilestone, 95, '2024-11-01', 'on-track'],
    ['milestone at 60% near its deadline', clearanceMilestone, 60, '2024-11-01', 'at-risk'],
    ['milestone at 95% after its deadline', clearanceMilestone, 95, '2025-01-01', 'missed'],
  ];

  test.each(table)('%s', (_why, target, current, asOf, expected) => {
    expect(targetStatus(target, { current, asOf })).toBe(expected);
  });

  test('reads the date of a full ISO timestamp as written, not converted to UTC', () => {
    // 00:30 in Viet Nam on 1 January is still 31 December in UTC.
    expect(targetStatus(occupancy45, { current: 44, asOf: '2026-01-01T00:30:00+07:00' })).toBe('missed');
    expect(targetStatus(occupancy45, { current: 44, asOf: '2025-12-31T23:30:00+07:00' })).toBe('on-track');
  });

  test('refuses a date that is not one', () => {
    expect(() => targetStatus(occupancy45, { current: 10, asOf: '31/12/2025' })).toThrow(RangeError);
    expect(() => targetStatus(occupancy45, { current: 10, asOf: '2025-02-30' })).toThrow(RangeError);
  });

  test('does not mutate the target', () => {
    const before = structuredClone(occupancy45);
    targetStatus(occupancy45, { current: 30, asOf: '2025-10-01' });
    expect(occupancy45).toEqual(before);
  });

  test('labels every status in Vietnamese and English', () => {
    expect(targetStatuses.codes).toEqual(['met', 'on-track', 'at-risk', 'missed', 'unknown']);
    expect(targetStatuses.label('at-risk', 'vi')).toBe('Có nguy cơ không đạt');
    expect(targetStatuses.label('missed', 'en')).toBe('Missed');
  });
});

describe('isPastDeadline', () => {
  test('is false on the deadline day itself and true the day after', () => {
    expect(isPastDeadline(clearanceMilestone, '2024-12-31')).toBe(false);
    expect(isPastDeadline(clearanceMilestone, '2025-01-01')).toBe(true);
  });

  test('is false before the deadline', () => {
    expect(isPastDeadline(clearanceMilestone, '2024-06-30')).toBe(false);
  });

  test('is false when the target has no deadline', () => {
    expect(isPastDeadline(occupancyNoDeadline, '2099-01-01')).toBe(false);
  });
});
