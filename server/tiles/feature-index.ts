import { tileIndexSql } from '../sql/tile-queries.ts';
import type { SqlClient } from '../store/sql-client.ts';
import { type MercatorPolygon, mercatorPolygonsFromWkb, mercatorX, mercatorY } from './tile-geometry.ts';
import type { TileLayerId } from './tile-source.ts';

/** MVT properties of a feature: nulls left out, as ST_AsMVT leaves them out. */
export type TileProperties = Record<string, string | number | boolean>;

/**
 * One cluster or plot as the tiles draw it, in Web Mercator (metres). Flat fields rather than small
 * arrays: 100,000 plots are held, and each array is an object more.
 */
export type IndexedFeature = {
  id: string;
  properties: TileProperties;
  polygons: MercatorPolygon[];
  west: number;
  south: number;
  east: number;
  north: number;
  /** Plots: the label point (ST_PointOnSurface); NaN for clusters. */
  labelX: number;
  labelY: number;
};

/** What a plot's tile properties take from its cluster. */
type ClusterShare = { infraMin: number; wastewaterCompliant: boolean };

type ClusterRow = [
  id: string,
  provinceId: string,
  stage: string,
  nameVi: string | null,
  nameEn: string | null,
  geometrySource: string,
  infraMin: number,
  wastewaterState: string | null,
  wkb: string,
];
type PlotRow = [
  id: string,
  clusterId: string,
  provinceId: string,
  label: string | null,
  status: string,
  origin: string,
  areaM2: number,
  labelLon: number | null,
  labelLat: number | null,
  wkb: string,
];
type ChangeRow = {
  trimmed_through: number;
  id: number | null;
  layer: TileLayerId | null;
  ids: string[] | null;
};

/**
 * Rows per query when reading everything: PGlite runs one query at a time, so a page of 2,000
 * plots (a few tens of ms) is the longest any other request waits behind the index being read.
 */
const PAGE = 2_000;
/** Past this many changed features, reading everything again is as quick as reading them one by one. */
const PATCH_LIMIT = 20_000;
const WORLD = 40075016.68557849;
const HALF_WORLD = WORLD / 2;
/** Grid cells, metres a side: z9 tiles for clusters (a z6 tile is 8 × 8 cells), z13 for plots. */
const CELL_SIZE: Record<TileLayerId, number> = { clusters: WORLD / 2 ** 9, plots: WORLD / 2 ** 13 };

/**
 * `round((x)::numeric, 4)::float8` as PostgreSQL computes it, so plot areas read the same as on the
 * ST_AsMVT path: the double to 15 significant digits (float8 → numeric), rounded half away from
 * zero at the 4th decimal, read back as the nearest double.
 */
export function roundLikeNumeric4(value: number): number {
  // Away from a tie the double arithmetic lands on the same ten-thousandth; near one, do it in decimal.
  const scaled = value * 1e4;
  if (scaled >= 0 && scaled < 1e8 && Math.abs(scaled - Math.floor(scaled) - 0.5) > 1e-6) {
    return Math.round(scaled) / 1e4;
  }
  if (!Number.isFinite(value)) return value;
  const [mantissa = '0', exponent = '0'] = value.toExponential(14).split('e');
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const keep = Number(exponent) + 1 + 4;
  if (keep < 0) return 0;
  if (keep >= digits.length) return Number(value.toPrecision(15));
  const units = BigInt(digits.slice(0, keep) || '0') + ((digits[keep] ?? '0') >= '5' ? 1n : 0n);
  return Number(`${negative ? '-' : ''}${units}e-4`);
}

/** Strings that repeat across thousands of features (statuses, province and cluster ids), held once. */
class Interner {
  private readonly strings = new Map<string, string>();
  get(value: string): string {
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    this.strings.set(value, value);
    return value;
  }
}

/** The box of the exterior rings: [west, south, east, north]. */
function boxOf(polygons: readonly MercatorPolygon[]): [number, number, number, number] {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygons) {
    const exterior = polygon[0];
    if (!exterior) continue;
    for (let index = 0; index < exterior.length; index += 2) {
      const x = exterior[index] ?? 0;
      const y = exterior[index + 1] ?? 0;
      if (x < west) west = x;
      if (y < south) south = y;
      if (x > east) east = x;
      if (y > north) north = y;
    }
  }
  return [west, south, east, north];
}

