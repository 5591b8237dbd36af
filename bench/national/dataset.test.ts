import { readFileSync } from 'node:fs';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { featureCollection, polygon } from '@turf/helpers';
import intersect from '@turf/intersect';
import type { MultiPolygon } from 'geojson';
import { describe, expect, test } from 'vitest';
import { ClusterFeature } from '../../domain/cluster.ts';
import { PlotFeature } from '../../domain/plot.ts';
import {
  NATIONAL_PROVINCE_PREFIX,
  NATIONAL_SOURCE_ID,
  nationalBundle,
  nationalClusters,
  nationalPlots,
} from './dataset.ts';

const small = { seed: 7, clusters: 60, plots: 3_000, provinces: 5 };
const land = (
  JSON.parse(readFileSync(new URL('../../geodata/basemap/vietnam.geojson', import.meta.url), 'utf8')) as {
    features: { geometry: MultiPolygon }[];
  }
).features[0]?.geometry as MultiPolygon;

describe('the synthetic national dataset', () => {
  test('is the same for the same seed and differs for another', () => {
    const once = JSON.stringify(nationalClusters(small));
    expect(JSON.stringify(nationalClusters(small))).toBe(once);
    expect(JSON.stringify(nationalClusters({ ...small, seed: 8 }))).not.toBe(once);
  });

  test('puts every cluster on Viet Nam’s land, valid, flagged synthetic, none overlapping another', () => {
    const clusters = nationalClusters(small);
    expect(clusters).toHaveLength(60);
    for (const cluster of clusters) {
      ClusterFeature.parse(cluster);
      const ring = cluster.geometry.type === 'Polygon' ? cluster.geometry.coordinates[0] : [];
      for (const corner of ring ?? []) expect(booleanPointInPolygon(corner, land)).toBe(true);
      expect(cluster.properties).toMatchObject({
        geometrySource: 'illustrative',
        sourceIds: [NATIONAL_SOURCE_ID],
        stageSourceId: NATIONAL_SOURCE_ID,
        figures: {},
      });
      expect(cluster.properties.provinceId.startsWith(NATIONAL_PROVINCE_PREFIX)).toBe(true);
    }
    for (const [index, a] of clusters.entries()) {
      for (const b of clusters.slice(index + 1)) {
        if (a.geometry.type !== 'Polygon' || b.geometry.type !== 'Polygon') continue;
        expect(
          intersect(featureCollection([polygon(a.geometry.coordinates), polygon(b.geometry.coordinates)])),
        ).toBeNull();
      }
    }
  });

  test('makes exactly the plots asked for, generated, each inside its cluster', () => {
    const clusters = nationalClusters(small);
    const byId = new Map(clusters.map((cluster) => [cluster.properties.id, cluster]));
    const plots = [...nationalPlots(clusters, small)].flat();
    expect(plots).toHaveLength(3_000);
    expect(new Set(plots.map((plot) => plot.properties.id)).size).toBe(3_000);
    for (const plot of plots.filter((_, index) => index % 50 === 0)) {
      PlotFeature.parse(plot);
      expect(plot.properties.origin).toBe('generated');
      const cluster = byId.get(plot.properties.clusterId);
      const [x = 0, y = 0] = plot.geometry.coordinates[0]?.[0] ?? [];
      // A vertex of a plot lies in (or on the edge of) its cluster: nudge it inwards by a hair.
      const centre = plot.geometry.coordinates[0]
        ?.slice(0, -1)
        .reduce(([sx, sy], [px = 0, py = 0]) => [sx + px / 4, sy + py / 4], [0, 0]) ?? [x, y];
      expect(cluster && booleanPointInPolygon(centre, cluster.geometry)).toBe(true);
    }
  });

  test('adds its provinces and its one source to the shipped bundle, which it leaves as it is', () => {
    const bundle = nationalBundle(small);
    const synthetic = bundle.provinces.filter((province) => province.id.startsWith(NATIONAL_PROVINCE_PREFIX));
    expect(synthetic.length).toBeGreaterThan(0);
    expect(synthetic.length).toBeLessThanOrEqual(5);
    for (const province of synthetic) {
      expect(province.name.vi).toMatch(/^Tỉnh mô phỏng \d\d$/);
      expect(province.figures).toEqual([]);
    }
    const real = bundle.clusters.features.filter(
      (feature) => !feature.properties.provinceId.startsWith(NATIONAL_PROVINCE_PREFIX),
    );
    expect(real.every((feature) => !feature.properties.sourceIds.includes(NATIONAL_SOURCE_ID))).toBe(true);
    expect(bundle.sources.find((source) => source.id === NATIONAL_SOURCE_ID)?.title.vi).toContain(
      'không phải số liệu thật',
    );
  });
});
