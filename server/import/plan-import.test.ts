import type { Polygon } from 'geojson';
import { describe, expect, test } from 'vitest';
import { ClusterProperties } from '../../domain/cluster.ts';
import {
  applyImport,
  type ClusterBoundaryUpdate,
  type ClusterFiguresUpdate,
  type ImportTarget,
} from './apply-import.ts';
import { type ImportProgress, planImport } from './plan-import.ts';
import type { ImportReading } from './read-import.ts';

// The Sông Cầu hexagon of geodata/khanh-hoa/clusters.geojson: 39.2 ha in the VN-2000 plane.
const hexagon: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [108.978582, 12.282],
      [108.976791, 12.285031],
      [108.973209, 12.285031],
      [108.971418, 12.282],
      [108.973209, 12.278969],
      [108.976791, 12.278969],
      [108.978582, 12.282],
    ],
  ],
};
const bowtie: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [108.974, 12.281],
      [108.975, 12.282],
      [108.975, 12.281],
      [108.974, 12.282],
      [108.974, 12.281],
    ],
  ],
};

const cluster = (id: string, vi: string, extra: Partial<ClusterProperties> = {}) =>
  ClusterProperties.parse({
    id,
    provinceId: 'khanh-hoa',
    name: { vi, en: vi },
    stage: 'operating',
    stageSourceId: 's',
    locality: null,
    infrastructureInvestor: null,
    wastewaterPlant: null,
    geometrySource: 'illustrative',
    sourceIds: ['s'],
    ...extra,
  });
const clusters = [
  cluster('song-cau', 'CCN Sông Cầu', {
    figures: { plannedAreaHa: { value: 45, unit: 'ha', approximate: false, sourceId: 's', asOf: null } },
  }),
  cluster('dien-tho', 'CCN Diên Thọ', { geometrySource: 'survey' }),
  cluster('song-cau-2', 'CCN Sông Cầu 2'),
];

/** PostGIS stand-in for the unit level: the bow tie is the one invalid shape. */
const checkGeometry = async (geometry: unknown) =>
  JSON.stringify(geometry) === JSON.stringify(bowtie) ? 'Self-intersection[108.9745 12.2815]' : null;

const reading = (
  features: { geometry: Polygon | null; properties: Record<string, unknown> }[],
): ImportReading => ({
  format: 'geojson',
  crs: { kind: 'wgs84' },
  crsFrom: 'default',
  features,
  problems: [],
  notes: [],
});

/** An in-memory target that writes all updates or, when told to fail, none. */
function fakeTarget(options: { failOn?: string } = {}) {
  const written: { boundaries: ClusterBoundaryUpdate[]; figures: ClusterFiguresUpdate[] } = {
    boundaries: [],
    figures: [],
  };
  const target: ImportTarget = {
    async applyClusterUpdates(updates, { dryRun, onProgress }) {
      const all = [...updates.boundaries, ...updates.figures];
      const staged: typeof written = { boundaries: [], figures: [] };
      for (const [index, update] of all.entries()) {
        if (update.clusterId === options.failOn) throw new Error('database refused');
        if ('geometry' in update) staged.boundaries.push(update);
        else staged.figures.push(update);
        onProgress?.({ phase: 'write', done: index + 1, total: all.length });
      }
      if (!dryRun) {
        written.boundaries.push(...staged.boundaries);
        written.figures.push(...staged.figures);
      }
      return { boundariesUpdated: staged.boundaries.length, figuresUpdated: staged.figures.length };
    },
  };
  return { target, written };
}