const withoutNulls = (entries: [string, string | number | boolean | null][]): TileProperties => {
  const properties: TileProperties = {};
  for (const [key, value] of entries) if (value !== null) properties[key] = value;
  return properties;
};

/**
 * A plot's properties in the ST_AsMVT path's order, its cluster's share last. One object literal
 * of one shape for every plot: built up key by key or spread, V8 gave each its own hidden class,
 * ~300 bytes more a plot.
 */
type PlotBase = {
  id: string;
  clusterId: string;
  provinceId: string;
  label: string;
  status: string;
  origin: string;
  areaHa: number;
};
const plotProperties = (plot: PlotBase, cluster: ClusterShare): TileProperties => ({
  id: plot.id,
  cluster_id: plot.clusterId,
  province_id: plot.provinceId,
  label: plot.label,
  status: plot.status,
  origin: plot.origin,
  area_ha: plot.areaHa,
  infra_min: cluster.infraMin,
  wastewater_compliant: cluster.wastewaterCompliant,
});

/** The plot fields of properties made by `plotProperties`. */
const plotBaseOf = (properties: TileProperties): PlotBase => ({
  id: properties.id as string,
  clusterId: properties.cluster_id as string,
  provinceId: properties.province_id as string,
  label: properties.label as string,
  status: properties.status as string,
  origin: properties.origin as string,
  areaHa: properties.area_ha as number,
});

/** One layer's features by id, and a grid of cells over them for finding those in a tile. */
class LayerIndex {
  readonly byId = new Map<string, IndexedFeature>();
  private readonly cells = new Map<number, Set<IndexedFeature>>();
  private readonly cellsPerSide: number;

  constructor(private readonly cellSize: number) {
    this.cellsPerSide = Math.round(WORLD / cellSize);
  }

  private cell(metres: number): number {
    return Math.max(0, Math.min(this.cellsPerSide - 1, Math.floor((metres + HALF_WORLD) / this.cellSize)));
  }

  private forCells(west: number, south: number, east: number, north: number, visit: (key: number) => void) {
    const [x0, x1] = [this.cell(west), this.cell(east)];
    const [y0, y1] = [this.cell(south), this.cell(north)];
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) visit(x * this.cellsPerSide + y);
  }

  put(feature: IndexedFeature) {
    this.remove(feature.id);
    this.byId.set(feature.id, feature);
    this.forCells(feature.west, feature.south, feature.east, feature.north, (key) => {
      const members = this.cells.get(key);
      if (members) members.add(feature);
      else this.cells.set(key, new Set([feature]));
    });
  }

  remove(id: string) {
    const feature = this.byId.get(id);
    if (!feature) return;
    this.byId.delete(id);
    this.forCells(feature.west, feature.south, feature.east, feature.north, (key) => {
      const members = this.cells.get(key);
      members?.delete(feature);
      if (members?.size === 0) this.cells.delete(key);
    });
  }

  /** Features whose box meets `box` ([west, south, east, north], metres), in id order. */
  query(box: readonly [number, number, number, number]): IndexedFeature[] {
    const found = new Set<IndexedFeature>();
    const [west, south, east, north] = box;
    this.forCells(west, south, east, north, (key) => {
      for (const feature of this.cells.get(key) ?? []) {
        if (
          feature.west <= east &&
          feature.east >= west &&
          feature.south <= north &&
          feature.north >= south
        ) {
          found.add(feature);
        }
      }
    });
    // Code-unit order, which is the database's: PGlite's collation is C.
    return [...found].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}

/** Everything the tiles are cut from; swapped whole when read again. */
class Features {
  readonly clusters = new LayerIndex(CELL_SIZE.clusters);
  readonly plots = new LayerIndex(CELL_SIZE.plots);
  /** Every cluster's share of its plots' properties, removed clusters too (their plots are drawn). */
  readonly shares = new Map<string, ClusterShare>();
  /** Plots by cluster id, to give them a cluster's change without reading them again. */
  readonly plotsOf = new Map<string, Set<IndexedFeature>>();
  readonly strings = new Interner();

