-- Written against the schema of Camunda 7.24.0 (ACT_RU_AUTHORIZATION); PostgreSQL 14 or later.
--
-- Every list the engine returns with authorization checks on (Tasklist's filters, the REST API,
-- Cockpit) joins ACT_RU_AUTHORIZATION on RESOURCE_ID_ IN (the task's id, its process key, '*') and
-- keeps the rows whose "PERMS_ & <permission> = <permission>". PostgreSQL has no statistics on such an
-- expression and guesses that 0.5 % of the rows match. With one authorization per task and person
-- or team, the guess was a few dozen rows where there were thousands; the planner then read them
-- once and compared every task with every one of them (a nested loop over a materialized list):
-- the first page of an activator's 10,000 open tasks took 28 s, and the time grew with the square
-- of the tasks. With statistics on each expression the estimate is right, and the planner looks up
-- each task's own authorizations by resource id (ACT_IDX_AUTH_RESOURCE_ID): 0.2 s.
--
-- One statistics object per permission bit that the engine's list queries check:
-- READ (2: tasks, instances, history), READ_TASK (64), READ_INSTANCE (512) and READ_HISTORY (4096)
-- on process definitions. They hold no data until ANALYZE, which autovacuum repeats as the table grows.
-- A plan made without the parameters (a prepared statement's generic plan) cannot use them: the app's
-- connections also rule out the comparison in memory (enable_material=off, engine/PostgresConnections.java).
create statistics if not exists cl_auth_perms_read on (perms_ & 2) from act_ru_authorization;
create statistics if not exists cl_auth_perms_read_task on (perms_ & 64) from act_ru_authorization;
create statistics if not exists cl_auth_perms_read_instance on (perms_ & 512) from act_ru_authorization;
create statistics if not exists cl_auth_perms_read_history on (perms_ & 4096) from act_ru_authorization;
analyze act_ru_authorization;
