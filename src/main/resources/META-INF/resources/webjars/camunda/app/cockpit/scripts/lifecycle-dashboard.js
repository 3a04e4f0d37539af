// The lifecycle dashboard inside Cockpit: a "Lifecycle" link in the header and pages for the
// portfolio, stalled work, programs, handoff health and one community, backed by /api/dashboard,
// and the versions running instances are on, backed by /api/migrations/versions.
//
// A plain ES module loaded through customScripts in scripts/config.js, using Cockpit's plugin API
// (Camunda 7.14+): plugins with a pluginPoint, properties and render(node, {api}). No build step.
// The API is read with the Cockpit session (GET only); see identity/ApiAuthentication.java.

import * as fmt from './lifecycle/format.js';
import { COLOURS, STAGE_COLOURS, draw } from './lifecycle/charts.js';

// The application runs at the server's root, beside the webapps under /camunda.
const API = '/api/dashboard';
const MIGRATIONS_API = '/api/migrations';
const ROUTE = '#/lifecycle';
/** Tasklist's "Start process" dialog, opened on the designers' process "Migrate running instances". */
const MIGRATE_IN_TASKLIST = '/camunda/app/tasklist/default/#/?processStart=migrate-running-instances';
const LIAISON_KEY = 'community-lifecycle.dashboard.liaison';

const FORBIDDEN_TEXT = 'Only CBT liaisons, community leads and admins can see the lifecycle dashboard.';

// ---------------------------------------------------------------------------------------------
// DOM helpers: every text goes in through textContent, never as HTML.

/** An element: h('td', {class: 'x', title: 'y'}, 'text', child, …). Null children are skipped. */
function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value == null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'class') element.className = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** A link to a Cockpit page inside this single-page app. */
const cockpitLink = (hash, text, title) => h('a', { href: hash, title }, text);

/** A link to a process instance's runtime view; CE has no history view, so only running ones. */
function instanceLink(processInstanceId, text = 'Open in Cockpit', running = true, label = null) {
  if (!processInstanceId || !running) return null;
  const link = cockpitLink(`#/process-instance/${encodeURIComponent(processInstanceId)}/runtime`, text,
    `Process instance ${processInstanceId}`);
  if (label) link.setAttribute('aria-label', label);
  return link;
}

const communityHash = (key, milestoneInstanceId) =>
  `${ROUTE}/communities/${encodeURIComponent(key)}${milestoneInstanceId ? `?milestone=${encodeURIComponent(milestoneInstanceId)}` : ''}`;

/**
 * A table with a caption and column headers with scope, as screen readers expect. A column is a
 * heading text, a ready th, or {text, number: true} for a right-aligned figure column.
 */
function table({ caption, columns, rows, className = '', striped = true }) {
  const heading = (c) => {
    if (c instanceof Node) return c;
    if (typeof c === 'object') return h('th', { scope: 'col', class: c.number ? 'lifecycle-number' : null }, c.text);
    return h('th', { scope: 'col' }, c);
  };
  return h('table', { class: `table ${striped ? 'table-striped' : ''} table-condensed cam-table lifecycle-table ${className}` },
    h('caption', null, caption),
    h('thead', null, h('tr', null, columns.map(heading))),
    h('tbody', null, rows));
}

/** A right-aligned figure column. */
const num = (text) => ({ text, number: true });

const number = (value) => h('td', { class: 'lifecycle-number' }, value == null ? fmt.NONE : value);

function label(text, className) {
  return h('span', { class: `label ${className}` }, text);
}

function statusLabel(status) {
  const known = fmt.MILESTONE_STATUS[status] || { text: status || fmt.NONE, label: 'label-default' };
  return label(known.text, known.label);
}

/** An instant as a date, with the exact time on hover. */
const when = (iso) => h('time', { datetime: iso || null, title: fmt.dateTime(iso) || null }, fmt.date(iso));
const sinceWhen = (iso) => h('time', { datetime: iso || null, title: fmt.dateTime(iso) || null }, fmt.ago(iso));

/** Replaces the children of `element`; arrays among them are flattened and nulls skipped. */
function fill(element, ...children) {
  element.replaceChildren(...children.flat(Infinity).filter((c) => c != null && c !== false));
  return element;
}

function emptyState(text) {
  return h('p', { class: 'lifecycle-empty text-muted' }, text);
}

function loadingState() {
  return h('div', { class: 'lifecycle-loading', role: 'status' }, h('span', { class: 'spinner' }), ' Loading…');
}

// ---------------------------------------------------------------------------------------------
// The API.

/** A failed API call, with the status and the problem detail the server gave. */
class ApiError extends Error {
  constructor(status, detail, path) {
    super(`${status} ${detail || ''}`.trim());
    this.status = status;
    this.detail = detail;
    this.path = path;
  }
}

/** GETs `path` of the dashboard API (or of the API under `base`) with the Cockpit session. */
async function getJson(path, signal, base = API) {
  let response;
  try {
    response = await fetch(base + path, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
      signal,
    });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, 'the application did not answer', path);
  }
  if (!response.ok) {
    let detail = '';
    try {
      const problem = await response.json();
      detail = problem.detail || problem.message || problem.title || '';
    } catch {
      // Not a problem document: the status says enough.
    }
    throw new ApiError(response.status, detail, path);
  }
  return response.json();
}

/** What a person should read when a call failed. */
function errorState(error, what) {
  const box = (title, text) => h('div', { class: 'alert alert-danger lifecycle-error', role: 'alert' },
    h('strong', null, title), ' ', text);
  if (error.status === 403) return box('Not for you.', FORBIDDEN_TEXT);
  if (error.status === 401) return box('Not logged in.', 'Your session has ended; reload the page and log in again.');
  if (error.status === 404) return box('Not found.', error.detail || `There is no ${what}.`);
  if (error.status === 0) return box(`Could not load ${what}:`, `${error.detail}. Try again in a moment.`);
  return box(`Could not load ${what}:`, `the server answered ${error.status}${error.detail ? ` (${error.detail})` : ''}.`);
}

// ---------------------------------------------------------------------------------------------
// Page frame: heading, tabs, and the liaison filter the portfolio and stalled work share.

const TABS = [
  { hash: ROUTE, id: 'portfolio', text: 'Portfolio' },
  { hash: `${ROUTE}/stalled`, id: 'stalled', text: 'Stalled work' },
  { hash: `${ROUTE}/programs`, id: 'programs', text: 'Programs' },
  { hash: `${ROUTE}/handoffs`, id: 'handoffs', text: 'Handoff health' },
  { hash: `${ROUTE}/versions`, id: 'versions', text: 'Versions' },
];

