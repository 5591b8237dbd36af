-- Which clusters and plots each write changed, by id, one row per statement and table. On PGlite
-- the vector tiles are cut in Node from the features held in memory (server/tiles/feature-index.ts):
-- after a write it reads the rows past the last one it applied and reloads only those features,
-- instead of everything. Triggers fill it, so no write is missed, whoever makes it (the store, a
-- tool, a cascade). Only the newest rows are kept; `feature_changes_trimmed` says up to which id
-- rows were dropped, so a reader further behind than that reloads everything.
create table feature_changes (
  id bigserial primary key,
  layer text not null check (layer in ('clusters', 'plots')),
  ids text[] not null
);

create table feature_changes_trimmed (
  singleton boolean primary key default true check (singleton),
  through bigint not null
);
insert into feature_changes_trimmed (through) values (0);

-- Statement-level, with transition tables: an import of 5,000 plots is a few rows, not 5,000.
create function log_feature_changes() returns trigger language plpgsql as $$
declare
  changed text[];
  entry bigint;
begin
  if tg_op = 'INSERT' then
    select array_agg(id) into changed from new_rows;
  elsif tg_op = 'UPDATE' then
    select array_agg(distinct id) into changed
    from (select id from new_rows union all select id from old_rows) as both_states;
  else
    select array_agg(id) into changed from old_rows;
  end if;
  if changed is null then
    return null;
  end if;
  insert into feature_changes (layer, ids) values (tg_argv[0], changed) returning id into entry;
  -- Now and then keep only the newest 10,000 rows.
  if entry % 1000 = 0 then
    update feature_changes_trimmed set through = entry - 10000 where through < entry - 10000;
    delete from feature_changes where id <= entry - 10000;
  end if;
  return null;
end
$$;

create trigger clusters_log_inserts after insert on clusters
  referencing new table as new_rows for each statement execute function log_feature_changes('clusters');
create trigger clusters_log_updates after update on clusters
  referencing old table as old_rows new table as new_rows
  for each statement execute function log_feature_changes('clusters');
create trigger clusters_log_deletes after delete on clusters
  referencing old table as old_rows for each statement execute function log_feature_changes('clusters');
create trigger plots_log_inserts after insert on plots
  referencing new table as new_rows for each statement execute function log_feature_changes('plots');
create trigger plots_log_updates after update on plots
  referencing old table as old_rows new table as new_rows
  for each statement execute function log_feature_changes('plots');
create trigger plots_log_deletes after delete on plots
  referencing old table as old_rows for each statement execute function log_feature_changes('plots');
