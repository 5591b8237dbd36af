import { plotColumns, plotFilter } from './plot-queries.ts';

/**
 * SQL of the OGC API – Features collections. Parameters only, never request text: every filter is
 * `(param is null or column = param)`, so an absent filter does not filter. Pages are ordered by id,
 * which is unique, so `limit`/`offset` pages neither repeat nor skip a feature.
 */

/** Decimal places of GeoJSON coordinates: 9 (~0.1 mm), finer than any survey the data holds. */
const DIGITS = 9;

/**
 * Clusters, removed ones included. $1 id, $2 province, $3 stage, $4 wastewater plant state,
 * $5 geometry source, $6 infrastructure investor kind, $7–$10 bbox west, south, east, north.
 */
const clusterFilter = `
  from clusters c
  where ($1::text is null or c.id = $1)
    and ($2::text is null or c.province_id = $2)
    and ($3::text is null or c.stage = $3)
    and ($4::text is null or c.wastewater_state = $4)
    and ($5::text is null or c.geometry_source = $5)
    and ($6::text is null or c.doc #>> '{infrastructureInvestor,value,kind}' = $6)
    and ($7::float8 is null or c.geom && ST_MakeEnvelope($7, $8, $9, $10, 4326))`;

/**
 * Plots: the filter of `GET /api/plots` ($1–$11, see plot-queries.ts) plus $12 origin and $13 id.
 */
const plotOgcFilter = `${plotFilter}
    and ($12::text is null or p.origin = $12)
    and ($13::text is null or p.id = $13)`;

/**
 * Wastewater plants: one per cluster whose record has one, at a point inside the cluster.
 * $1 cluster id, $2 province, $3 plant state, $4–$7 bbox west, south, east, north.
 */
const plantFilter = `
  from clusters c
  cross join lateral (select ST_PointOnSurface(c.geom) as point offset 0) as plant
  where c.wastewater_state is not null
    and ($1::text is null or c.id = $1)
    and ($2::text is null or c.province_id = $2)
    and ($3::text is null or c.wastewater_state = $3)
    and ($4::float8 is null or ST_Intersects(plant.point, ST_MakeEnvelope($4, $5, $6, $7, 4326)))`;

const extentColumns = 'ST_XMin(e) as west, ST_YMin(e) as south, ST_XMax(e) as east, ST_YMax(e) as north';

export const ogcSql = {
  countClusters: `select count(*)::int as matched ${clusterFilter}`,
  /** One page of clusters; $11 limit, $12 offset. */
  listClusters: `
    select c.doc, ST_AsGeoJSON(c.geom, ${DIGITS})::text as geometry
    ${clusterFilter}
    order by c.id limit $11 offset $12`,
  countPlots: `select count(*)::int as matched ${plotOgcFilter}`,
  /** One page of plots with their geometry; $14 limit, $15 offset. */
  listPlots: `
    select ${plotColumns}, ST_AsGeoJSON(p.geom, ${DIGITS})::text as geometry
    ${plotOgcFilter}
    order by p.id limit $14 offset $15`,
  countWastewaterPlants: `select count(*)::int as matched ${plantFilter}`,
  /** One page of wastewater plants; $8 limit, $9 offset. */
  listWastewaterPlants: `
    select c.doc, ST_X(plant.point) as x, ST_Y(plant.point) as y
    ${plantFilter}
    order by c.id limit $8 offset $9`,
  /** Extent of each collection in lon/lat; nulls when it is empty. */
  extents: {
    clusters: `select ${extentColumns} from (select ST_Extent(geom) as e from clusters) as extent`,
    plots: `select ${extentColumns} from (select ST_Extent(geom) as e from plots) as extent`,
    'wastewater-plants': `
      select ${extentColumns}
      from (select ST_Extent(ST_PointOnSurface(geom)) as e from clusters where wastewater_state is not null) as extent`,
  },
} as const;