function frame(active, title, tabList = TABS) {
  // Links to the dashboard's pages that look like tabs: a navigation landmark with the current page
  // marked, not an ARIA tablist (whose children would have to be tabs that switch panels in place).
  const tabs = h('nav', { 'aria-label': 'Lifecycle dashboard pages' },
    h('ul', { class: 'nav nav-tabs lifecycle-tabs' },
      tabList.map((t) => h('li', { class: t.id === active ? 'active' : null },
        h('a', { href: t.hash, 'aria-current': t.id === active ? 'page' : null }, t.text)))));
  const body = h('div', { class: 'lifecycle-body' }, loadingState());
  const root = h('div', { class: 'lifecycle-dashboard' },
    h('h1', { class: 'lifecycle-title' }, title),
    active ? tabs : null,
    body);
  return { root, body };
}

function selectedLiaison() {
  try {
    return sessionStorage.getItem(LIAISON_KEY) || '';
  } catch {
    return '';
  }
}

function rememberLiaison(value) {
  try {
    if (value) sessionStorage.setItem(LIAISON_KEY, value);
    else sessionStorage.removeItem(LIAISON_KEY);
  } catch {
    // Private mode: the filter then lasts for this page only.
  }
}

/** The liaison filter: "All liaisons" and every liaison of the portfolio. */
function liaisonFilter(liaisons, current, onChange) {
  const id = `lifecycle-liaison-${Math.random().toString(36).slice(2)}`;
  const select = h('select', { id, class: 'form-control input-sm', onchange: (e) => onChange(e.target.value) },
    h('option', { value: '' }, 'All liaisons'),
    liaisons.map((l) => h('option', { value: l, selected: l === current }, l)));
  return h('div', { class: 'form-inline lifecycle-filter' },
    h('label', { for: id }, 'Liaison'), ' ', select);
}

const liaisonsOf = (communities) => [...new Set(communities.map((c) => c.liaison).filter(Boolean))].sort();

const withLiaison = (path, liaison) =>
  liaison ? `${path}${path.includes('?') ? '&' : '?'}liaison=${encodeURIComponent(liaison)}` : path;

function stat(value, text, tone) {
  return h('div', { class: `lifecycle-stat ${tone ? `lifecycle-stat-${tone}` : ''}` },
    h('div', { class: 'lifecycle-stat-value' }, value), h('div', { class: 'lifecycle-stat-label' }, text));
}

function section(title, ...children) {
  return h('section', { class: 'lifecycle-section' }, h('h2', null, title), children);
}

// ---------------------------------------------------------------------------------------------
// Pages. Each returns {node, charts} into the route's mount; charts are destroyed on unmount.

/** The portfolio: one row per community, the time-in-stage chart and a few totals. */
async function portfolioPage(mount) {
  const { root, body } = frame('portfolio', 'Lifecycle');
  mount.replaceChildren(root);
  const liaison = selectedLiaison();
  const loaded = await Promise.all([
    getJson('/portfolio', mount.signal),
    liaison ? getJson(withLiaison('/portfolio', liaison), mount.signal) : null,
  ]).catch(failed(body, 'the portfolio'));
  if (!loaded) return;
  const [all, filtered] = loaded;
  const communities = (filtered || all).communities || [];
  const rerender = (value) => {
    rememberLiaison(value);
    mount.rerender();
  };

  const totals = communities.reduce((t, c) => ({
    stalled: t.stalled + (c.milestones?.stalled || 0),
    inProgress: t.inProgress + (c.milestones?.inProgress || 0),
    escalations: t.escalations + (c.openEscalations || 0),
  }), { stalled: 0, inProgress: 0, escalations: 0 });

  const chart = h('div', { class: 'lifecycle-chart lifecycle-chart-wide' });
  fill(body, 
    h('div', { class: 'lifecycle-toolbar' },
      liaisonFilter(liaisonsOf(all.communities || []), liaison, rerender),
      h('span', { class: 'text-muted lifecycle-generated' }, `Figures of ${fmt.dateTime(all.generatedAt)}`)),
    h('div', { class: 'lifecycle-stats' },
      stat(communities.length, communities.length === 1 ? 'community' : 'communities'),
      stat(totals.inProgress, 'milestones in progress'),
      h('a', { href: `${ROUTE}/stalled`, class: 'lifecycle-stat-link' },
        stat(totals.stalled, 'milestones stalled', totals.stalled ? 'bad' : null)),
      stat(totals.escalations, 'open escalations', totals.escalations ? 'warn' : null)),
    communities.length
      ? [section('Time in stage', chart), portfolioTable(communities, liaison)]
      : emptyState(liaison ? `${liaison} is liaison of no community.` : 'There are no communities yet. '
        + 'Activators start one from Tasklist ("Community lifecycle").'));

  if (communities.length && communities.every((c) => !c.daysInStage)) {
    fill(chart, emptyState('Every community entered its current stage less than a day ago.'));
    chart.className = '';
  } else if (communities.length) {
    const sorted = [...communities].sort((a, b) => (b.daysInStage ?? 0) - (a.daysInStage ?? 0));
    chart.style.height = `${Math.max(160, 34 * sorted.length + 60)}px`;
    mount.charts.push(await draw(chart,
      `Days in the current stage per community: ${sorted.map((c) => `${c.name} ${fmt.days(c.daysInStage)}`).join(', ')}`, {
        type: 'bar',
        data: {
          labels: sorted.map((c) => c.name),
          datasets: [{
            label: 'Days in current stage',
            data: sorted.map((c) => c.daysInStage ?? 0),
            backgroundColor: sorted.map((c) => STAGE_COLOURS[c.stage] || COLOURS.grey),
          }],
        },
        options: {
          indexAxis: 'y',
          plugins: {
            legend: { display: false },
            tooltip: { callbacks: { label: (item) => `${fmt.stageName(sorted[item.dataIndex].stage)}: ${fmt.days(item.raw)}` } },
          },
          scales: { x: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'days in current stage' } } },
        },
      }));
    chart.after(stageLegend(sorted));
  }
}

/** Which colour is which stage, for the stages on the chart. */
function stageLegend(communities) {
  const stages = Object.keys(STAGE_COLOURS).filter((s) => communities.some((c) => c.stage === s));
  return h('ul', { class: 'lifecycle-legend', 'aria-hidden': 'true' }, stages.map((s) =>
    h('li', null, h('span', { class: 'lifecycle-swatch', style: `background:${STAGE_COLOURS[s]}` }), fmt.stageName(s))));
}

