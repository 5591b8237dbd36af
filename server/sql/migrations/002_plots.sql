-- Plots (lô đất) inside clusters, and a data version that every write bumps, so caches of answers
-- and tiles (in this process, in another app process, or in a proxy via ETag) know when to go.

-- Share of the ten infrastructure components a source reports as done, × 10 each: the
-- `minimumPercent` of domain/infrastructure.ts, which a test keeps equal to this function.
create function cluster_infrastructure_minimum_percent(doc jsonb) returns double precision
language sql immutable parallel safe as $$
  select count(*) * 10.0
  from jsonb_each(coalesce(doc -> 'infrastructure', '{}'::jsonb)) as component
  where component.value ->> 'value' = 'done'
$$;

alter table clusters
  add column infrastructure_minimum_percent double precision not null
    generated always as (cluster_infrastructure_minimum_percent(doc)) stored,
  add column wastewater_state text generated always as (doc #>> '{wastewaterPlant,value,state}') stored;

create table plots (
  id text primary key,
  doc jsonb not null,
  cluster_id text not null generated always as (doc ->> 'clusterId') stored
    references clusters (id) on delete cascade,
  province_id text not null generated always as (doc ->> 'provinceId') stored references provinces (id),
  status text not null generated always as (doc ->> 'status') stored,
  origin text not null generated always as (doc ->> 'origin') stored,
  label text not null generated always as (doc ->> 'label') stored,
  -- Measured by the server from the geometry (domain/area.ts), in the province's official plane.
  area_m2 double precision not null check (area_m2 > 0),
  area_measure text not null check (area_measure in ('vn2000-plane', 'ellipsoid')),
  geom geometry(Polygon, 4326) not null check (ST_IsValid(geom))
);
create index plots_geom_idx on plots using gist (geom);
create index plots_cluster_idx on plots (cluster_id, label);
create index plots_province_status_idx on plots (province_id, status, area_m2);

create table data_version (
  singleton boolean primary key default true check (singleton),
  version bigint not null
);
insert into data_version (version) values (1);

create function bump_data_version() returns trigger language plpgsql as $$
begin
  update data_version set version = version + 1;
  return null;
end
$$;

create trigger clusters_bump_data_version after insert or update or delete on clusters
  for each statement execute function bump_data_version();
create trigger plots_bump_data_version after insert or update or delete on plots
  for each statement execute function bump_data_version();
create trigger provinces_bump_data_version after insert or update or delete on provinces
  for each statement execute function bump_data_version();
create trigger sources_bump_data_version after insert or update or delete on sources
  for each statement execute function bump_data_version();
