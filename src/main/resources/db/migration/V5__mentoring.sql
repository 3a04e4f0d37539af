-- Group mentoring cohorts (the Kubernetes seed). One row per cohort, keyed by the slug of its
-- name: written when the cohort is formed, completed with its report when the cohort ends.
create table cl_mentoring_cohort (
  cohort_key           varchar(64)   not null primary key,
  name                 varchar(120)  not null,
  goal_rung            varchar(16)   not null,
  mentors              varchar(1000) not null,
  start_date           date          not null,
  end_date             date          not null,
  planned_duration     varchar(32)   not null,
  process_instance_id  varchar(64)   not null,
  status               varchar(16)   not null,
  enrolled             integer       not null,
  graduated            integer,
  baseline_graduated   integer,
  baseline_enrolled    integer,
  formed_by            varchar(64),
  formed_at            timestamp     not null,
  closed_at            timestamp
);

-- Each mentee of a cohort: the mentor assigned at formation (round-robin), their standup record,
-- and their graduation review: the evidence, the contributor ladder's advice, the mentor's decision.
create table cl_mentoring_mentee (
  cohort_key              varchar(64)   not null,
  mentee                  varchar(64)   not null,
  mentor                  varchar(64)   not null,
  enrolment_order         integer       not null,
  updates_posted          integer       not null,
  updates_missed          integer       not null,
  follow_ups              integer       not null,
  months_at_rung          integer,
  primary_reviewer_prs    integer,
  prs_reviewed_or_merged  integer,
  advice                  varchar(16),
  advice_reasons          varchar(2000),
  decision                varchar(16),
  decision_note           varchar(4000),
  decided_by              varchar(64),
  decided_at              timestamp,
  primary key (cohort_key, mentee),
  foreign key (cohort_key) references cl_mentoring_cohort (cohort_key) on delete cascade
);

-- Each weekly standup of a cohort and the mentor whose turn it was to facilitate it.
create table cl_mentoring_standup (
  cohort_key      varchar(64) not null,
  week_number     integer     not null,
  facilitator     varchar(64) not null,
  opens_at        timestamp   not null,
  closes_at       timestamp   not null,
  facilitated_by  varchar(64),
  facilitated_at  timestamp,
  primary key (cohort_key, week_number),
  foreign key (cohort_key) references cl_mentoring_cohort (cohort_key) on delete cascade
);

-- Each mentee's update for each standup: posted, or missed when the next standup started first.
create table cl_mentoring_update (
  cohort_key   varchar(64) not null,
  week_number  integer     not null,
  mentee       varchar(64) not null,
  status       varchar(16) not null,
  recorded_at  timestamp   not null,
  primary key (cohort_key, week_number, mentee),
  foreign key (cohort_key) references cl_mentoring_cohort (cohort_key) on delete cascade
);
