/**
 * A synthetic province of square clusters on a grid, for benchmarks only: named "Tổng hợp"
 * (synthetic), cited to a source that says it is generated, kept in a throw-away database.
 * It never mixes with the shipped data, and its layouts are flagged `generated` like any other.
 */
import type { ClusterFeature } from '../domain/cluster.ts';
import type { GeodataBundle } from '../server/geodata/read-geodata.ts';
import { shippedBundleWith } from '../test/api/fixtures/made-up-province.ts';

export const syntheticProvinceId = 'tinh-tong-hop-bench';
const SOURCE_ID = 'synthetic-bench';

/** Clusters of ~75 ha (0.0078° × 0.0087° near 20.5°N), `columns` × `rows`, 0.04° (~4 km) apart. */
export function syntheticClusters(columns: number, rows: number): ClusterFeature[] {
  const features: ClusterFeature[] = [];
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const west = 105.0 + column * 0.04;
      const south = 20.0 + row * 0.04;
      const [east, north] = [west + 0.0087, south + 0.0078];
      features.push({
        type: 'Feature',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [west, south],
              [east, south],
              [east, north],
              [west, north],
              [west, south],
            ],
          ],
        },
        properties: {
          id: `bench-${row}-${column}`,
          provinceId: syntheticProvinceId,
          name: { vi: `CCN tổng hợp ${row}-${column}`, en: `Synthetic cluster ${row}-${column}` },
          aliases: [],
          stage: 'operating',
          stageSourceId: SOURCE_ID,
          locality: null,
          infrastructureInvestor: null,
          wastewaterPlant: null,
          infrastructure: {},
          clearance: null,
          obstacles: [],
          targets: [],
          figures: {},
          geometrySource: 'illustrative',
          sourceIds: [SOURCE_ID],
        },
      });
    }
  }
  return features;
}

/** The shipped bundle plus the synthetic province and its clusters. */
export function benchBundle(columns: number, rows: number): GeodataBundle {
  return shippedBundleWith({
    id: syntheticProvinceId,
    name: { vi: 'Tỉnh tổng hợp (đo hiệu năng)', en: 'Synthetic province (benchmarks)' },
    view: { center: [105.3, 20.3], zoom: 10 },
    source: {
      id: SOURCE_ID,
      title: { vi: 'Dữ liệu tổng hợp cho đo hiệu năng', en: 'Synthetic data for benchmarks' },
      issuer: { vi: 'bench/synthetic-plots.ts', en: 'bench/synthetic-plots.ts' },
      file: 'bench/synthetic-plots.ts',
    },
    clusters: syntheticClusters(columns, rows),
  });
}
