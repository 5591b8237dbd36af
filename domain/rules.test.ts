import { describe, expect, test } from 'vitest';
import {
  checkClusterArea,
  checkNewClusterInDistrict,
  type ExistingClusterFigures,
  RuleCheck,
  type RuleCheckStatus,
} from './rules.ts';

describe('checkClusterArea', () => {
  const table: Array<[string, number | null, boolean | null, RuleCheckStatus]> = [
    // why, area (ha), mountainous district or craft village, expected
    ['area unknown', null, null, 'unknown'],
    ['area unknown, exception known', null, true, 'unknown'],
    ['not a valid area', Number.NaN, false, 'unknown'],
    ['negative area', -3, false, 'unknown'],
    ['inside 10–75 ha', 42.5, null, 'pass'],
    ['exactly 10 ha', 10, false, 'pass'],
    ['exactly 75 ha', 75, null, 'pass'],
    ['above 75 ha', 75.01, null, 'fail'],
    ['above 75 ha even with the exception', 80, true, 'fail'],
    ['below 5 ha', 4.99, true, 'fail'],
    ['nothing', 0, null, 'fail'],
    ['5–10 ha in a mountainous district or craft village', 7, true, 'pass'],
    ['exactly 5 ha with the exception', 5, true, 'pass'],
    ['5–10 ha, not mountainous nor craft village', 7, false, 'fail'],
    ['5–10 ha, exception unknown', 9.99, null, 'unknown'],
  ];

  test.each(table)('%s', (_why, areaHectares, mountainousOrCraftVillage, expected) => {
    const check = checkClusterArea(areaHectares, { mountainousOrCraftVillage });
    expect(check.status).toBe(expected);
    expect(check.rule).toBe('cluster-area');
    expect(RuleCheck.parse(check)).toEqual(check);
  });

  test('says the area in each language’s number format', () => {
    const check = checkClusterArea(362.64, { mountainousOrCraftVillage: null });
    expect(check.message.vi).toBe('Diện tích 362,64 ha vượt mức tối đa 75 ha của một cụm công nghiệp.');
    expect(check.message.en).toBe('The area of 362.64 ha exceeds the 75 ha maximum for a cluster.');
  });

  test('says what is missing when the exception is unknown', () => {
    const check = checkClusterArea(7.5, { mountainousOrCraftVillage: null });
    expect(check.message.vi).toContain('7,5 ha');
    expect(check.message.vi).toContain('huyện miền núi');
    expect(check.message.en).toContain('not known');
  });

  test('rests on Nghị định 32/2024/NĐ-CP with its article not checked', () => {
    const { legalBasis } = checkClusterArea(20, { mountainousOrCraftVillage: null });
    expect(legalBasis.document).toBe('Nghị định 32/2024/NĐ-CP');
    expect(legalBasis.articleVerified).toBe(false);
    expect(`${legalBasis.provision.vi} ${legalBasis.provision.en}`).not.toMatch(/Điều \d|Article \d/);
  });
});