describe('import dry run', () => {
  test('matches "CCN Song Cau" without diacritics to song-cau and measures it in the VN-2000 plane', async () => {
    const plan = await planImport(reading([{ geometry: hexagon, properties: { name: 'CCN Song Cau' } }]), {
      clusters,
      checkGeometry,
    });
    expect(plan.problems).toEqual([]);
    const [item] = plan.items;
    expect(item?.match).toEqual({ clusterId: 'song-cau', name: 'CCN Sông Cầu', by: 'name' });
    expect(item?.area?.measure).toBe('vn2000-plane');
    expect(item?.area?.hectares).toBeCloseTo(39.2, 1);
  });

  test('reports the area difference against the planned area, in ha and %', async () => {
    const plan = await planImport(reading([{ geometry: hexagon, properties: { cluster: 'song-cau' } }]), {
      clusters,
      checkGeometry,
    });
    const [comparison] = plan.items[0]?.area?.comparisons ?? [];
    expect(comparison?.key).toBe('plannedAreaHa');
    expect(comparison?.differenceHa).toBeCloseTo(-5.8, 1);
    expect(comparison?.differencePercent).toBeCloseTo(-12.9, 1);
    expect(plan.warnings.map((warning) => warning.en)).toEqual([
      expect.stringMatching(
        /Feature 1: area 39\.2\d ha differs by -12\.9\d% from the planned area 45\.00 ha/,
      ),
      'Feature 1: replaces the illustrative geometry of "song-cau" with an imported boundary.',
    ]);
  });

  test('lists unknown fields once, in order, and warns when a surveyed boundary would be replaced', async () => {
    const plan = await planImport(
      reading([
        { geometry: hexagon, properties: { ma_cum: 'dien-tho', ghi_chu: 'a', nguoi_ve: 'b' } },
        {
          geometry: null,
          properties: { ma_cum: 'song-cau', ghi_chu: 'c', 'Diện tích quy hoạch (ha)': '12,5' },
        },
      ]),
      { clusters, checkGeometry },
    );
    expect(plan.problems).toEqual([]);
    expect(plan.unknownFields).toEqual(['ghi_chu', 'nguoi_ve']);
    expect(plan.items[0]?.match?.by).toBe('id');
    expect(plan.items[1]?.figures).toEqual({ plannedAreaHa: { value: 12.5, approximate: false } });
    expect(plan.warnings.map((warning) => warning.en)).toContain(
      'Feature 1: replaces the existing surveyed boundary of "dien-tho".',
    );
  });

  test('names unmatched clusters with the closest names, invalid geometries with PostGIS’s reason, and duplicates', async () => {
    const plan = await planImport(
      reading([
        { geometry: hexagon, properties: { name: 'CCN Song Cu' } },
        { geometry: bowtie, properties: { name: 'Diên Thọ' } },
        { geometry: hexagon, properties: { cluster: 'dien-tho' } },
        { geometry: hexagon, properties: { ghi_chu: 'no name' } },
      ]),
      { clusters, checkGeometry },
    );
    expect(plan.problems.map((problem) => problem.en)).toEqual([
      'Feature 1: there is no cluster "CCN Song Cu". Closest: CCN Sông Cầu (song-cau); CCN Sông Cầu 2 (song-cau-2).',
      'Feature 2: invalid geometry (PostGIS): Self-intersection[108.9745 12.2815]',
      'Feature 3: cluster "dien-tho" already appears in feature 2.',
      'Feature 4: names no cluster (a "name", "Tên cụm", "Mã cụm" or "cluster" field).',
    ]);
    expect(plan.items[0]?.suggestions[0]).toBe('CCN Sông Cầu (song-cau)');
  });

  test('refuses points and lines as boundaries', async () => {
    const plan = await planImport(
      reading([
        {
          geometry: { type: 'Point', coordinates: [108.97, 12.28] } as never,
          properties: { name: 'Sông Cầu' },
        },
      ]),
      { clusters, checkGeometry },
    );
    expect(plan.problems[0]?.en).toBe(
      'Feature 1: a cluster boundary must be a Polygon or MultiPolygon, not a Point.',
    );
  });

  test('reports progress per feature checked', async () => {
    const progress: ImportProgress[] = [];
    await planImport(
      reading([
        { geometry: hexagon, properties: { name: 'Sông Cầu' } },
        { geometry: hexagon, properties: { name: 'Diên Thọ' } },
      ]),
      { clusters, checkGeometry, onProgress: (step) => progress.push(step) },
    );
    expect(progress).toEqual([
      { phase: 'check', done: 1, total: 2 },
      { phase: 'check', done: 2, total: 2 },
    ]);
  });

  test('does not change the features it is given', async () => {
    const features = [{ geometry: hexagon, properties: { name: 'CCN Song Cau', ghi_chu: 'x' } }];
    const before = structuredClone(features);
    await planImport(reading(features), { clusters, checkGeometry });
    expect(features).toEqual(before);
  });
});

describe('import commit', () => {
  const options = { source: 'kh-4794', asOf: '2024-06-14', actor: null, dryRun: false };

  test('writes boundaries and figures with their source and date, with progress per batch', async () => {
    const plan = await planImport(
      reading([
        { geometry: hexagon, properties: { name: 'CCN Song Cau', plannedAreaHa: 7.5 } },
        { geometry: null, properties: { cluster: 'dien-tho', 'Số lao động': 'khoảng 300' } },
      ]),
      { clusters, checkGeometry },
    );
    const { target, written } = fakeTarget();
    const progress: ImportProgress[] = [];
    const result = await applyImport(plan, target, { ...options, onProgress: (step) => progress.push(step) });
    expect(result).toEqual({ boundariesUpdated: 1, figuresUpdated: 2 });
    expect(written.boundaries).toEqual([
      {
        clusterId: 'song-cau',
        geometry: hexagon,
        geometrySource: 'import',
        sourceId: 'kh-4794',
        asOf: '2024-06-14',
      },
    ]);
    expect(written.figures[1]).toEqual({
      clusterId: 'dien-tho',
      figures: {
        workerCount: {
          value: 300,
          unit: 'people',
          approximate: true,
          sourceId: 'kh-4794',
          asOf: '2024-06-14',
        },
      },
    });
    expect(progress.at(-1)).toEqual({ phase: 'write', done: 3, total: 3 });
  });

  test('refuses a plan with any problem whole, and writes nothing', async () => {
    const plan = await planImport(
      reading([
        { geometry: hexagon, properties: { name: 'CCN Song Cau' } },
        { geometry: bowtie, properties: { name: 'Diên Thọ' } },
      ]),
      { clusters, checkGeometry },
    );
    const { target, written } = fakeTarget();
    const failure = applyImport(plan, target, options);
    await expect(failure).rejects.toMatchObject({ status: 422 });
    await expect(failure).rejects.toHaveProperty(
      'messageEn',
      expect.stringMatching(/nothing changed.*Self-intersection/),
    );
    expect(written).toEqual({ boundaries: [], figures: [] });
  });

  test('is all or nothing when the target fails half way', async () => {
    const plan = await planImport(
      reading([
        { geometry: hexagon, properties: { name: 'CCN Song Cau' } },
        { geometry: hexagon, properties: { name: 'Diên Thọ' } },
      ]),
      { clusters, checkGeometry },
    );
    const { target, written } = fakeTarget({ failOn: 'dien-tho' });
    await expect(applyImport(plan, target, options)).rejects.toThrow('database refused');
    expect(written.boundaries).toEqual([]);
  });

  test('a dry run through the target counts and writes nothing', async () => {
    const plan = await planImport(reading([{ geometry: hexagon, properties: { name: 'Sông Cầu' } }]), {
      clusters,
      checkGeometry,
    });
    const { target, written } = fakeTarget();
    expect(await applyImport(plan, target, { ...options, dryRun: true })).toEqual({
      boundariesUpdated: 1,
      figuresUpdated: 0,
    });
    expect(written.boundaries).toEqual([]);
  });
});
