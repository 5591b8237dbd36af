/**
 * SQL of the vector tiles. On a PostgreSQL server, ST_AsMVT: every statement takes the same
 * parameters, never request text: `$1` zoom, `$2` x, `$3` y (already checked to be a tile of the
 * grid), `$4` extent, `$5` buffer (both in tile units); the layer's SQL is chosen from a fixed list
 * by its id. On PGlite (no ST_AsMVT), the features are read once into memory and tiles are cut in
 * Node (server/tiles/feature-index.ts): `tileIndexSql` reads them, and what changed after a write.
 */

/**
 * The tile in EPSG:3857 and the box features are searched in: the tile grown by the buffer, in
 * 4326 so the GiST index on `geom` serves it.
 */
const tileFrame = `
  frame as (
    select envelope, ST_Transform(buffered, 4326) as search_box
    from (
      select
        ST_TileEnvelope($1::int, $2::int, $3::int) as envelope,
        ST_TileEnvelope($1::int, $2::int, $3::int, margin => $5::float8 / $4::float8) as buffered
    ) as tile
  )`;

/** The MVT geometry on a PostGIS with protobuf: same extent, buffer and clipping. */
const mvtShape = (geometry: string) =>
  `ST_AsMVTGeom(ST_Transform(${geometry}, 3857), frame.envelope::box2d, $4::int, $5::int, true)`;

const clusterProperties = `
  c.id,
  c.province_id,
  c.stage,
  c.doc #>> '{name,vi}' as name_vi,
  c.doc #>> '{name,en}' as name_en,
  c.geometry_source,
  c.infrastructure_minimum_percent as infra_min,
  c.wastewater_state`;

const clusterTable = 'from clusters c cross join frame';
// Removed clusters stay in the database for history but are not drawn.
const clusterFilter = "where c.geom && frame.search_box and c.stage <> 'removed'";

const plotProperties = `
  p.id,
  p.cluster_id,
  p.province_id,
  p.label,
  p.status,
  p.origin,
  round((p.area_m2 / 10000)::numeric, 4)::float8 as area_ha,
  c.infrastructure_minimum_percent as infra_min,
  coalesce(c.wastewater_state = 'compliant', false) as wastewater_compliant`;

const plotTable = 'from plots p join clusters c on c.id = p.cluster_id cross join frame';
const plotFilter = 'where p.geom && frame.search_box';

/**
 * One label point per plot (a point inside it), only in the tile that holds the point: a polygon
 * crossing tile edges is drawn in each tile, and labelling each piece would repeat its label.
 * It carries the plot's properties so the client's filter hides the labels of faded plots too.
 */
const plotLabelPoint = `
  cross join lateral (select ST_Transform(ST_PointOnSurface(p.geom), 3857) as point offset 0) as label
  where p.geom && frame.search_box and label.point && frame.envelope
    and ST_X(label.point) < ST_XMax(frame.envelope) and ST_Y(label.point) > ST_YMin(frame.envelope)`;

/** One row, `tile`: the encoded layer as bytea (empty when no feature is in the tile). */
export const mvtTileQueries = {
  clusters: `
    with ${tileFrame}
    select ST_AsMVT(features, 'clusters', $4::int, 'geom') as tile
    from (
      select ${clusterProperties}, ${mvtShape('c.geom')} as geom
      ${clusterTable}
      ${clusterFilter}
      order by c.id
    ) as features
    where features.geom is not null`,
  // Two layers in one tile: an MVT is a sequence of layers, so the encoded layers concatenate.
  plots: `
    with ${tileFrame}
    select coalesce((
      select ST_AsMVT(features, 'plots', $4::int, 'geom')
      from (
        select ${plotProperties}, ${mvtShape('p.geom')} as geom
        ${plotTable}
        ${plotFilter}
        order by p.id
      ) as features
      where features.geom is not null
    ), ''::bytea) || coalesce((
      select ST_AsMVT(labels, 'plot_labels', $4::int, 'geom')
      from (
        select ${plotProperties}, ST_AsMVTGeom(label.point, frame.envelope::box2d, $4::int, 0, false) as geom
        ${plotTable} ${plotLabelPoint}
        order by p.id
      ) as labels
    ), ''::bytea) as tile`,
} as const;

