/**
 * Every SQL statement the store runs. Parameters only: no request text is ever pasted into SQL.
 */
export const sql = {
  listProvinces: `
    select p.doc, count(c.id) filter (where c.stage <> 'removed')::int as cluster_count
    from provinces p left join clusters c on c.province_id = p.id
    group by p.id, p.doc
    order by p.doc #>> '{name,vi}'`,
  getProvince: 'select doc from provinces where id = $1',
  provinceExists: 'select 1 from provinces where id = $1',
  sourcesByIds: 'select doc from sources where id = any($1::text[]) order by id',
  listClusters: `
    select doc, ST_AsGeoJSON(geom, 6)::text as geometry
    from clusters
    where ($1::text is null or province_id = $1)
      and ($2::text[] is null or stage = any($2::text[]))
    order by province_id, doc #>> '{name,vi}'`,
  clustersByIds: `
    select doc, ST_AsGeoJSON(geom, 6)::text as geometry
    from clusters where id = any($1::text[])
    order by province_id, doc #>> '{name,vi}'`,
  insertSource: 'insert into sources (id, doc) values ($1, $2::jsonb) on conflict (id) do nothing',
  insertProvince: 'insert into provinces (id, doc) values ($1, $2::jsonb) on conflict (id) do nothing',
  insertCluster: `
    insert into clusters (id, doc, geom)
    values ($1, $2::jsonb, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($3), 4326)))
    on conflict (id) do nothing
    returning id, version`,
  auditClusterLoad: `
    insert into audit_log (action, entity, entity_id, after, source_id)
    select 'load', 'cluster', id, jsonb_build_object('doc', doc, 'version', version, 'geometry', ST_AsGeoJSON(geom, 7)::jsonb), null
    from clusters where id = $1`,
  getClusterVersioned: `
    select doc, ST_AsGeoJSON(geom, 6)::text as geometry, version from clusters where id = $1`,
  /** Writes the next version only if the stored one is still the editor's; no row back means stale. */
  updateClusterIfVersion: `
    update clusters set doc = $2::jsonb, version = version + 1
    where id = $1 and version = $3
    returning version`,
  auditClusterUpdate: `
    insert into audit_log (account_id, account_name, action, entity, entity_id, before, after, source_id)
    select $1, $2, 'update', 'cluster', $3,
      jsonb_build_object('doc', $4::jsonb, 'version', $5::int),
      jsonb_build_object('doc', doc, 'version', version, 'geometry', ST_AsGeoJSON(geom, 7)::jsonb), $6
    from clusters where id = $3`,
  /** A redrawn boundary and the record citing it, only over the editor's version; no row back means stale. */
  updateClusterBoundaryIfVersion: `
    update clusters
    set doc = $2::jsonb, geom = ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($4::text), 4326)), version = version + 1
    where id = $1 and version = $3
    returning version`,
  /** The boundary's audit row keeps the old geometry too, so the timeline can say what was redrawn. */
  auditClusterBoundary: `
    insert into audit_log (account_id, account_name, action, entity, entity_id, before, after, source_id)
    select $1, $2, 'update', 'cluster', $3,
      jsonb_build_object('doc', $4::jsonb, 'version', $5::int, 'geometry', $6::jsonb),
      jsonb_build_object('doc', doc, 'version', version, 'geometry', ST_AsGeoJSON(geom, 7)::jsonb), $7
    from clusters where id = $3`,
  /** Other clusters whose box meets the geometry's: the candidates a redrawn boundary may overlap. */
  clustersNear: `
    select doc, ST_AsGeoJSON(geom, 7)::text as geometry
    from clusters
    where id <> $1 and geom && ST_SetSRID(ST_GeomFromGeoJSON($2::text), 4326)`,
  /** Each cluster as last recorded before the end of day $1 (UTC), $2 a province or null. */
  clustersAsOf: `
    select after -> 'doc' as doc, (after -> 'geometry')::text as geometry
    from (
      select distinct on (entity_id) entity_id, after
      from audit_log
      where entity = 'cluster' and at < ($1::date + 1)::timestamptz
      order by entity_id, id desc
    ) as latest
    where $2::text is null or after #>> '{doc,provinceId}' = $2
    order by after #>> '{doc,provinceId}', after #>> '{doc,name,vi}'`,
  /** An import's new record and, when it brings one, new boundary; the version goes up. */
  importClusterUpdate: `
    update clusters
    set doc = $2::jsonb,
      geom = coalesce(ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($3::text), 4326)), geom),
      version = version + 1
    where id = $1
    returning version`,
  auditClusterImport: `
    insert into audit_log (account_id, account_name, action, entity, entity_id, before, after, source_id)
    select $1, $2, 'import', 'cluster', $3,
      jsonb_build_object('doc', $4::jsonb, 'version', $5::int),
      jsonb_build_object('doc', doc, 'version', version, 'geometry', ST_AsGeoJSON(geom, 7)::jsonb), $6
    from clusters where id = $3`,
  /** A cluster's recorded changes after a version, newest first. */
  clusterHistory: `
    select at, account_name, action, source_id, before, after
    from audit_log
    where entity = 'cluster' and entity_id = $1 and coalesce((after ->> 'version')::int, 0) > $2
    order by id desc
    limit $3`,
  geometryProblem: `
    select case when ST_IsValid(g) then null else ST_IsValidReason(g) end as reason
    from (select ST_GeomFromGeoJSON($1) as g) as input`,
  geodataLoaded: 'select 1 from geodata_loads where content_hash = $1',
  recordGeodataLoad: 'insert into geodata_loads (content_hash) values ($1) on conflict do nothing',
  createMigrationsTable: `
    create table if not exists schema_migrations (
      name text primary key,
      applied_at timestamptz not null default now()
    )`,
  appliedMigrations: 'select name from schema_migrations order by name',
  recordMigration: 'insert into schema_migrations (name) values ($1)',
} as const;
