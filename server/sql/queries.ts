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
    on conflict (id) do nothing`,
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