function portfolioTable(communities, liaison) {
  return table({
    caption: `Communities${liaison ? ` of liaison ${liaison}` : ''}: milestones of the current stage`,
    columns: ['Community', 'Stage', num('Time in stage'), num('Done'), num('In progress'), num('Stalled'),
      num('Open escalations'), 'Last activity', 'Liaison', h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Cockpit'))],
    rows: communities.map((c) => h('tr', { 'data-community': c.key },
      h('th', { scope: 'row' }, cockpitLink(communityHash(c.key), c.name),
        c.status && c.status !== 'active' ? [' ', label(c.status, 'label-warning')] : null),
      h('td', null, c.stageName || fmt.stageName(c.stage)),
      h('td', { class: 'lifecycle-number', title: c.stageEnteredAt ? `since ${fmt.dateTime(c.stageEnteredAt)}` : null },
        fmt.days(c.daysInStage)),
      number(c.milestones?.done),
      number(c.milestones?.inProgress),
      h('td', { class: 'lifecycle-number' }, c.milestones?.stalled
        ? h('a', { href: `${ROUTE}/stalled`, class: 'label label-danger' }, c.milestones.stalled) : '0'),
      h('td', { class: 'lifecycle-number' }, c.openEscalations ? label(c.openEscalations, 'label-warning') : '0'),
      h('td', null, c.lastActivityAt ? sinceWhen(c.lastActivityAt) : 'none yet'),
      h('td', null, c.liaison || fmt.NONE),
      h('td', null, instanceLink(c.processInstanceId, 'Lifecycle instance')))),
  });
}

/** Stalled work across communities: sortable, filterable by liaison, with the stall-age chart. */
async function stalledPage(mount) {
  const { root, body } = frame('stalled', 'Lifecycle');
  mount.replaceChildren(root);
  const liaison = selectedLiaison();
  const sort = mount.state.sort || { by: 'stalledFor', order: 'desc' };
  const query = withLiaison(`/stalled?sort=${sort.by}&order=${sort.order}`, liaison);
  const loaded = await Promise.all([getJson(query, mount.signal), getJson('/portfolio', mount.signal)])
    .catch(failed(body, 'the stalled work'));
  if (!loaded) return;
  const [stalled, portfolio] = loaded;
  const items = stalled.items || [];
  const resort = (by) => {
    mount.state.sort = { by, order: sort.by === by && sort.order === 'desc' ? 'asc' : 'desc' };
    mount.rerender();
  };
  const rerender = (value) => {
    rememberLiaison(value);
    mount.rerender();
  };

  const chart = h('div', { class: 'lifecycle-chart' });
  const buckets = stalled.ageBuckets || [];
  fill(body, 
    h('div', { class: 'lifecycle-toolbar' }, liaisonFilter(liaisonsOf(portfolio.communities || []), liaison, rerender)),
    section('How long work has stalled', chart),
    items.length
      ? stalledTable(items, sort, resort, liaison)
      : emptyState(`Nothing is stalled${liaison ? ` in ${liaison}'s communities` : ''}: every open delivery and review is within its due date.`));

  mount.charts.push(await draw(chart,
    `Stalled steps by how long they have stalled: ${buckets.map((b) => `${b.label} ${b.count}`).join(', ')}`, {
      type: 'bar',
      data: {
        labels: buckets.map((b) => b.label),
        datasets: [{
          label: 'Stalled steps',
          data: buckets.map((b) => b.count),
          backgroundColor: [COLOURS.orange, '#d46a1f', COLOURS.red, '#8e2a1f'],
        }],
      },
      options: {
        plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'stalled steps' } } },
      },
    }));
}

