import { describe, expect, test } from 'vitest';
import { ClusterProperties } from '../../../../domain/cluster.ts';
import { ClusterChange } from '../../../../domain/cluster-change.ts';
import { vi as messagesVi } from '../../i18n/messages.ts';
import { changeFromForm, formFromCluster, parseDecimal, rebaseForm } from './change-from-form.ts';
import { newTargetField, type TargetField } from './target-form.ts';
import { targetsText } from './target-text.ts';

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
  targets: [
    {
      kind: 'occupancy',
      description: { vi: 'Phấn đấu tỷ lệ lấp đầy 45%', en: 'Reach 45% occupancy' },
      value: 45,
      unit: 'percent',
      deadline: null,
      sourceId: 'kh-4794',
    },
  ],
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

describe('targets', () => {
  const occupancy45 = {
    kind: 'occupancy',
    description: { vi: 'Phấn đấu tỷ lệ lấp đầy 45%', en: 'Reach 45% occupancy' },
    value: 45,
    unit: 'percent',
    deadline: null,
  } as const;
  const clearanceBy2026: TargetField = {
    ...newTargetField(),
    kind: 'clearance-and-construction',
    vi: 'Hoàn thành giải phóng mặt bằng 20 ha',
    value: '20',
    unit: 'ha',
    deadline: '2026-12-31',
  };

  test('open as typed text, and unchanged targets are not sent', () => {
    const form = open();
    expect(form.targets).toEqual([
      {
        id: 'target-0',
        kind: 'occupancy',
        vi: 'Phấn đấu tỷ lệ lấp đầy 45%',
        en: 'Reach 45% occupancy',
        value: '45',
        unit: 'percent',
        noDeadline: true,
        deadline: '',
      },
    ]);
    form.stage = 'building';
    expect(changeFromForm(form, songCau, 'vi').change).not.toHaveProperty('targets');
  });

  test('an added target is sent with the whole list; empty English falls back to the Vietnamese', () => {
    const form = open();
    form.targets = [...form.targets, { ...clearanceBy2026, value: '20,5' }];
    const result = changeFromForm(form, songCau, 'vi');
    expect(result.errors).toEqual({});
    expect(result.change).toEqual({
      targets: [
        occupancy45,
        {
          kind: 'clearance-and-construction',
          description: {
            vi: 'Hoàn thành giải phóng mặt bằng 20 ha',
            en: 'Hoàn thành giải phóng mặt bằng 20 ha',
          },
          value: 20.5,
          unit: 'ha',
          deadline: '2026-12-31',
        },
      ],
      source: { sourceId: 'kh-4794', asOf: today },
    });
    expect(ClusterChange.safeParse(result.change).success).toBe(true);
  });

  test('a milestone has no value, and a unit without a value is not sent', () => {
    const form = open();
    form.targets = [{ ...clearanceBy2026, value: '', unit: 'percent' }];
    expect(changeFromForm(form, songCau, 'vi').change?.targets).toEqual([
      {
        kind: 'clearance-and-construction',
        description: { vi: clearanceBy2026.vi, en: clearanceBy2026.vi },
        deadline: '2026-12-31',
      },
    ]);
  });

  test('removing every target sends an empty list', () => {
    const form = { ...open(), targets: [] };
    expect(changeFromForm(form, songCau, 'vi').change?.targets).toEqual([]);
  });

  test('a changed deadline is a change; a value typed the English way is read in English', () => {
    const form = { ...formFromCluster(songCau, 'en', today), sourceId: 'kh-4794' };
    form.targets = form.targets.map((field) => ({
      ...field,
      value: '45.0',
      noDeadline: false,
      deadline: '2025-12-31',
    }));
    expect(changeFromForm(form, songCau, 'en').change?.targets).toEqual([
      { ...occupancy45, deadline: '2025-12-31' },
    ]);
  });

  test('each field says what is wrong, and nothing is sent', () => {
    const form = open();
    form.targets = [
      { ...clearanceBy2026, vi: '  ', value: '20 ha' },
      { ...clearanceBy2026, unit: '', deadline: '' },
      { ...clearanceBy2026, deadline: '2026-02-30' },
    ];
    const result = changeFromForm(form, songCau, 'vi');
    expect(result.change).toBeNull();
    expect(result.changed).toBe(true);
    expect(result.errors).toEqual({
      'targets.0.vi': 'descriptionRequired',
      'targets.0.value': 'invalidNumber',
      'targets.1.unit': 'unitRequired',
      'targets.1.deadline': 'deadlineRequired',
      'targets.2.deadline': 'invalidDate',
    });
  });

  test('a 412 rebase keeps the editor’s targets when they changed them', () => {
    const form = open();
    form.targets = [...form.targets, clearanceBy2026];
    const newer = structuredClone(songCau);
    newer.targets = [];
    expect(rebaseForm(form, songCau, newer, 'vi').targets).toEqual(form.targets);
  });

  test('a 412 rebase takes the latest targets when the editor left them alone', () => {
    const form = open();
    form.stage = 'building';
    const newer = structuredClone(songCau);
    newer.targets = [{ ...occupancy45, value: 60, sourceId: 'bc-2025' }];
    const rebased = rebaseForm(form, songCau, newer, 'vi');
    expect(rebased.targets[0]?.value).toBe('60');
    expect(changeFromForm(rebased, newer, 'vi').change).not.toHaveProperty('targets');
  });

  test('a difference shows the count and each target with its value and deadline', () => {
    const words = { t: messagesVi, language: 'vi' as const, format: (value: number) => `${value}%` };
    expect(targetsText([], words)).toBe('không có');
    expect(targetsText([occupancy45, { ...occupancy45, deadline: '2025-12-31' }], words)).toBe(
      '2 mục tiêu: Phấn đấu tỷ lệ lấp đầy 45% (45%, không nêu thời hạn); ' +
        'Phấn đấu tỷ lệ lấp đầy 45% (45%, hạn 2025-12-31)',
    );
  });
});
