-- HTTP sessions (Spring Session JDBC, see web/HttpSessions.java): the login of Cockpit, Tasklist,
-- Admin and /api, and the webapps' CSRF token, shared by every node on this database. Columns as
-- Spring Session expects, under the table name set in application.yaml (spring.session.jdbc.table-name).
create table cl_http_session (
  primary_id            char(36)     not null,
  session_id            char(36)     not null,
  creation_time         bigint       not null,
  last_access_time      bigint       not null,
  max_inactive_interval int          not null,
  expiry_time           bigint       not null,
  principal_name        varchar(100),
  constraint cl_http_session_pk primary key (primary_id)
);
create unique index cl_http_session_ix1 on cl_http_session (session_id);
create index cl_http_session_ix2 on cl_http_session (expiry_time);
create index cl_http_session_ix3 on cl_http_session (principal_name);

create table cl_http_session_attributes (
  session_primary_id char(36)     not null,
  attribute_name     varchar(200) not null,
  attribute_bytes    bytea        not null,
  constraint cl_http_session_attributes_pk primary key (session_primary_id, attribute_name),
  constraint cl_http_session_attributes_fk foreign key (session_primary_id)
    references cl_http_session (primary_id) on delete cascade
);
