-- Who migrated which running instances, when, from which version to which (migration/Migrations.java).
-- One row per request, and one per instance it looked at: moving (with the engine batch that moves
-- it) or staying (with the reason). What became of a moving instance is read from the engine; a
-- batch job's failure is copied here when a report first sees it, so it outlives the batch.
create table cl_migration (
  id                varchar(64)  not null primary key,
  requested_by      varchar(255) not null,
  requested_at      timestamp    not null,
  scope             varchar(255) not null,
  include_suspended boolean      not null
);

create table cl_migration_instance (
  migration_id         varchar(64)   not null references cl_migration (id),
  process_instance_id  varchar(64)   not null,
  position             integer       not null,
  process_key          varchar(255)  not null,
  business_key         varchar(255),
  source_definition_id varchar(64)   not null,
  source_version       integer       not null,
  target_definition_id varchar(64)   not null,
  target_version       integer       not null,
  batch_id             varchar(64),
  skip_reason          varchar(4000),
  failure              varchar(4000),
  primary key (migration_id, process_instance_id)
);

create index cl_migration_requested on cl_migration (requested_at);
