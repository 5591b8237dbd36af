-- CCN Atlas schema, first version. Records are kept as validated JSON documents (domain/ schemas);
-- the columns queries filter on are generated from them so the two can never disagree.
create extension if not exists postgis;

create table sources (
  id text primary key,
  doc jsonb not null
);

create table provinces (
  id text primary key,
  doc jsonb not null
);

create table clusters (
  id text primary key,
  doc jsonb not null,
  province_id text not null generated always as (doc ->> 'provinceId') stored references provinces (id),
  stage text not null generated always as (doc ->> 'stage') stored,
  geometry_source text not null generated always as (doc ->> 'geometrySource') stored,
  geom geometry(MultiPolygon, 4326) not null check (ST_IsValid(geom))
);
create index clusters_geom_idx on clusters using gist (geom);
create index clusters_province_stage_idx on clusters (province_id, stage);

-- One row per geodata bundle loaded, so a restart does not load the same bundle again.
create table geodata_loads (
  content_hash text primary key,
  loaded_at timestamptz not null default now()
);