  putCluster(row: ClusterRow) {
    const [id, provinceId, stage, nameVi, nameEn, geometrySource, infraMin, wastewaterState, wkb] = row;
    const share = { infraMin, wastewaterCompliant: wastewaterState === 'compliant' };
    const before = this.shares.get(id);
    this.shares.set(id, share);
    if (
      before &&
      (before.infraMin !== share.infraMin || before.wastewaterCompliant !== share.wastewaterCompliant)
    ) {
      for (const plot of this.plotsOf.get(id) ?? [])
        plot.properties = plotProperties(plotBaseOf(plot.properties), share);
    }
    // Removed clusters stay in the database for history but are not drawn.
    if (stage === 'removed') {
      this.clusters.remove(id);
      return;
    }
    const polygons = mercatorPolygonsFromWkb(wkb);
    const [west, south, east, north] = boxOf(polygons);
    const strings = this.strings;
    this.clusters.put({
      id,
      properties: withoutNulls([
        ['id', id],
        ['province_id', strings.get(provinceId)],
        ['stage', strings.get(stage)],
        ['name_vi', nameVi],
        ['name_en', nameEn],
        ['geometry_source', strings.get(geometrySource)],
        ['infra_min', infraMin],
        ['wastewater_state', wastewaterState === null ? null : strings.get(wastewaterState)],
      ]),
      polygons,
      west,
      south,
      east,
      north,
      labelX: Number.NaN,
      labelY: Number.NaN,
    });
  }

  removeCluster(id: string) {
    this.shares.delete(id);
    this.clusters.remove(id);
  }

  putPlot(row: PlotRow) {
    const [id, clusterId, provinceId, label, status, origin, areaM2, labelLon, labelLat, wkb] = row;
    const strings = this.strings;
    const cluster = strings.get(clusterId);
    const base: PlotBase = {
      id,
      clusterId: cluster,
      provinceId: strings.get(provinceId),
      // Never null: the column is `not null`.
      label: label ?? '',
      status: strings.get(status),
      origin: strings.get(origin),
      areaHa: roundLikeNumeric4(areaM2 / 10000),
    };
    const polygons = mercatorPolygonsFromWkb(wkb);
    const [west, south, east, north] = boxOf(polygons);
    const share = this.shares.get(cluster) ?? { infraMin: 0, wastewaterCompliant: false };
    this.removePlot(id);
    const feature: IndexedFeature = {
      id,
      properties: plotProperties(base, share),
      polygons,
      west,
      south,
      east,
      north,
      labelX: labelLon === null ? Number.NaN : mercatorX(labelLon),
      labelY: labelLat === null ? Number.NaN : mercatorY(labelLat),
    };
    this.plots.put(feature);
    const members = this.plotsOf.get(cluster);
    if (members) members.add(feature);
    else this.plotsOf.set(cluster, new Set([feature]));
  }

  removePlot(id: string) {
    const feature = this.plots.byId.get(id);
    if (!feature) return;
    const clusterId = feature.properties.cluster_id as string;
    const members = this.plotsOf.get(clusterId);
    members?.delete(feature);
    if (members?.size === 0) this.plotsOf.delete(clusterId);
    this.plots.remove(id);
  }
}

/** What the last build or patch cost, for logs and the benchmark. */
export type IndexStats = {
  kind: 'build' | 'patch';
  ms: number;
  /** Features read from the database. */
  features: number;
};

/**
 * The clusters and plots the tiles draw, held in memory in Web Mercator with a grid over them, so
 * a tile is a lookup plus clipping and encoding in Node (tile-geometry.ts, mvt-writer.ts) rather
 * than SQL per tile in PGlite's single-threaded WASM PostgreSQL, where most of a tile's time went.
 *
 * Read on first use, in pages. After a write (the data version moves) it reads the
 * `feature_changes` rows the triggers left since the last it applied and reloads just those
 * features; a cluster's change reaches its plots' properties in memory. So the first tile after a
 * write pays for what the write changed, not for the whole set. Too far behind (rows trimmed) or
 * too much changed, it reads everything again.
 */
export class FeatureIndex {
  private features: Features | null = null;
  private lastChange = 0;
  private version: number | null = null;
  private syncing: Promise<void> | null = null;
  /** The last build or patch. */
  lastSync: IndexStats | null = null;

  constructor(
    private readonly client: SqlClient,
    /** The data version now; a write changes it. */
    private readonly dataVersion: () => number | Promise<number>,
  ) {}