function stalledTable(items, sort, resort, liaison) {
  const sortable = (by, text, numeric) => {
    const active = sort.by === by;
    const ariaSort = active ? (sort.order === 'asc' ? 'ascending' : 'descending') : 'none';
    return h('th', { scope: 'col', 'aria-sort': ariaSort, class: numeric ? 'lifecycle-number' : null },
      h('button', { type: 'button', class: 'btn btn-link lifecycle-sort', 'data-sort': by, onclick: () => resort(by) },
        text, h('span', { class: `glyphicon ${active ? (sort.order === 'asc' ? 'glyphicon-chevron-up' : 'glyphicon-chevron-down') : 'glyphicon-sort'}`, 'aria-hidden': 'true' })));
  };
  return table({
    caption: `Stalled deliveries and reviews${liaison ? ` in ${liaison}'s communities` : ''} (${items.length}): `
      + 'open past their due date. Sort by a column heading.',
    className: 'lifecycle-stalled',
    columns: [sortable('community', 'Community'), 'Milestone', 'Step', 'Waiting on',
      sortable('stalledFor', 'Stalled for', true), sortable('dueAt', 'Due'), num('Escalations'), 'Liaison',
      h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Cockpit'))],
    rows: items.map((s) => h('tr', { 'data-milestone': s.processInstanceId },
      h('th', { scope: 'row' }, cockpitLink(communityHash(s.community), s.communityName || s.community)),
      h('td', null, cockpitLink(communityHash(s.community, s.processInstanceId), s.milestoneName || s.milestoneKey,
        'Show the milestone and its handoff timeline')),
      h('td', null, fmt.STEP_NAMES[s.step] || s.step),
      h('td', null, s.assignee || h('span', { class: 'text-muted' }, 'unassigned')),
      h('td', { class: 'lifecycle-number', title: `since ${fmt.dateTime(s.stalledSince)}` },
        s.stalledSeconds != null ? fmt.duration(s.stalledSeconds) : fmt.days(s.stalledDays)),
      h('td', null, when(s.stalledSince)),
      h('td', { class: 'lifecycle-number' }, s.escalations ? label(s.escalations, 'label-warning') : '0'),
      h('td', null, s.liaison || fmt.NONE),
      h('td', null, instanceLink(s.processInstanceId, 'Milestone instance')))),
  });
}

/** Programs: mentoring cohorts against the baseline, and ops-jam roadmap items past due. */
async function programsPage(mount) {
  const { root, body } = frame('programs', 'Lifecycle');
  mount.replaceChildren(root);
  const programs = await getJson('/programs', mount.signal).catch(failed(body, 'the programs'));
  if (!programs) return;
  const cohorts = programs.mentoringCohorts || [];
  const overdue = programs.overdueRoadmapItems || [];
  const chart = h('div', { class: 'lifecycle-chart' });

  fill(body, 
    section('Mentoring cohorts',
      cohorts.length ? [chart, table({
        caption: 'Graduation rate of each mentoring cohort against the baseline (the first cohort)',
        columns: ['Cohort', 'Status', num('Enrolled'), num('Graduated'), num('Graduation rate'), num('Baseline'), num('Against baseline'),
          'Runs', h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Cockpit'))],
        rows: cohorts.map((c) => h('tr', null,
          h('th', { scope: 'row' }, c.name || c.key),
          h('td', null, c.status || fmt.NONE),
          number(c.enrolled),
          number(c.graduated),
          h('td', { class: 'lifecycle-number' }, fmt.percent(c.graduationRate)),
          h('td', { class: 'lifecycle-number' }, fmt.percent(c.baselineRate)),
          h('td', { class: 'lifecycle-number' }, fmt.points(c.graduationRate, c.baselineRate)),
          h('td', null, when(c.startDate), ' – ', when(c.endDate)),
          h('td', null, instanceLink(c.processInstanceId, 'Cohort instance', c.status === 'running')))),
      })] : emptyState('No mentoring cohort has started yet.')),
    section('Ops-jam roadmap items past due',
      overdue.length ? table({
        caption: `Roadmap items past their due date (${overdue.length})`,
        columns: ['Item', 'Ops jam', 'Owner', 'Due', num('Overdue by'), 'Escalated',
          h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Cockpit'))],
        rows: overdue.map((i) => h('tr', null,
          h('th', { scope: 'row' }, i.title || i.itemKey),
          h('td', null, i.jamName || i.jamKey),
          h('td', null, i.owner || h('span', { class: 'text-muted' }, 'nobody')),
          h('td', null, i.dueDate ? h('time', { datetime: i.dueDate }, String(i.dueDate).slice(0, 10)) : fmt.NONE),
          h('td', { class: 'lifecycle-number' }, fmt.days(i.daysOverdue)),
          h('td', null, i.escalated ? label('escalated', 'label-warning') : 'no'),
          h('td', null, instanceLink(i.processInstanceId, 'Ops jam instance')))),
      }) : emptyState('No roadmap item is past its due date.')));

  if (cohorts.length && !cohorts.some((c) => c.graduationRate != null)) {
    fill(chart, emptyState('No cohort has finished yet: graduation rates appear when a cohort ends.'));
    chart.className = '';
  } else if (cohorts.length) {
    const asPercent = (r) => (r == null ? null : Number(r) <= 1 ? Math.round(Number(r) * 1000) / 10 : Number(r));
    mount.charts.push(await draw(chart,
      `Graduation rate against baseline: ${cohorts.map((c) => `${c.name} ${fmt.percent(c.graduationRate)} against ${fmt.percent(c.baselineRate)}`).join(', ')}`, {
        type: 'bar',
        data: {
          labels: cohorts.map((c) => c.name || c.key),
          datasets: [
            { label: 'Graduation rate', data: cohorts.map((c) => asPercent(c.graduationRate)), backgroundColor: COLOURS.blue },
            { label: 'Baseline', data: cohorts.map((c) => asPercent(c.baselineRate)), backgroundColor: COLOURS.grey },
          ],
        },
        options: {
          scales: { y: { beginAtZero: true, max: 100, title: { display: true, text: '% of enrolled who graduated' } } },
        },
      }));
  }
}

/** Handoff health: per liaison, the median time waiting on support against time with the responsible. */
async function handoffsPage(mount) {
  const { root, body } = frame('handoffs', 'Lifecycle');
  mount.replaceChildren(root);
  const health = await getJson('/handoff-health', mount.signal).catch(failed(body, 'the handoff health'));
  if (!health) return;
  const liaisons = health.liaisons || [];
  const chart = h('div', { class: 'lifecycle-chart' });
  fill(body, 
    h('p', { class: 'lifecycle-intro' }, 'Where handoffs wait: for the milestones of each liaison\'s communities, '
      + 'the median time the work sat with the responsible (delivering) and waiting on support (review, follow-up). '
      + 'Each community\'s full handoff report is on its page.'),
    liaisons.length ? [section('Median time per milestone', chart), table({
      caption: 'Handoff health per liaison (medians over milestones)',
      columns: ['Liaison', num('Communities'), num('Milestones'), num('With responsible'), num('Waiting on support')],
      rows: liaisons.map((l) => h('tr', null,
        h('th', { scope: 'row' }, l.liaison),
        number(l.communities),
        number(l.milestones),
        h('td', { class: 'lifecycle-number' }, fmt.hours(l.medianWithResponsibleHours)),
        h('td', { class: 'lifecycle-number' }, fmt.hours(l.medianWaitingOnSupportHours)))),
    })] : emptyState('No milestone has been handed over yet.'));

  if (liaisons.length) {
    // Days when the medians run long, so that the chart speaks the table's language.
    const longest = Math.max(...liaisons.flatMap((l) => [l.medianWithResponsibleHours ?? 0, l.medianWaitingOnSupportHours ?? 0]));
    const inDays = longest >= 48;
    chart.style.height = `${Math.max(150, 60 * liaisons.length + 90)}px`;
    const scale = (hoursValue) => (hoursValue == null ? 0 : inDays ? Math.round((hoursValue / 24) * 10) / 10 : hoursValue);
    mount.charts.push(await draw(chart,
      `Median hours per milestone by liaison: ${liaisons.map((l) => `${l.liaison} with responsible ${fmt.hours(l.medianWithResponsibleHours)}, waiting on support ${fmt.hours(l.medianWaitingOnSupportHours)}`).join('; ')}`, {
        type: 'bar',
        data: {
          labels: liaisons.map((l) => l.liaison),
          datasets: [
            { label: 'With responsible', data: liaisons.map((l) => scale(l.medianWithResponsibleHours)), backgroundColor: COLOURS.blue },
            { label: 'Waiting on support', data: liaisons.map((l) => scale(l.medianWaitingOnSupportHours)), backgroundColor: COLOURS.orange },
          ],
        },
        options: {
          indexAxis: 'y',
          plugins: { tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${fmt.hours(inDays ? item.raw * 24 : item.raw)}` } } },
          scales: { x: { beginAtZero: true, title: { display: true, text: inDays ? 'median days per milestone' : 'median hours per milestone' } } },
        },
      }));
  }
}

/**
 * Versions: for each process with running instances, how many run on each version of its model
 * and how many on versions before the latest, counted with the reader's own permissions. Those
 * who may migrate (designers, admins) get a link to the Tasklist process that does it. Unlike the
 * other pages its API answers anyone logged in; people outside the dashboard's groups (a designer)
 * see this page only, without the tabs of pages that would refuse them.
 */
async function versionsPage(mount) {
  const mayReadAll = mount.api ? (await dashboardAccess(mount.api)) === 'all' : true;
  if (mount.signal.aborted) return;
  const { root, body } = frame('versions', 'Lifecycle', mayReadAll ? TABS : TABS.filter((t) => t.id === 'versions'));
  mount.replaceChildren(root);
  const processes = await getJson('/versions', mount.signal, MIGRATIONS_API).catch(failed(body, 'the versions'));
  if (!processes) return;
  const older = processes.reduce((n, p) => n + (p.onOlderVersions || 0), 0);
  const behind = processes.filter((p) => p.onOlderVersions > 0).length;
  fill(body,
    h('p', { class: 'lifecycle-intro' }, 'A running instance stays on the version of the model it started with until '
      + 'it is migrated. Process designers move instances to the latest version in Tasklist ("Migrate running instances"), '
      + 'which first shows what would move and what would stay, and why.'),
    h('div', { class: 'lifecycle-stats' },
      stat(processes.length, processes.length === 1 ? 'process with running instances' : 'processes with running instances'),
      stat(older, older === 1 ? 'instance on an older version' : 'instances on older versions', older ? 'warn' : null),
      stat(behind, behind === 1 ? 'process to migrate' : 'processes to migrate')),
    processes.length
      ? versionsTable(processes)
      : emptyState('No process has running instances that you may see.'));
}

function versionsTable(processes) {
  return table({
    caption: 'Running instances per process and version (counted with your permissions)',
    className: 'lifecycle-versions',
    columns: ['Process', 'Key', num('Latest version'), 'Running per version', num('On older versions'),
      h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Migration'))],
    rows: processes.map((p) => h('tr', { 'data-process-key': p.processKey },
      h('th', { scope: 'row' }, p.processName || p.processKey),
      h('td', null, h('code', null, p.processKey)),
      h('td', { class: 'lifecycle-number' }, `v${p.latestVersion}`),
      h('td', { class: 'lifecycle-running-versions' }, fmt.versionCounts(p.versions)),
      h('td', { class: 'lifecycle-number' }, p.onOlderVersions ? label(p.onOlderVersions, 'label-warning') : '0'),
      h('td', null, p.mayMigrate && p.onOlderVersions > 0
        ? h('a', { href: MIGRATE_IN_TASKLIST, class: 'lifecycle-migrate', 'aria-label': `Migrate in Tasklist: ${p.processName || p.processKey}` },
          'Migrate in Tasklist')
        : null))),
  });
}

/** One community: its milestones with their handoff timelines, its conversion funnel and its contribution sources. */
async function communityPage(mount) {
  const key = decodeURIComponent(/#\/lifecycle\/communities\/([^/?]+)/.exec(window.location.hash)?.[1] || '');
  const focus = new URLSearchParams(window.location.hash.split('?')[1] || '').get('milestone');
  const { root, body } = frame(null, 'Community');
  const title = root.querySelector('h1');
  title.before(h('ol', { class: 'breadcrumb lifecycle-breadcrumb' },
    h('li', null, h('a', { href: ROUTE }, 'Lifecycle')),
    h('li', { class: 'active', 'aria-current': 'page' }, key)));
  mount.replaceChildren(root);
  const detail = await getJson(`/communities/${encodeURIComponent(key)}`, mount.signal)
    .catch(failed(body, `the community '${key}'`));
  if (!detail) return;
  const c = detail.community || {};
  title.textContent = c.name || key;
  root.querySelector('.breadcrumb .active').textContent = c.name || key;
  const milestones = detail.milestones || [];
  const funnelChart = h('div', { class: 'lifecycle-chart' });
  const conversionChart = h('div', { class: 'lifecycle-chart' });
  const report = `${API}/communities/${encodeURIComponent(key)}/handoffs`;

  fill(body, 
    h('dl', { class: 'lifecycle-facts' },
      fact('Stage', c.stageName || fmt.stageName(c.stage)),
      fact('Time in stage', h('span', { title: c.stageEnteredAt ? `since ${fmt.dateTime(c.stageEnteredAt)}` : null }, fmt.days(c.daysInStage))),
      fact('Status', c.status || fmt.NONE),
      fact('Activator', c.activator || fmt.NONE),
      fact('Liaison', c.liaison || fmt.NONE),
      fact('Last activity', c.lastActivityAt ? sinceWhen(c.lastActivityAt) : 'none yet')),
    h('p', { class: 'lifecycle-actions' },
      instanceLink(c.processInstanceId, 'Open the lifecycle instance in Cockpit'),
      c.processInstanceId ? ' · ' : null,
      h('a', { href: `${report}.csv`, download: `${key}-handoffs.csv` }, 'Download handoff report (CSV)'),
      ' · ',
      h('a', { href: `${report}.json`, download: `${key}-handoffs.json` }, 'Download handoff report (JSON)')),
    section('Milestones and their handoffs',
      milestones.length ? milestoneTable(milestones, focus) : emptyState('No milestone has started in this community yet.')),
    section('Contributor funnel', funnelSection(detail.funnel, funnelChart, conversionChart)),
    section('Sources', (detail.sources || []).length ? sourceTable(detail.sources)
      : emptyState('No sources yet: add one in Tasklist with \'Add a contribution source\'.')));

  const focused = focus && body.querySelector(`tr[data-milestone="${CSS.escape(focus)}"]`);
  if (focused) focused.scrollIntoView({ block: 'center' });

  const funnel = detail.funnel;
  if (funnel) {
    mount.charts.push(await draw(funnelChart,
      `Contributors by tier: ${funnel.casual} casual, ${funnel.active} active, ${funnel.core} core`, {
        type: 'bar',
        data: {
          labels: ['Casual', 'Active', 'Core'],
          datasets: [{
            label: 'Contributors',
            data: [funnel.casual ?? 0, funnel.active ?? 0, funnel.core ?? 0],
            backgroundColor: [COLOURS.lightBlue, COLOURS.blue, COLOURS.purple],
          }],
        },
        options: {
          indexAxis: 'y',
          plugins: { legend: { display: false } },
          scales: { x: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'contributors' } } },
        },
      }));
    const conversions = funnel.conversions || [];
    if (conversions.length) {
      mount.charts.push(await draw(conversionChart,
        `Conversions per month: ${conversions.map((m) => `${m.month} ${m.toCasual} to casual, ${m.toActive} to active, ${m.toCore} to core`).join('; ')}`, {
          type: 'bar',
          data: {
            labels: conversions.map((m) => m.month),
            datasets: [
              { label: 'To casual', data: conversions.map((m) => m.toCasual), backgroundColor: COLOURS.lightBlue },
              { label: 'To active', data: conversions.map((m) => m.toActive), backgroundColor: COLOURS.blue },
              { label: 'To core', data: conversions.map((m) => m.toCore), backgroundColor: COLOURS.purple },
            ],
          },
          options: {
            scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'contributors who moved up' } } },
          },
        }));
    }
  }
}

function fact(term, value) {
  return h('div', { class: 'lifecycle-fact' }, h('dt', null, term), h('dd', null, value));
}

/** The milestones, each with a button that shows its handoff timeline; the focused one is open. */
function milestoneTable(milestones, focus) {
  const columns = ['Milestone', 'Status', 'Responsible', 'Support', num('With responsible'), num('Waiting on support'),
    'Share waiting', num('Review rounds'), num('Escalations'), num('Stalled for'), h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Timeline and Cockpit'))];
  const rows = [];
  for (const m of milestones) {
    const open = m.processInstanceId === focus;
    const timelineId = `lifecycle-timeline-${m.processInstanceId}`;
    const timelineRow = h('tr', { class: 'lifecycle-timeline-row', id: timelineId, hidden: !open },
      h('td', { colspan: columns.length }, timeline(m)));
    const toggle = h('button', {
      type: 'button', class: 'btn btn-default btn-xs', 'aria-expanded': String(open), 'aria-controls': timelineId,
      onclick: (e) => {
        const expanded = e.currentTarget.getAttribute('aria-expanded') === 'true';
        e.currentTarget.setAttribute('aria-expanded', String(!expanded));
        e.currentTarget.textContent = expanded ? 'Timeline' : 'Hide timeline';
        timelineRow.hidden = expanded;
      },
    }, open ? 'Hide timeline' : 'Timeline');
    const running = m.status === 'in-progress' || m.status === 'stalled';
    rows.push(h('tr', { 'data-milestone': m.processInstanceId, class: open ? 'lifecycle-focus' : null },
      h('th', { scope: 'row' }, m.name || m.key, h('div', { class: 'text-muted small' }, fmt.stageName(m.stage))),
      h('td', null, statusLabel(m.status)),
      h('td', null, m.responsible || fmt.NONE),
      h('td', null, m.support || fmt.NONE),
      h('td', { class: 'lifecycle-number' }, fmt.duration(m.timeWithResponsibleSeconds)),
      h('td', { class: 'lifecycle-number' }, fmt.duration(m.timeWaitingOnSupportSeconds)),
      h('td', null, split(m.timeWithResponsibleSeconds, m.timeWaitingOnSupportSeconds)),
      number(m.reviewRounds),
      h('td', { class: 'lifecycle-number' }, m.escalations ? label(m.escalations, 'label-warning') : '0'),
      h('td', { class: 'lifecycle-number', title: m.stalledSince ? `since ${fmt.dateTime(m.stalledSince)}` : null },
        m.stalledSince ? h('span', { class: 'text-danger' }, fmt.days(m.stalledDays)) : fmt.NONE),
      h('td', { class: 'lifecycle-row-actions' }, toggle, ' ',
        instanceLink(m.processInstanceId, 'Cockpit', running, `Open the instance of "${m.name || m.key}" in Cockpit`))));
    rows.push(timelineRow);
  }
  return table({
    caption: 'Every milestone of the community, with who held the work and for how long (the bar: blue with the responsible, orange waiting on support)',
    columns,
    rows,
    className: 'lifecycle-milestones',
    // Each milestone row has a (mostly hidden) timeline row after it, which would upset the stripes.
    striped: false,
  });
}

/**
 * The share of the milestone's time spent waiting on support, as a figure and a thin bar: with
 * the responsible in blue, waiting on support in orange.
 */
function split(withResponsible, waiting) {
  const a = Number(withResponsible) || 0;
  const b = Number(waiting) || 0;
  if (a + b === 0) return fmt.NONE;
  const share = Math.round((b / (a + b)) * 100);
  return h('div', { class: 'lifecycle-share', title: `${100 - share} % with the responsible, ${share} % waiting on support` },
    h('span', { class: 'lifecycle-share-value' }, `${share} %`),
    h('span', { class: 'lifecycle-split', 'aria-hidden': 'true' },
      h('span', { class: 'lifecycle-split-responsible', style: `width:${100 - share}%` }),
      h('span', { class: 'lifecycle-split-support', style: `width:${share}%` })));
}

/** The handoff timeline of one milestone: each deliver, review, follow-up and escalation step. */
function timeline(m) {
  const steps = m.timeline || [];
  if (!steps.length) return emptyState('No step of this milestone has started.');
  return table({
    caption: `Handoff timeline of "${m.name || m.key}"`,
    className: 'lifecycle-timeline',
    columns: ['Step', 'Task', 'Assignee', 'Started', 'Ended', num('Took')],
    rows: steps.map((s) => h('tr', { class: `lifecycle-step-${s.step}` },
      h('th', { scope: 'row' }, fmt.STEP_NAMES[s.step] || s.step),
      h('td', null, s.taskName || fmt.NONE),
      h('td', null, s.assignee || h('span', { class: 'text-muted' }, 'unassigned')),
      h('td', null, h('time', { datetime: s.startedAt, title: fmt.dateTime(s.startedAt) }, fmt.date(s.startedAt))),
      h('td', null, s.endedAt ? h('time', { datetime: s.endedAt, title: fmt.dateTime(s.endedAt) }, fmt.date(s.endedAt))
        : label('open', 'label-info')),
      h('td', { class: 'lifecycle-number' }, fmt.duration(s.durationSeconds)))),
  });
}

/** The funnel chart beside the stage's exit target, and conversions over time. */
function funnelSection(funnel, funnelChart, conversionChart) {
  if (!funnel) return emptyState('No contributor figures for this community.');
  const target = funnel.exitTarget;
  let verdict;
  if (!target || target.met == null) verdict = label('no exit target', 'label-default');
  else verdict = target.met ? label('exit target met', 'label-success') : label('exit target not met yet', 'label-warning');
  const figures = Object.entries(target?.figures || {});
  return h('div', { class: 'lifecycle-funnel' },
    h('div', { class: 'lifecycle-funnel-chart' }, funnelChart),
    h('div', { class: 'lifecycle-exit-target' },
      h('h3', null, `Exit target${target?.stage ? ` of ${fmt.stageName(target.stage)}` : ''} `, verdict),
      target?.summary ? h('p', null, target.summary) : null,
      figures.length ? table({
        caption: 'Figures the exit decision looks at',
        columns: ['Figure', num('Value')],
        rows: figures.map(([name, value]) => h('tr', null, h('th', { scope: 'row', title: name }, fmt.words(name)),
          h('td', { class: 'lifecycle-number' }, typeof value === 'boolean' ? (value ? 'yes' : 'no') : value ?? fmt.NONE))),
      }) : null),
    h('div', { class: 'lifecycle-conversions' },
      h('h3', null, 'Conversions over time'),
      (funnel.conversions || []).length ? conversionChart : emptyState('No contributor has moved up a tier yet.')));
}

/**
 * The community's contribution sources: what each follows, how its last sync went (a failing one
 * marked, with a link to its sync instance, where the incident is) and what it has brought.
 */
function sourceTable(sources) {
  return table({
    caption: `Where the community's contributions come from (${sources.length}), and how each last synced`,
    className: 'lifecycle-sources',
    columns: ['Source', 'Kind', 'Follows', 'Last sync', 'Status', num('Added by the last sync'), 'Contributed'],
    rows: sources.map((s) => {
      const failing = s.status === 'failing';
      const status = fmt.SOURCE_STATUS[s.status] || { text: s.status || fmt.NONE, label: 'label-default' };
      const follows = fmt.follows(s.settings);
      return h('tr', { 'data-source': s.id, class: failing ? 'lifecycle-source-failing' : null },
        h('th', { scope: 'row' }, s.name),
        h('td', null, s.kindLabel || s.kind || fmt.NONE),
        h('td', null, follows.length
          ? follows.map(([name, value]) => h('div', null, h('span', { class: 'text-muted' }, `${name}: `), value))
          : fmt.NONE),
        h('td', null, s.lastSyncAt ? when(s.lastSyncAt) : h('span', { class: 'text-muted' }, 'not yet'),
          s.syncing && !failing ? [' ', label('syncing', 'label-info')] : null),
        h('td', { class: 'lifecycle-source-status' }, label(status.text, status.label),
          s.message ? h('div', { class: `small ${failing ? 'text-danger' : 'text-muted'}` }, s.message) : null,
          failing ? instanceLink(s.processInstanceId, 'See the incident in Cockpit', true,
            `Open the sync of "${s.name}" in Cockpit, where its incident is`) : null),
        number(s.lastSyncAdded),
        h('td', null, fmt.contributed(s.contributions, s.contributors)));
    }),
  });
}

/** Shows the error in place of the page body; the page then stops (the promise gives undefined). */
function failed(body, what) {
  return (error) => {
    if (error.name === 'AbortError') return undefined;
    fill(body, errorState(error, what));
    return undefined;
  };
}

// ---------------------------------------------------------------------------------------------
// Styles: a few additions to Cockpit's Bootstrap, scoped to the dashboard.

const STYLES = `
.lifecycle-dashboard { padding: 15px 25px 40px; position: absolute; top: 0; bottom: 0; left: 0; right: 0; overflow-y: auto; background: #fff; }
.lifecycle-title { font-size: 22px; margin: 6px 0 14px; }
.lifecycle-breadcrumb { background: none; padding: 0; margin: 0; }
.lifecycle-tabs { margin-bottom: 15px; }
.lifecycle-toolbar { display: flex; align-items: center; justify-content: space-between; margin-bottom: 12px; }
.lifecycle-filter label { margin-right: 6px; }
.lifecycle-generated { font-size: 12px; }
.lifecycle-stats { display: flex; gap: 12px; margin-bottom: 18px; flex-wrap: wrap; }
.lifecycle-stat { border: 1px solid #ddd; border-radius: 3px; padding: 8px 16px; min-width: 150px; }
.lifecycle-stat-value { font-size: 24px; font-weight: 600; }
.lifecycle-stat-label { color: #666; }
.lifecycle-stat-bad .lifecycle-stat-value { color: ${COLOURS.red}; }
.lifecycle-stat-warn .lifecycle-stat-value { color: #b36b00; }
.lifecycle-stat-link, .lifecycle-stat-link:hover { color: inherit; text-decoration: none; }
.lifecycle-stat-link .lifecycle-stat:hover { border-color: #999; }
.lifecycle-section { margin-bottom: 24px; }
.lifecycle-section h2 { font-size: 17px; margin: 10px 0; }
.lifecycle-chart { position: relative; height: 240px; max-width: 720px; }
.lifecycle-chart-wide { max-width: 960px; }
.lifecycle-legend { list-style: none; padding: 0; margin: 6px 0 0; display: flex; gap: 16px; flex-wrap: wrap; font-size: 12px; }
.lifecycle-swatch { display: inline-block; width: 12px; height: 12px; margin-right: 5px; vertical-align: -1px; border-radius: 2px; }
.lifecycle-table caption { text-align: left; color: #333; font-weight: 600; padding: 6px 0; caption-side: top; }
.lifecycle-table .lifecycle-number { text-align: right; white-space: nowrap; }
.lifecycle-table thead th { white-space: nowrap; }
.lifecycle-table th[scope=row] { font-weight: normal; }
.lifecycle-table th[scope=row] a { font-weight: 600; }
.lifecycle-sort { padding: 0; font-weight: bold; color: inherit; }
.lifecycle-sort .glyphicon { margin-left: 4px; font-size: 10px; color: #888; }
.lifecycle-empty { padding: 18px; border: 1px dashed #ccc; border-radius: 3px; background: #fafafa; }
.lifecycle-loading { padding: 18px; color: #666; }
.lifecycle-facts { display: flex; flex-wrap: wrap; gap: 10px 32px; margin-bottom: 10px; }
.lifecycle-fact dt { font-weight: normal; color: #666; font-size: 12px; }
.lifecycle-fact dd { font-size: 15px; }
.lifecycle-actions { margin-bottom: 18px; }
/* Cockpit's tables shade odd rows; with a timeline row after each milestone, that would shade them all. */
.lifecycle-milestones > tbody > tr > th, .lifecycle-milestones > tbody > tr > td { background: #fff; }
.lifecycle-focus > th, .lifecycle-focus > td { background: #fff4d6 !important; }
.lifecycle-timeline-row > td { background: #f7f9fc !important; padding: 6px 20px 12px !important; }
.lifecycle-timeline { margin: 0; background: #fff; }
.lifecycle-timeline caption { font-weight: normal; color: #555; }
.lifecycle-row-actions { white-space: nowrap; }
.lifecycle-share { display: flex; align-items: center; gap: 8px; white-space: nowrap; }
.lifecycle-share-value { min-width: 36px; text-align: right; }
.lifecycle-split { display: inline-flex; width: 80px; height: 8px; border-radius: 2px; overflow: hidden; background: #eee; }
.lifecycle-split-responsible { background: ${COLOURS.blue}; }
.lifecycle-split-support { background: ${COLOURS.orange}; }
.lifecycle-funnel { display: grid; grid-template-columns: minmax(280px, 1fr) minmax(260px, 1fr); gap: 16px 32px; max-width: 1100px; }
.lifecycle-funnel-chart .lifecycle-chart { height: 180px; }
.lifecycle-exit-target h3, .lifecycle-conversions h3 { font-size: 15px; margin: 4px 0 8px; }
.lifecycle-conversions { grid-column: 1 / -1; }
.lifecycle-intro { max-width: 760px; }
.lifecycle-versions code { color: inherit; background: none; padding: 0; }
.lifecycle-running-versions { white-space: nowrap; }
/* A failing source: a red bar at the row's start besides its label, so it is not told by colour alone. */
.lifecycle-source-failing > th:first-child { box-shadow: inset 4px 0 0 #b52b27; padding-left: 10px; }
.lifecycle-source-status .small { margin-top: 3px; max-width: 360px; }
.lifecycle-source-status a { display: inline-block; margin-top: 3px; }
/* Bootstrap's greys and label colours fall short of WCAG AA contrast (4.5:1) for text this small:
   muted text and the current breadcrumb are darker here, and so are the labels' backgrounds; the
   warning label is dark text on amber, as white on amber cannot reach 4.5:1. */
.lifecycle-dashboard .text-muted, .lifecycle-dashboard .lifecycle-breadcrumb > .active { color: #595959; }
.lifecycle-dashboard .label-default { background-color: #595959; }
.lifecycle-dashboard .label-primary { background-color: #1f5f99; }
.lifecycle-dashboard .label-success { background-color: #2d6a2d; }
.lifecycle-dashboard .label-info { background-color: #1b6a85; }
.lifecycle-dashboard .label-warning { background-color: #f0ad4e; color: #1b1b1b; }
.lifecycle-dashboard .label-danger { background-color: #b52b27; }
.lifecycle-dashboard a.label-danger:hover, .lifecycle-dashboard a.label-danger:focus { background-color: #8f1f1c; color: #fff; }
`;

function addStyles() {
  if (document.getElementById('lifecycle-dashboard-styles')) return;
  document.head.appendChild(h('style', { id: 'lifecycle-dashboard-styles' }, STYLES));
}

// ---------------------------------------------------------------------------------------------
// Plugins.

/**
 * Mounts a page into the node Cockpit gives a route: keeps its charts and an abort signal, so
 * that leaving the page stops its requests and frees its charts, and lets it render itself again
 * (after a filter or sort change) with the state it keeps.
 */
function routePage(id, path, page) {
  let mount = null;
  const stop = () => {
    if (!mount) return;
    mount.controller.abort();
    mount.charts.forEach((c) => c && c.destroy());
    mount.charts = [];
  };
  return {
    id,
    pluginPoint: 'cockpit.route',
    priority: 0,
    properties: { path },
    render(node, { api } = {}) {
      addStyles();
      const state = {};
      const start = () => {
        stop();
        const controller = new AbortController();
        mount = {
          controller,
          signal: controller.signal,
          charts: [],
          state,
          api,
          replaceChildren: (...children) => node.replaceChildren(...children),
          rerender: start,
        };
        page(mount).catch((e) => {
          if (e.name !== 'AbortError') {
            console.error('lifecycle dashboard', e);
            node.replaceChildren(errorState(e instanceof ApiError ? e : new ApiError(-1, e.message), 'this page'));
          }
        });
      };
      start();
    },
    unmount() {
      stop();
      mount = null;
    },
  };
}

const navigation = {
  id: 'lifecycle-navigation',
  pluginPoint: 'cockpit.navigation',
  // Priority >= 0 puts the link in the header next to Processes and Decisions, not under "More".
  priority: 5,
  properties: {
    label: 'Lifecycle',
    path: 'lifecycle',
    pagePath: ROUTE,
    checkActive: (url) => url.includes(ROUTE),
  },
  render(node, { api }) {
    const link = h('a', { href: ROUTE, class: 'lifecycle-nav' }, 'Lifecycle');
    node.replaceChildren(link);
    // People outside the dashboard's groups would only find the "not for you" message behind the
    // link: process designers get the Versions page, the one page for them; others lose the link.
    // The API decides in the end: when this check fails, the link stays.
    dashboardAccess(api).then((access) => {
      if (access === 'versions') link.setAttribute('href', `${ROUTE}/versions`);
      // Cockpit's header styles its items' display, which would override a hidden attribute.
      if (access === 'none') (node.closest('li') || node).style.display = 'none';
    });
  },
};

/** The groups that may read the dashboard API (community.CommunityDirectory.PORTFOLIO_GROUPS). */
const DASHBOARD_GROUPS = ['cbt-liaisons', 'community-leads', 'camunda-admin'];

/** The groups that migrate running instances: the Versions page is theirs too. */
const VERSIONS_GROUPS = ['process-designers'];

/** What the logged-in user may open: 'all' the dashboard, only its 'versions' page, or 'none'; 'all' when unsure. */
async function dashboardAccess(api) {
  try {
    const json = async (url) => {
      const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error(`${response.status}`);
      return response.json();
    };
    const user = await json(`${api.adminApi}/auth/user/${encodeURIComponent(api.engine)}`);
    const groups = await json(`${api.engineApi}/group?member=${encodeURIComponent(user.userId)}`);
    if (groups.some((g) => DASHBOARD_GROUPS.includes(g.id))) return 'all';
    return groups.some((g) => VERSIONS_GROUPS.includes(g.id)) ? 'versions' : 'none';
  } catch {
    return 'all';
  }
}

export default [
  navigation,
  routePage('lifecycle-portfolio', '/lifecycle', portfolioPage),
  routePage('lifecycle-stalled', '/lifecycle/stalled', stalledPage),
  routePage('lifecycle-programs', '/lifecycle/programs', programsPage),
  routePage('lifecycle-handoffs', '/lifecycle/handoffs', handoffsPage),
  routePage('lifecycle-versions', '/lifecycle/versions', versionsPage),
  routePage('lifecycle-community', '/lifecycle/communities/:key', communityPage),
];
