-- One running instance of a process per community. The engine's query before a start cannot see a
-- start that has not committed yet; this primary key can: of simultaneous starts for one community,
-- one inserts its row and the others are refused. Written by StageEntry.identify in the start's
-- transaction; a row whose instance no longer runs is replaced.
create table cl_running_instance (
  process_key          varchar(255) not null,
  community_key        varchar(255) not null,
  process_instance_id  varchar(64)  not null,
  started_at           timestamp    not null,
  primary key (process_key, community_key)
);
