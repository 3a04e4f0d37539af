-- Locks of periodic work (ShedLock, see notification/MailScheduling): several nodes may share this
-- database, and a job such as the weekly digest must run on one of them only. The node that runs it
-- holds the row's lock_until in the future; the others skip that run. Columns as ShedLock expects.
create table cl_shedlock (
  name        varchar(64)  not null primary key,
  lock_until  timestamp    not null,
  locked_at   timestamp    not null,
  locked_by   varchar(255) not null
);
