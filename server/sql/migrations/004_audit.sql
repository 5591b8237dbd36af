-- Every change to the data is recorded here: who, when, the record before and after, the source.
-- The log is append-only for everyone the application connects as: updates, deletes and truncates
-- are refused by the database itself, so no bug and no request can rewrite history.
create table audit_log (
  id bigserial primary key,
  at timestamptz not null default now(),
  -- Null for changes the system makes (the shipped geodata load).
  account_id text,
  account_name text,
  action text not null check (action in ('load', 'update', 'import', 'layout')),
  entity text not null check (entity in ('cluster', 'plot')),
  entity_id text not null,
  -- The record as {doc, version, geometry}; null before a creation. With the geometry, the map
  -- can be drawn as it was recorded on any past date.
  before jsonb,
  after jsonb,
  source_id text
);
create index audit_log_entity_idx on audit_log (entity, entity_id, id);
create index audit_log_at_idx on audit_log (at);

create function refuse_audit_rewrite() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;
create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function refuse_audit_rewrite();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function refuse_audit_rewrite();

-- Optimistic concurrency: a cluster's version goes up with every write; ETags and If-Match carry it.
alter table clusters add column version integer not null default 1;

-- Clusters already held when this migration runs enter the history as they are.
insert into audit_log (action, entity, entity_id, after)
select 'load', 'cluster', id, jsonb_build_object('doc', doc, 'version', version, 'geometry', ST_AsGeoJSON(geom, 7)::jsonb)
from clusters;
