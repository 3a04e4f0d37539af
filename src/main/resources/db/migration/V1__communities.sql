-- Communities the product works with: one row per community key (the slug of its name).
-- Written when a community enters a stage; read to decide who may see its data.
create table cl_community (
  community_key  varchar(64)  not null primary key,
  name           varchar(120) not null,
  activator      varchar(64),
  liaison        varchar(64),
  current_stage  varchar(64),
  status         varchar(16)  not null,
  created_at     timestamp    not null,
  updated_at     timestamp    not null
);
