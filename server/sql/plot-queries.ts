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

/** A plot row as the audit log holds it, `{doc, version, geometry}`, like a cluster's. */
const plotAuditRecord = (row: string) =>
  `jsonb_build_object('doc', ${row}.doc, 'version', ${row}.version, 'geometry', ST_AsGeoJSON(${row}.geom, 7)::jsonb)`;

/**
 * A batch of plots to write, as parallel arrays zipped row by row: $1 ids, $2 the plots' records
 * (`doc`) as one JSON array, $3 areas (m²), $4 area measures, $5 geometries as hex EWKB (read by
 * geometry's own input function; not a geometry[], whose elements are separated by `:`). Arrays
 * rather than one JSON object per plot: only the records are JSON for the database to parse.
 */
const plotBatchInput = `
  select id, doc, area_m2, area_measure, wkb::geometry as geom
  from rows from (
    unnest($1::text[]), jsonb_array_elements($2::jsonb), unnest($3::float8[]), unnest($4::text[]),
    unnest($5::text[])
  ) as batch(id, doc, area_m2, area_measure, wkb)`;

export const plotSql = {
  countPlots: `select count(*)::int as matched ${plotFilter}`,
  /** One page of plots; $12 limit, $13 offset. */
  listPlots: (sort: PlotSort) =>
    `select ${plotColumns} ${plotFilter} order by ${orderBy[sort]} limit $12 offset $13`,
  getPlot: `select ${plotColumns}, p.version, ST_AsGeoJSON(p.geom, 7)::text as geometry from plots p where p.id = $1`,
  /** A plot about to be redrawn, locked until the transaction ends, as the audit log keeps it. */
  lockPlotRecord: `
    select p.doc, p.version, ${plotAuditRecord('p')} as record
    from plots p where p.id = $1 for update`,
  /** A redrawn plot ($1 id): record $2, area $3 m² measured $4, geometry $5; the version goes up. */
  updatePlotBoundary: `
    update plots
    set doc = $2::jsonb, area_m2 = $3, area_measure = $4, geom = ST_SetSRID(ST_GeomFromGeoJSON($5::text), 4326),
      version = version + 1
    where id = $1
    returning version`,
  /** The redraw's audit row: $1 account id, $2 name, $3 plot id, $4 the record before, $5 source. */
  auditPlotBoundary: `
    insert into audit_log (account_id, account_name, action, entity, entity_id, before, after, source_id)
    select $1, $2, 'update', 'plot', p.id, $4::jsonb, ${plotAuditRecord('p')}, $5
    from plots p where p.id = $3`,
  /** A cluster's plots as outlines ($1 cluster), those whose box meets $2 (GeoJSON) when given. */
  plotOutlines: `
    select id, label, origin, ST_AsGeoJSON(geom, 7)::text as geometry
    from plots
    where cluster_id = $1 and ($2::text is null or geom && ST_SetSRID(ST_GeomFromGeoJSON($2::text), 4326))
    order by id
    limit 20000`,
  /** The first invalid geometry of a batch ($1, hex EWKB) as its 1-based index, with PostGIS's reason. */
  firstInvalidGeometry: `
    select ordinality::int as index, ST_IsValidReason(g) as reason
    from unnest($1::text[]) with ordinality as input(wkb, ordinality),
      lateral (select ST_GeomFromEWKB(decode(input.wkb, 'hex')) as g) as parsed
    where not ST_IsValid(g)
    order by ordinality
    limit 1`,
  /**
   * Inserts a batch of new plots (the arrays of `plotBatchInput`) and writes one audit row per
   * plot in the same statement: $6 account id, $7 account name, $8 action, $9 source id. A plain
   * insert, not an upsert: the batch holds only ids `lockPlots` found absent (no speculative
   * insertion per row, no look for a record before); one added meanwhile by another writer fails
   * the primary key (23505) and nothing is written. An invalid geometry fails the table's check
   * (`plots_geom_check`): `firstInvalidGeometry` names it. There is no unaudited plot write.
   */
  insertPlotsAudited: `
    with input as (${plotBatchInput}),
    written as (
      insert into plots (id, doc, area_m2, area_measure, geom)
      select id, doc, area_m2, area_measure, geom from input
      returning plots.id, plots.doc, plots.version, plots.geom
    ), audited as (
      insert into audit_log (account_id, account_name, action, entity, entity_id, before, after, source_id)
      select $6, $7, $8, 'plot', w.id, null, ${plotAuditRecord('w')}, $9 from written w
    )
    select count(*)::int as inserted from written`,
  /**
   * Upserts a batch (the arrays of `insertPlotsAudited`, $6–$9 the same) and writes one audit row
   * per plot in the same statement. A replaced plot's version goes up and its row keeps the record
   * before: every sub-statement sees the table as it was (lock the rows first with `lockPlots`, so
   * none changes in between). The answer counts the plots inserted and those that replaced one.
   * There is no unaudited plot write.
   */
  upsertPlotsAudited: `
    with input as (${plotBatchInput}),
    previous as (
      select p.id, ${plotAuditRecord('p')} as record
      from plots p where p.id in (select id from input)
    ), written as (
      insert into plots (id, doc, area_m2, area_measure, geom)
      select id, doc, area_m2, area_measure, geom from input
      on conflict (id) do update
        set doc = excluded.doc, area_m2 = excluded.area_m2, area_measure = excluded.area_measure,
          geom = excluded.geom, version = plots.version + 1
      returning plots.id, plots.doc, plots.version, plots.geom, (xmax = 0) as inserted
    ), audited as (
      insert into audit_log (account_id, account_name, action, entity, entity_id, before, after, source_id)
      select $6, $7, $8, 'plot', w.id, previous.record, ${plotAuditRecord('w')}, $9
      from written w left join previous on previous.id = w.id
    )
    select count(*) filter (where inserted)::int as inserted, count(*) filter (where not inserted)::int as updated
    from written`,
  /**
   * Removes a cluster's plots of one origin except the ids given (a new layout replaces the old),
   * each with a `delete` audit row keeping the plot as it was: $1 cluster, $2 origin, $3 kept ids,
   * $4 account id, $5 account name, $6 source id.
   */
  removeOtherPlotsAudited: `
    with removed as (
      delete from plots where cluster_id = $1 and origin = $2 and not (id = any($3::text[]))
      returning id, doc, version, geom
    )
    insert into audit_log (account_id, account_name, action, entity, entity_id, before, after, source_id)
    select $4, $5, 'delete', 'plot', removed.id, ${plotAuditRecord('removed')}, null, $6
    from removed
    returning entity_id as id`,
  /**
   * Locks the plots a batch replaces ($1 ids) until the transaction ends, in id order (no deadlock
   * between two writers). Not in the upsert itself: a row lock there would skip rows the same
   * statement updates.
   */
  lockPlots: 'select id from plots where id = any($1::text[]) order by id for update',
  /** A plot's audit rows, newest first: $1 plot id, $2 limit. */
  plotHistory: `
    select at, account_id, account_name, action, source_id, before, after
    from audit_log
    where entity = 'plot' and entity_id = $1
    order by id desc
    limit $2`,
  clusterProvinces: 'select id, province_id from clusters where id = any($1::text[])',
  dataVersion: 'select version::text as version from data_version',
} as const;