/** The layer's extent in lon/lat, for TileJSON `bounds`; nulls when the layer is empty. */
export const tileBoundsQueries = {
  clusters: `
    select ST_XMin(e) as west, ST_YMin(e) as south, ST_XMax(e) as east, ST_YMax(e) as north
    from (select ST_Extent(geom) as e from clusters where stage <> 'removed') as extent`,
  plots: `
    select ST_XMin(e) as west, ST_YMin(e) as south, ST_XMax(e) as east, ST_YMax(e) as north
    from (select ST_Extent(geom) as e from plots) as extent`,
} as const;

/**
 * Pages of features for the in-memory tile index on PGlite (server/tiles/feature-index.ts), one row
 * `rows`: a JSON array of arrays, null when the page is empty. Geometry comes as hex WKB in lon/lat
 * and plot properties without their cluster's (joined in Node), as PGlite writes those several times
 * faster than GeoJSON, numeric rounding and a join per row. `where` is one of the fixed conditions
 * below, never request text.
 *
 * Clusters, removed ones too (their plots are still drawn): id, province_id, stage, name_vi, name_en,
 * geometry_source, infra_min, wastewater_state, WKB.
 */
const clusterIndexPage = (where: string) => `
  select json_agg(json_build_array(
    c.id, c.province_id, c.stage, c.doc #>> '{name,vi}', c.doc #>> '{name,en}', c.geometry_source,
    c.infrastructure_minimum_percent, c.wastewater_state, encode(ST_AsBinary(c.geom), 'hex')
  ) order by c.id)::text as rows
  from (select * from clusters c where ${where} order by c.id limit $2) as c`;

/**
 * Plots: id, cluster_id, province_id, label, status, origin, area_m2, the label point (lon, lat:
 * ST_PointOnSurface, as the ST_AsMVT path labels), WKB. Written as text: concat_ws leaves out nulls,
 * so each value that could be one says `null` itself.
 */
const plotIndexPage = (where: string) => `
  select '[' || string_agg('[' || concat_ws(',',
    to_json(p.id), to_json(p.cluster_id), to_json(p.province_id), coalesce(to_json(p.label)::text, 'null'),
    to_json(p.status), to_json(p.origin), p.area_m2,
    coalesce(ST_X(surface.point)::text, 'null'), coalesce(ST_Y(surface.point)::text, 'null'),
    to_json(encode(ST_AsBinary(p.geom), 'hex'))
  ) || ']', ',' order by p.id) || ']' as rows
  from (select * from plots p where ${where} order by p.id limit $2) as p
  cross join lateral (select ST_PointOnSurface(p.geom) as point offset 0) as surface`;

/** `$1` the last id of the previous page ('' first), or the ids (text[]) to read; `$2` page size. */
export const tileIndexSql = {
  clustersAfter: clusterIndexPage('c.id > $1'),
  clustersById: clusterIndexPage('c.id = any($1::text[])'),
  plotsAfter: plotIndexPage('p.id > $1'),
  plotsById: plotIndexPage('p.id = any($1::text[])'),
  /** The newest change row (0 when none): what an index read from now on reflects at least. */
  lastChange: `
    select greatest(
      coalesce((select max(id) from feature_changes), 0),
      (select through from feature_changes_trimmed)
    )::float8 as id`,
  /** Change rows after `$1`, in order, each with the id up to which rows were dropped; one row at least. */
  changesSince: `
    select t.through::float8 as trimmed_through, c.id::float8 as id, c.layer, c.ids
    from feature_changes_trimmed t
    left join feature_changes c on c.id > $1::bigint
    order by c.id`,
} as const;
