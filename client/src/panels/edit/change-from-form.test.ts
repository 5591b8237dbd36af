import { describe, expect, test } from 'vitest';
import { ClusterProperties } from '../../../../domain/cluster.ts';
import { ClusterChange } from '../../../../domain/cluster-change.ts';
import { changeFromForm, formFromCluster, parseDecimal, rebaseForm } from './change-from-form.ts';

const songCau = ClusterProperties.parse({
  id: 'song-cau',
  provinceId: 'khanh-hoa',
  name: { vi: 'CCN Sông Cầu', en: 'Sông Cầu cluster' },
  stage: 'operating',
  stageSourceId: 'kh-4794',
  locality: null,
  infrastructureInvestor: null,
  wastewaterPlant: null,
  infrastructure: { internalRoads: { value: 'done', sourceId: 'kh-4794' } },
  figures: {
    leasedIndustrialLandHa: { value: 10, unit: 'ha', sourceId: 'kh-4794', asOf: '2024-01-01' },
    workerCount: { value: 4440, unit: 'people', approximate: true, sourceId: 'kh-4794', asOf: null },
  },
  geometrySource: 'illustrative',
  sourceIds: ['kh-4794'],
});
const today = '2025-06-14';
const open = () => ({ ...formFromCluster(songCau, 'vi', today), sourceId: 'kh-4794' });

describe('parseDecimal', () => {
  test.each([
    ['27,5', 'vi', 27.5],
    ['27.5', 'vi', 27.5],
    ['4.440', 'vi', 4440],
    ['1.234,5', 'vi', 1234.5],
    [' 12 ', 'vi', 12],
    ['4,440', 'en', 4440],
    ['27,5', 'en', 27.5],
    ['1,234.5', 'en', 1234.5],
  ] as const)('%s in %s is %d', (text, language, value) => {
    expect(parseDecimal(text, language)).toBe(value);
  });
  test.each(['abc', '-3', '1,2,3', '12ha', ''])('%s is not a number', (text) => {
    expect(parseDecimal(text, 'vi')).toBeNull();
  });
});

describe('changeFromForm', () => {
  test('an unchanged form changes nothing, and needs no source', () => {
    const form = formFromCluster(songCau, 'vi', today);
    expect(form.figures.leasedIndustrialLandHa.text).toBe('10');
    expect(changeFromForm(form, songCau, 'vi')).toEqual({ change: null, changed: false, errors: {} });
  });

  test('a figure typed with a decimal comma is sent alone, with the source and date', () => {
    const form = open();
    form.figures.leasedIndustrialLandHa = { text: '12,5', approximate: false };
    const result = changeFromForm(form, songCau, 'vi');
    expect(result.change).toEqual({
      figures: { leasedIndustrialLandHa: { value: 12.5, approximate: false } },
      source: { sourceId: 'kh-4794', asOf: today },
    });
    expect(ClusterChange.safeParse(result.change).success).toBe(true);
  });

  test('a cleared figure is sent as null (unknown), never 0', () => {
    const form = open();
    form.figures.workerCount = { text: '', approximate: false };
    expect(changeFromForm(form, songCau, 'vi').change?.figures).toEqual({ workerCount: null });
  });

  test('an invalid number is a field error, and nothing is sent', () => {
    const form = open();
    form.figures.leasedIndustrialLandHa = { text: '12,5 ha', approximate: false };
    const result = changeFromForm(form, songCau, 'vi');
    expect(result.change).toBeNull();
    expect(result.errors).toEqual({ 'figures.leasedIndustrialLandHa': 'invalidNumber' });
  });

  test('a change without a source or date is refused, saying which is missing', () => {
    const form = { ...formFromCluster(songCau, 'vi', today), asOf: '' };
    form.stage = 'building';
    const result = changeFromForm(form, songCau, 'vi');
    expect(result.change).toBeNull();
    expect(result.changed).toBe(true);
    expect(result.errors).toEqual({ sourceId: 'sourceRequired', asOf: 'asOfRequired' });
  });

  test('states: an unknown component is null, a plant with capacity, clearance and obstacles', () => {
    const form = open();
    form.infrastructure.internalRoads = 'unknown';
    form.infrastructure.powerSupply = 'building';
    form.wastewater = { state: 'operating', capacity: '1.500' };
    form.compensation = 'yes';
    form.obstacles = ['procedures', 'planning'];
    expect(changeFromForm(form, songCau, 'vi').change).toEqual({
      infrastructure: { internalRoads: null, powerSupply: 'building' },
      wastewaterPlant: { state: 'operating', capacityM3PerDay: 1500 },
      clearance: { compensationNeeded: true, resettlementNeeded: null },
      obstacles: ['planning', 'procedures'],
      source: { sourceId: 'kh-4794', asOf: today },
    });
  });
});

describe('rebaseForm', () => {
  test('keeps the editor’s input and takes the newer record where the editor changed nothing', () => {
    const form = open();
    form.figures.leasedIndustrialLandHa = { text: '12,5', approximate: false };
    const newer = structuredClone(songCau);
    newer.stage = 'building';
    newer.figures.leasedIndustrialLandHa = {
      value: 11,
      unit: 'ha',
      approximate: false,
      sourceId: 'kh-4794',
      asOf: '2024-06-01',
    };
    const rebased = rebaseForm(form, songCau, newer, 'vi');
    expect(rebased.stage).toBe('building');
    expect(rebased.figures.leasedIndustrialLandHa.text).toBe('12,5');
    expect(rebased.sourceId).toBe('kh-4794');
    expect(changeFromForm(rebased, newer, 'vi').change).toEqual({
      figures: { leasedIndustrialLandHa: { value: 12.5, approximate: false } },
      source: { sourceId: 'kh-4794', asOf: today },
    });
  });
});
