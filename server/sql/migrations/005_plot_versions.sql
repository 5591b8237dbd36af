-- Plots are edited one by one too (a boundary redrawn on the map): like clusters, each write bumps
-- a version that ETags and If-Match carry, so no redraw silently overwrites another.
alter table plots add column version integer not null default 1;

-- A new layout removes the cluster's earlier generated plots: the removal is recorded as such.
alter table audit_log drop constraint audit_log_action_check;
alter table audit_log add constraint audit_log_action_check
  check (action in ('load', 'update', 'import', 'layout', 'delete'));
