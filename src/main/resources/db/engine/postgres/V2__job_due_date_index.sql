-- Written against the schema of Camunda 7.24.0 (ACT_RU_JOB).
--
-- The job executor of every node asks, every few seconds and without pause while jobs are due, for
-- the jobs due now (selectNextJobsToExecute: DUEDATE_ IS NULL OR DUEDATE_ <= now, not locked). The
-- engine has no index on the due date, so each asking read every job: every milestone keeps a stall
-- timer for weeks, and the table holds one or more rows per open milestone. With this index
-- PostgreSQL reads the due jobs only. In a burst of 10,000 due stall timers among 10,000 others the
-- asking had taken 2.6 ms each, 3,900 times.
create index if not exists cl_idx_job_duedate on act_ru_job (duedate_);