  /** Features held, by layer. */
  get size(): Record<TileLayerId, number> {
    return {
      clusters: this.features?.clusters.byId.size ?? 0,
      plots: this.features?.plots.byId.size ?? 0,
    };
  }

  /** The layer's features whose box meets `box` (metres), in id order, as of the current data version. */
  async query(layer: TileLayerId, box: readonly [number, number, number, number]): Promise<IndexedFeature[]> {
    await this.ready();
    return this.features?.[layer].query(box) ?? [];
  }

  /**
   * Brings the index to the current data version: built the first time, patched after that. The
   * version only goes up (every write adds one), so an index at or past `target` is current.
   */
  async ready(): Promise<void> {
    const target = await this.dataVersion();
    while (this.version === null || this.version < target) {
      this.syncing ??= this.sync(target).finally(() => {
        this.syncing = null;
      });
      // A sync started earlier may stop short of `target`: then go again.
      await this.syncing;
    }
  }

  private async sync(target: number) {
    const started = performance.now();
    let count: number;
    let kind: IndexStats['kind'] = 'patch';
    if (!this.features) {
      count = await this.build();
      kind = 'build';
    } else {
      const changes = await this.client.query<ChangeRow>(tileIndexSql.changesSince, [this.lastChange]);
      const changed: Record<TileLayerId, Set<string>> = { clusters: new Set(), plots: new Set() };
      let last = this.lastChange;
      for (const change of changes) {
        if (change.id === null || change.layer === null) continue;
        for (const id of change.ids ?? []) changed[change.layer].add(id);
        last = Math.max(last, change.id);
      }
      const trimmed = (changes[0]?.trimmed_through ?? 0) > this.lastChange;
      if (trimmed || changed.clusters.size + changed.plots.size > PATCH_LIMIT) {
        count = await this.build();
        kind = 'build';
      } else {
        count = await this.patch(this.features, changed.clusters, changed.plots);
        this.lastChange = last;
      }
    }
    this.version = Math.max(this.version ?? target, target);
    this.lastSync = { kind, ms: performance.now() - started, features: count };
  }

  /** Reads every feature into a new index, swapped in when complete. */
  private async build(): Promise<number> {
    const [row] = await this.client.query<{ id: number }>(tileIndexSql.lastChange);
    const features = new Features();
    let count = 0;
    for (const layer of ['clusters', 'plots'] as const) {
      const text = layer === 'clusters' ? tileIndexSql.clustersAfter : tileIndexSql.plotsAfter;
      for (let after = ''; ; ) {
        const rows = await this.read(text, [after, PAGE]);
        for (const r of rows) {
          if (layer === 'clusters') features.putCluster(r as ClusterRow);
          else features.putPlot(r as PlotRow);
        }
        count += rows.length;
        const last = rows[rows.length - 1] as [string] | undefined;
        if (!last || rows.length < PAGE) break;
        after = last[0];
      }
    }
    // Changes made while reading are in rows after `row.id`: the next sync reads them again.
    this.features = features;
    this.lastChange = row?.id ?? 0;
    return count;
  }

  /** Reloads the features that changed: those still there are replaced, the others dropped. */
  private async patch(features: Features, clusterIds: Set<string>, plotIds: Set<string>): Promise<number> {
    let count = 0;
    for (const [layer, ids] of [
      ['clusters', clusterIds],
      ['plots', plotIds],
    ] as const) {
      const list = [...ids];
      for (let start = 0; start < list.length; start += PAGE) {
        const chunk = list.slice(start, start + PAGE);
        const text = layer === 'clusters' ? tileIndexSql.clustersById : tileIndexSql.plotsById;
        const rows = await this.read(text, [chunk, chunk.length]);
        const found = new Set<string>();
        for (const r of rows) {
          if (layer === 'clusters') features.putCluster(r as ClusterRow);
          else features.putPlot(r as PlotRow);
          found.add((r as [string])[0]);
        }
        for (const id of chunk) {
          if (found.has(id)) continue;
          if (layer === 'clusters') features.removeCluster(id);
          else features.removePlot(id);
        }
        count += rows.length;
      }
    }
    return count;
  }

  private async read(text: string, parameters: unknown[]): Promise<unknown[]> {
    const [row] = await this.client.query<{ rows: string | null }>(text, parameters);
    return row?.rows ? (JSON.parse(row.rows) as unknown[]) : [];
  }
}
