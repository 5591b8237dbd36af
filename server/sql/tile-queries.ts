/**
 * SQL of the vector tiles. Every statement takes the same parameters, never request text:
 * `$1` zoom, `$2` x, `$3` y (already checked to be a tile of the grid), `$4` extent, `$5` buffer (both
 * in tile units). The layer's SQL is chosen from a fixed list by its id.
 */

/**
 * The tile in EPSG:3857, the box features are searched in (grown by the buffer, in 4326 so the GiST
 * index on `geom` serves it), and the affine transform that maps 3857 to tile units with y pointing
 * down. `half_unit` is half a tile unit in metres: details smaller than that cannot be drawn.
 */
const tileFrame = `
  frame as (
    select
      envelope,
      buffered,
      ST_Transform(buffered, 4326) as search_box,
      $4::float8 / (ST_XMax(envelope) - ST_XMin(envelope)) as scale_x,
      $4::float8 / (ST_YMax(envelope) - ST_YMin(envelope)) as scale_y,
      (ST_XMax(envelope) - ST_XMin(envelope)) / $4::float8 / 2 as half_unit,
      ST_XMin(envelope) as west,
      ST_YMax(envelope) as north
    from (
      select
        ST_TileEnvelope($1::int, $2::int, $3::int) as envelope,
        ST_TileEnvelope($1::int, $2::int, $3::int, margin => $5::float8 / $4::float8) as buffered
    ) as tile
  )`;

/**
 * What ST_AsMVTGeom does, for a PostGIS without it (PGlite's has no protobuf): clip to the buffered
 * tile, drop detail under half a unit, map to tile units, snap to the integer grid, repair what
 * snapping broke, keep polygons. Then orient: ST_ForcePolygonCCW *after* the y-flip gives exterior
 * rings a positive surveyor's area in tile coordinates, which is what the MVT spec calls clockwise
 * (y points down). Forcing CCW before the flip would give the opposite, so PostGIS's own mvt.c
 * forces CW after the flip and then reverses: the same thing. `offset 0` keeps each step a
 * subquery computed once per row, rather than inlined and computed again wherever it is used.
 * `geometry` is a column name written in this file, never request text.
 */
const tileSpaceShape = (geometry: string) => `
  cross join lateral (
    select ST_SnapToGrid(
      ST_Affine(
        ST_Simplify(ST_ClipByBox2D(ST_Transform(${geometry}, 3857), frame.buffered), frame.half_unit),
        frame.scale_x, 0, 0, -frame.scale_y,
        -frame.west * frame.scale_x, frame.north * frame.scale_y
      ),
      1
    ) as geom
    offset 0
  ) as snapped
  cross join lateral (
    select ST_ForcePolygonCCW(
      ST_CollectionExtract(
        case when ST_IsValid(snapped.geom) then snapped.geom
        else ST_SnapToGrid(ST_MakeValid(snapped.geom), 1) end,
        3
      )
    ) as geom
    offset 0
  ) as shape`;

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

const labelTileUnits = `ST_SnapToGrid(
    ST_Affine(label.point, frame.scale_x, 0, 0, -frame.scale_y, -frame.west * frame.scale_x, frame.north * frame.scale_y),
    1
  )`;

/** Rows of the tile in tile units: the layer's properties and `geometry`, GeoJSON text of integers. */
export const tileFeatureQueries = {
  clusters: `
    with ${tileFrame}
    select ${clusterProperties}, ST_AsGeoJSON(shape.geom, 0) as geometry
    ${clusterTable} ${tileSpaceShape('c.geom')}
    ${clusterFilter} and not ST_IsEmpty(shape.geom)
    order by c.id`,
  plots: `
    with ${tileFrame}
    select ${plotProperties}, ST_AsGeoJSON(shape.geom, 0) as geometry
    ${plotTable} ${tileSpaceShape('p.geom')}
    ${plotFilter} and not ST_IsEmpty(shape.geom)
    order by p.id`,
} as const;

/** Label points of the plots tile in tile units, as `tileFeatureQueries`. */
export const plotLabelQuery = `
  with ${tileFrame}
  select ${plotProperties}, ST_AsGeoJSON(${labelTileUnits}, 0) as geometry
  ${plotTable} ${plotLabelPoint}
  order by p.id`;

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