describe('checkNewClusterInDistrict', () => {
  const cluster = (
    occupancyPercent: number | null,
    unleasedIndustrialHectares: number | null,
  ): ExistingClusterFigures => ({ occupancyPercent, unleasedIndustrialHectares });

  const table: Array<[string, ExistingClusterFigures[], RuleCheckStatus]> = [
    // why, the district's existing clusters, expected
    ['no existing cluster: the condition does not apply', [], 'pass'],
    ['average above 50%', [cluster(78, 200), cluster(40, 150)], 'pass'],
    [
      'average exactly 50% is not above it, and land above 100 ha',
      [cluster(60, 80), cluster(40, 30)],
      'fail',
    ],
    ['average not above 50%, unleased land ≤ 100 ha', [cluster(20, 40), cluster(30, 60)], 'pass'],
    ['unleased land exactly 100 ha', [cluster(10, 100)], 'pass'],
    ['neither condition holds', [cluster(30, 90), cluster(40, 20)], 'fail'],
    [
      'occupancy unknown, unleased land ≤ 100 ha known for all',
      [cluster(null, 30), cluster(null, 20)],
      'pass',
    ],
    [
      'unleased land unknown, average above 50% known for all',
      [cluster(80, null), cluster(60, null)],
      'pass',
    ],
    ['everything unknown', [cluster(null, null), cluster(null, null)], 'unknown'],
    [
      'partial unleased land ≤ 100 ha is not enough: missing clusters may add land',
      [cluster(30, 40), cluster(20, null)],
      'unknown',
    ],
    [
      'partial unleased land ≤ 100 ha, occupancy unknown',
      [cluster(null, 40), cluster(null, null)],
      'unknown',
    ],
    [
      'average not above 50% and known part of the land already above 100 ha',
      [cluster(30, 120), cluster(20, null)],
      'fail',
    ],
    [
      'average above 50% even if the missing rate were 0%',
      [cluster(90, 200), cluster(80, 150), cluster(null, 100)],
      'pass',
    ],
    [
      'average not above 50% even if the missing rate were 100%, land above 100 ha',
      [cluster(10, 80), cluster(0, 60), cluster(null, 10)],
      'fail',
    ],
    [
      'average could be either side of 50%, land above 100 ha',
      [cluster(40, 80), cluster(null, 60)],
      'unknown',
    ],
    ['average not above 50%, land unknown', [cluster(30, null), cluster(40, null)], 'unknown'],
    ['negative and non-finite figures count as missing', [cluster(-5, Number.NaN)], 'unknown'],
  ];

  test.each(table)('%s', (_why, existing, expected) => {
    const check = checkNewClusterInDistrict(existing);
    expect(check.status).toBe(expected);
    expect(check.rule).toBe('new-cluster-in-district');
    expect(RuleCheck.parse(check)).toEqual(check);
  });

  test('says the condition does not apply when the district has no cluster', () => {
    const { message } = checkNewClusterInDistrict([]);
    expect(message.vi).toContain('không áp dụng');
    expect(message.en).toContain('do not apply');
  });

  test('says the average is a simple mean of the rates, with the numbers', () => {
    const { message } = checkNewClusterInDistrict([cluster(78.09, 32.85), cluster(40, 150)]);
    expect(message.vi).toBe(
      'Đáp ứng điều kiện thành lập cụm công nghiệp mới: tỷ lệ lấp đầy bình quân của 2 cụm hiện có (trung bình cộng tỷ lệ của từng cụm) là 59%, trên 50%; tổng diện tích đất công nghiệp chưa cho thuê của 2 cụm là 182,85 ha, vượt 100 ha.',
    );
    expect(message.en).toBe(
      'A new cluster may be set up: the average occupancy of the 2 existing clusters (the simple mean of each cluster’s rate) is 59%, above 50%; the unleased industrial land of the 2 clusters totals 182.85 ha, more than 100 ha.',
    );
  });

  test('puts the condition that passes first', () => {
    const { message } = checkNewClusterInDistrict([cluster(20, 40), cluster(30, 60)]);
    expect(message.en).toMatch(/^A new cluster may be set up: the unleased industrial land .* totals 100 ha/);
  });

  test('names what is missing when it cannot decide', () => {
    const { message } = checkNewClusterInDistrict([cluster(30, 40), cluster(50, null), cluster(null, 10)]);
    expect(message.vi).toContain('Chưa đủ số liệu để kết luận');
    expect(message.vi).toContain('1 trong số 3 cụm chưa có tỷ lệ lấp đầy');
    expect(message.vi).toContain('1 trong số 3 cụm chưa có số liệu đất công nghiệp chưa cho thuê');
    expect(message.en).toContain('1 of the 3 clusters has no occupancy rate');
    expect(message.en).toContain('the 50 ha of the others does not show the total is 100 ha or less');
    expect(message.en).toContain('between 26.7% and 60%');
  });

  test('explains a fail decided with a figure missing', () => {
    const { message } = checkNewClusterInDistrict([cluster(30, 120), cluster(20, null)]);
    expect(message.en).toContain('the others alone have 120 ha unleased, more than 100 ha');
  });

  test('does not mutate its input', () => {
    const existing = [cluster(30, 40), cluster(null, null)];
    const before = structuredClone(existing);
    checkNewClusterInDistrict(existing);
    expect(existing).toEqual(before);
  });

  test('rests on Nghị định 32/2024/NĐ-CP with its article not checked', () => {
    const { legalBasis } = checkNewClusterInDistrict([]);
    expect(legalBasis).toMatchObject({ document: 'Nghị định 32/2024/NĐ-CP', articleVerified: false });
  });
});
