// Readable numbers for the lifecycle dashboard: "12 d", "3 h", "40 %". Pure functions, no DOM,
// so that node can test them (e2e/format.test.mjs).

/** Shown where a figure does not exist (a milestone that never waited on support, a null date). */
export const NONE = '–';

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Rounds to one decimal below ten and to whole numbers above: "3.5 h", "12 h". */
function amount(value) {
  const rounded = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  return String(rounded);
}

/** A duration in seconds as people say it: "45 s", "20 min", "3.5 h", "12 d". */
export function duration(seconds) {
  if (seconds == null || Number.isNaN(Number(seconds))) return NONE;
  const s = Math.max(0, Number(seconds));
  if (s === 0) return 'none';
  if (s < MINUTE) return `${Math.round(s)} s`;
  if (s < HOUR) return `${Math.round(s / MINUTE)} min`;
  // Up to two days, hours read better than "1.4 d".
  if (s < 2 * DAY) return `${amount(s / HOUR)} h`;
  return `${amount(s / DAY)} d`;
}

/** A whole number of days: "12 d"; "under a day" for 0. */
export function days(value) {
  if (value == null || Number.isNaN(Number(value))) return NONE;
  const n = Number(value);
  if (n < 1) return 'under a day';
  return `${amount(n)} d`;
}

/** Hours as the handoff report gives them: "3.5 h", or the duration in days when long. */
export function hours(value) {
  if (value == null || Number.isNaN(Number(value))) return NONE;
  return duration(Number(value) * HOUR);
}

/**
 * A rate as a percentage. The API gives rates as fractions (0.5); a value above 1 is taken as a
 * percentage already, so that a change of convention does not show "5000 %".
 */
export function percent(rate) {
  if (rate == null || Number.isNaN(Number(rate))) return NONE;
  const value = Number(rate) <= 1 ? Number(rate) * 100 : Number(rate);
  return `${Math.round(value)} %`;
}

/** The difference of two rates in percentage points: "+10 pts", "−5 pts", "±0 pts". */
export function points(rate, baseline) {
  if (rate == null || baseline == null) return NONE;
  const asPercent = (r) => (Number(r) <= 1 ? Number(r) * 100 : Number(r));
  const diff = Math.round(asPercent(rate) - asPercent(baseline));
  if (diff === 0) return '±0 pts';
  return `${diff > 0 ? '+' : '−'}${Math.abs(diff)} pts`;
}

/** An ISO instant as a calendar date in UTC, as the API's figures are: "2026-09-14". */
export function date(iso) {
  if (!iso) return NONE;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return NONE;
  return d.toISOString().slice(0, 10);
}

/** An ISO instant with its time, for tooltips: "2026-09-14 08:30 UTC". */
export function dateTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** How long ago an instant was: "3 d ago", "5 h ago", "just now"; future instants say "in …". */
export function ago(iso, now = new Date()) {
  if (!iso) return NONE;
  const then = new Date(iso);
  if (Number.isNaN(then.getTime())) return NONE;
  const seconds = (now.getTime() - then.getTime()) / 1000;
  if (Math.abs(seconds) < MINUTE) return 'just now';
  return seconds > 0 ? `${duration(seconds)} ago` : `in ${duration(-seconds)}`;
}

/** A camelCase figure name as words: "newContributorsInPathway" → "New contributors in pathway". */
export function words(name) {
  if (!name) return NONE;
  const spaced = String(name).replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** "1 milestone", "3 milestones". */
export function count(n, singular, plural = `${singular}s`) {
  return `${n} ${n === 1 ? singular : plural}`;
}

/**
 * The running instances of a process per version, as /api/migrations/versions gives them (oldest
 * first): "v1: 12 · v2: 3", with the paused ones of a version: "v1: 12 (2 paused)".
 */
export function versionCounts(versions) {
  if (!versions || !versions.length) return NONE;
  return versions.map((v) => `v${v.version}: ${v.running}${v.paused ? ` (${v.paused} paused)` : ''}`).join(' · ');
}

/** The names people read for the lifecycle's stage keys (lifecycle/LifecycleStage.java). */
export const STAGE_NAMES = {
  'pre-work': 'Pre-work',
  starting: 'Starting',
  'learning-and-preparing-for-growth': 'Learning and preparing for growth',
  scaling: 'Scaling',
  sustaining: 'Sustaining',
};

export function stageName(key) {
  return STAGE_NAMES[key] || key || NONE;
}

/** Milestone statuses of the API, as words and the Bootstrap label class that colours them. */
export const MILESTONE_STATUS = {
  done: { text: 'Done', label: 'label-success' },
  'in-progress': { text: 'In progress', label: 'label-info' },
  stalled: { text: 'Stalled', label: 'label-danger' },
  dropped: { text: 'Dropped', label: 'label-default' },
  cancelled: { text: 'Cancelled', label: 'label-default' },
};

/** What a step of a milestone's handoff is, in words. */
export const STEP_NAMES = {
  deliver: 'Deliver',
  review: 'Review',
  'follow-up': 'Follow-up',
  escalation: 'Escalation',
};

/** Source statuses of the API (source/SourceViews.Source), as words and the label class that colours them. */
export const SOURCE_STATUS = {
  never: { text: 'Not synced yet', label: 'label-default' },
  ok: { text: 'OK', label: 'label-success' },
  'rate-limited': { text: 'Rate-limited', label: 'label-warning' },
  failing: { text: 'Failing', label: 'label-danger' },
};

/** The settings of a source that say what it follows, in the order they are shown, with their names. */
export const SOURCE_SETTINGS = [
  ['repositories', 'Repositories'],
  ['organisation', 'Organisation'],
  ['categories', 'Categories'],
  ['siteUrl', 'Site'],
  ['location', 'Location'],
];

/** What a source follows: [name, value] of each of its settings above that is present. */
export function follows(settings) {
  return SOURCE_SETTINGS.filter(([key]) => settings && settings[key] != null && String(settings[key]).trim() !== '')
    .map(([key, name]) => [name, String(settings[key])]);
}

/** What a source brought: "12 contributions from 3 people". */
export function contributed(contributions, contributors) {
  return `${count(contributions ?? 0, 'contribution')} from ${count(contributors ?? 0, 'person', 'people')}`;
}
