import type { PlotSort } from '../../domain/plot-api.ts';

/**
 * The filter every plot list query shares. Parameters: $1 province, $2 cluster ids, $3 statuses,
 * $4 min area (m²), $5 max area (m²), $6 min infrastructure %, $7 wastewater compliant only,
 * $8–$11 bbox west, south, east, north. A null parameter does not filter.
 */
export const plotFilter = `
  from plots p join clusters c on c.id = p.cluster_id
  where ($1::text is null or p.province_id = $1)
    and ($2::text[] is null or p.cluster_id = any($2::text[]))
    and ($3::text[] is null or p.status = any($3::text[]))
    and ($4::float8 is null or p.area_m2 >= $4)
    and ($5::float8 is null or p.area_m2 <= $5)
    and ($6::float8 is null or c.infrastructure_minimum_percent >= $6)
    and ($7::boolean is not true or c.wastewater_state = 'compliant')
    and ($8::float8 is null or p.geom && ST_MakeEnvelope($8, $9, $10, $11, 4326))`;

/** ORDER BY clauses by sort key: chosen from this table, never built from request text. */
const orderBy: Record<PlotSort, string> = {
  area: 'p.area_m2, p.id',
  '-area': 'p.area_m2 desc, p.id',
  label: 'p.label, p.id',
  cluster: "c.doc #>> '{name,vi}', p.label, p.id",
};

/** A plot's record, measured area, label point and bbox: the columns of `PlotRow`. */
export const plotColumns = `
  p.doc, p.area_m2, p.area_measure,
  ST_X(ST_PointOnSurface(p.geom)) as x, ST_Y(ST_PointOnSurface(p.geom)) as y,
  ST_XMin(p.geom) as west, ST_YMin(p.geom) as south, ST_XMax(p.geom) as east, ST_YMax(p.geom) as north`;

export const plotSql = {
  countPlots: `select count(*)::int as matched ${plotFilter}`,
  /** One page of plots; $12 limit, $13 offset. */
  listPlots: (sort: PlotSort) =>
    `select ${plotColumns} ${plotFilter} order by ${orderBy[sort]} limit $12 offset $13`,
  getPlot: `select ${plotColumns}, ST_AsGeoJSON(p.geom, 7)::text as geometry from plots p where p.id = $1`,
  /** The first invalid geometry of a batch (1-based index), with PostGIS's reason. */
  firstInvalidGeometry: `
    select ordinality::int as index, ST_IsValidReason(g) as reason
    from unnest($1::text[]) with ordinality as input(text, ordinality),
      lateral (select ST_GeomFromGeoJSON(input.text) as g) as parsed
    where not ST_IsValid(g)
    order by ordinality
    limit 1`,
  /** Upserts a batch; `inserted` is false for rows that replaced an existing plot. */
  upsertPlots: `
    insert into plots (id, doc, area_m2, area_measure, geom)
    select item ->> 'id', item -> 'doc', (item ->> 'areaM2')::float8, item ->> 'areaMeasure',
      ST_SetSRID(ST_GeomFromGeoJSON(item ->> 'geometry'), 4326)
    from jsonb_array_elements($1::jsonb) as item
    on conflict (id) do update
      set doc = excluded.doc, area_m2 = excluded.area_m2, area_measure = excluded.area_measure, geom = excluded.geom
    returning (xmax = 0) as inserted`,
  /** Removes a cluster's plots of one origin except the ids given (a new layout replaces the old). */
  removeOtherPlots: `
    delete from plots where cluster_id = $1 and origin = $2 and not (id = any($3::text[])) returning id`,
  clusterProvinces: 'select id, province_id from clusters where id = any($1::text[])',
  dataVersion: 'select version::text as version from data_version',
} as const;
