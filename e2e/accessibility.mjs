// Accessibility check with axe-core of what this project draws: the public alumni and mail pages,
// the lifecycle dashboard in Cockpit (our plugin only) and our Camunda Forms as Tasklist renders them.
//
//   cd e2e && npm ci && npm run accessibility                      # against ./mvnw spring-boot:run (port 8080)
//   BASE_URL=http://127.0.0.1:18201 npm run -s accessibility         # against another instance
//
// Each page (or part of a page) is one step. A step fails when axe reports a violation of impact
// "serious" or "critical": each is listed with its rule id, its help text and the nodes it found.
// Moderate and minor findings are printed as warnings and do not fail the run. All findings also go
// to screenshots/accessibility/axe-results.json, beside a screenshot of every page checked.
//
// The run starts with a self-test: it breaks an alumni page in the browser (a field loses its label,
// text loses its contrast) and expects axe to report both, so that a check that sees nothing cannot
// pass unnoticed. The run fails when the self-test does.
//
// Runs against a demo database (profile "demo"). It starts an alumni cohort of its own through the
// REST API (as hana), answers one invitation, withdraws that answer again and unsubscribes a user
// who does not exist from mail; nothing else changes, so it can be repeated. Exit code 1 when any
// step failed. Uses playwright-core with the system Chromium (CHROMIUM env to override).

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { BASE_URL, PASSWORD, createRun, launchChromium, slug } from './support.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SHOTS = path.join(HERE, 'screenshots', 'accessibility');
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TASKLIST = `${BASE_URL}/camunda/app/tasklist/default/`;
const COCKPIT = `${BASE_URL}/camunda/app/cockpit/default/`;
const RUN = Date.now().toString(36).slice(-5);
// The demo profile's key for unsubscribe links (application-demo.yaml); MAIL_UNSUBSCRIBE_SECRET
// when the app under test was started with another one.
const UNSUBSCRIBE_SECRET = process.env.MAIL_UNSUBSCRIBE_SECRET || 'demo-unsubscribe-secret-not-for-production';
/** Impacts that fail the run; the others are warnings. */
const FAILING = new Set(['serious', 'critical']);

let page;
const { log, shot, settle, login, newPage, step, finish } = createRun({
  shots: SHOTS,
  page: () => page,
  noise: [
    [/\/camunda\/api\/admin\/auth\/user\/default$/, 404, 'session probe while logged out'],
    [/\/camunda-welcome$/, 404, 'login page first-visit probe'],
    [/^\/alumni\/feedback\//, 400, 'the empty answer sent on purpose'],
    [/^\/alumni\/(feedback|withdraw)\//, 404, 'the made-up link opened on purpose'],
    [/^\/alumni\/(feedback|withdraw)\//, 410, 'the used link opened again on purpose'],
    [/^\/alumni\/[a-z0-9-]+$/, 404, 'the unknown hub opened on purpose'],
    [/^\/mail\/unsubscribe$/, 400, 'the made-up unsubscribe link opened on purpose'],
    [/^\/api\/dashboard\/communities\//, 404, 'the unknown community opened on purpose'],
  ],
  noiseLabel: 'expected',
  settleMs: 400,
  idleTimeout: 5_000,
});
function check(condition, message) {
  if (!condition) throw new Error(message);
}

// ---------------------------------------------------------------------------------------------
// axe.

const results = [];

/**
 * Runs axe-core on `context` (the document, or {include: [selectors]}) of the page and returns its
 * violations, split into those that fail the run and the warnings.
 */
async function axe(p, context = undefined) {
  if (!(await p.evaluate(() => Boolean(window.axe)))) await p.addScriptTag({ content: AXE_SOURCE });
  const violations = await p.evaluate(async (ctx) => {
    const result = await window.axe.run(ctx ?? document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), impact: n.impact, summary: n.failureSummary })),
    }));
  }, context ?? null);
  return {
    failing: violations.filter((v) => FAILING.has(v.impact)),
    warnings: violations.filter((v) => !FAILING.has(v.impact)),
  };
}

const describe = (v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `      - ${n.target}${n.summary ? `\n        ${n.summary.replace(/\n\s*/g, ' / ')}` : ''}`).join('\n')}`;

/**
 * Checks one page or part of it: a screenshot, then axe. Prints warnings; throws, listing them,
 * when there are serious or critical violations.
 */
async function audit(name, context, { screenshot = {} } = {}) {
  await shot(page, slug(name), screenshot);
  // A scope that matches nothing would pass with nothing checked.
  const selectors = context?.include?.map((s) => s[0]) ?? ['html'];
  const elements = await page.evaluate((sels) => sels.reduce((n, s) => n + document.querySelectorAll(`${s}, ${s} *`).length, 0), selectors);
  check(elements > 1, `nothing to check: ${selectors.join(', ')} matches no element`);
  const { failing, warnings } = await axe(page, context);
  results.push({ page: name, url: page.url(), scope: context ?? 'document', failing, warnings });
  fs.writeFileSync(path.join(SHOTS, 'axe-results.json'), `${JSON.stringify(results, null, 2)}\n`);
  for (const w of warnings) {
    console.log(`  warning [${name}] ${describe(w)}`);
    log(`warning ${describe(w)}`);
  }
  if (failing.length) {
    for (const v of failing) {
      console.log(`  VIOLATION [${name}] ${describe(v)}`);
      log(`violation ${describe(v)}`);
    }
    throw new Error(`${failing.length} serious or critical: ${failing.map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`).join(', ')}`);
  }
  return `${elements} elements, no serious or critical violation${warnings.length ? `; warnings: ${warnings.map((w) => `${w.id} (${w.impact})`).join(', ')}` : ''}`;
}

// ---------------------------------------------------------------------------------------------
// The REST API, for what a person would otherwise click through first.

const basic = (user) => ({ Authorization: `Basic ${Buffer.from(`${user}:${PASSWORD}`).toString('base64')}` });

async function rest(user, pathAndQuery, { method = 'GET', body } = {}) {
  const response = await fetch(`${BASE_URL}/engine-rest${pathAndQuery}`, {
    method,
    headers: { ...basic(user), Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${pathAndQuery} as ${user}: HTTP ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

/** The first open task of `taskDefinitionKey` that `user` may work on (assigned or as a candidate). */
async function taskFor(user, taskDefinitionKey) {
  const q = (extra) => rest('admin', `/task?taskDefinitionKey=${taskDefinitionKey}&${extra}&sortBy=created&sortOrder=asc`);
  const [task] = [...await q(`assignee=${user}`), ...await q(`candidateUser=${user}`)];
  if (!task) throw new Error(`no open "${taskDefinitionKey}" task for ${user}`);
  return task;
}

/** A signed unsubscribe token, as UnsubscribeTokens.issue makes it. */
function unsubscribeToken(userId, kind) {
  const payload = Buffer.from(`${kind}:${userId}`).toString('base64url');
  const mac = crypto.createHmac('sha256', UNSUBSCRIBE_SECRET).update(`unsubscribe|${payload}`).digest('base64url');
  return `${payload}.${mac}`;
}

// ---------------------------------------------------------------------------------------------
// Steps.

const browser = await launchChromium();
// bypassCSP: the app's Content-Security-Policy would refuse the inline script that brings axe.
({ page } = await newPage(browser, { bypassCSP: true, viewport: { width: 1000, height: 1000 } }));
log(`BASE_URL=${BASE_URL}`);

// One alumni cohort of this run, started as hana would in Tasklist: its residency ended yesterday,
// so the invitations are issued at once and their links are in the process variables.
const HUB = `Axe Hub ${RUN}`;
const COHORT = 'Accessibility residency';
let feedbackLinks = [];

await step('0 set-up: hana lists a cohort whose residency ended yesterday', async () => {
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const instance = await rest('hana', '/process-definition/key/alumni-network/start', {
    method: 'POST',
    body: {
      variables: {
        hubName: { value: HUB },
        cohortName: { value: COHORT },
        residencyEndDate: { value: yesterday },
        residents: { value: `Ada Quill, ada.${RUN}@example.org\nBo Reyes, bo.${RUN}@example.org\nCy Tan, cy.${RUN}@example.org` },
      },
    },
  });
  for (let i = 0; i < 20 && feedbackLinks.length < 3; i += 1) {
    const jobs = await rest('admin', `/job?processInstanceId=${instance.id}&activityId=Timer_ResidencyEnded`);
    if (jobs.length) await rest('admin', `/job/${jobs[0].id}/execute`, { method: 'POST' }).catch(() => {});
    const links = await rest('admin', `/process-instance/${instance.id}/variables/invitationLinks`).catch(() => null);
    feedbackLinks = (links?.value ?? '').split('\n').filter(Boolean).map((l) => `${BASE_URL}/alumni/feedback/${l.slice(l.lastIndexOf('/') + 1)}`);
    if (feedbackLinks.length < 3) await new Promise((r) => setTimeout(r, 500));
  }
  check(feedbackLinks.length === 3, `three invitation links, got ${feedbackLinks.length}`);
  return `cohort ${instance.businessKey}, ${feedbackLinks.length} links`;
});

await step('0 self-test: axe finds a missing label and poor contrast on a broken alumni page', async () => {
  await page.goto(feedbackLinks[2]);
  await page.locator('textarea#upTo').waitFor();
  // A copy of the page, broken in the browser: the text field loses its label, the hints their contrast.
  await page.evaluate(() => {
    document.querySelector('label[for="upTo"]').remove();
    const style = document.createElement('style');
    style.textContent = '.hint { color: #c8c8c8 !important; }';
    document.head.append(style);
  });
  const { failing } = await axe(page);
  await shot(page, 'self-test-broken-page');
  const found = failing.map((v) => v.id);
  log(`self-test found: ${failing.map(describe).join('\n')}`);
  check(failing.some((v) => v.id === 'label' && v.nodes.some((n) => n.target.includes('#upTo'))),
    `no "label" violation on #upTo; axe reported [${found.join(', ')}]`);
  check(failing.some((v) => v.id === 'color-contrast' && v.nodes.some((n) => n.target.includes('hint'))),
    `no "color-contrast" violation on the hints; axe reported [${found.join(', ')}]`);
  return `the broken copy fails as it should: ${failing.map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`).join(', ')}`;
});

// -- The public pages: the whole document each time, since all of it is ours.

const full = { screenshot: { fullPage: true } };
let withdrawal = '';

await step('1 alumni: the alumni page', async () => {
  await page.goto(`${BASE_URL}/alumni`);
  return audit('alumni page', undefined, full);
});

await step('2 alumni: an unknown hub (404 message)', async () => {
  const response = await page.goto(`${BASE_URL}/alumni/no-such-hub-${RUN}`);
  check(response.status() === 404, `404, not ${response.status()}`);
  return audit('unknown hub', undefined, full);
});

await step('3 alumni: the feedback form', async () => {
  await page.goto(feedbackLinks[0]);
  await page.locator('form textarea#upTo').waitFor();
  return audit('feedback form', undefined, full);
});

await step('4 alumni: the feedback form with its error summary, sent empty', async () => {
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await page.locator('.error-summary').waitFor();
  check((await page.locator('.field-error').count()) === 1, 'the question in error is marked');
  return audit('feedback form errors empty', undefined, full);
});

await step('4b alumni: the feedback form with an error on every field', async () => {
  // "No" to storing, yet yes to contact and listing and a text: each of those three is refused.
  await page.getByLabel('No, do not keep anything about me').check();
  await page.getByLabel('Yes, you may contact me').check();
  await page.getByLabel('Yes, list me').check();
  await page.getByLabel(/What are you up to/).fill('Something we may not keep');
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await page.locator('#upTo-error').waitFor();
  check((await page.locator('.field-error').count()) === 3, 'contact, list and the text are marked');
  return audit('feedback form errors every field', undefined, full);
});

await step('5 alumni: the thank-you page with the withdrawal link', async () => {
  await page.getByLabel('Yes, store my details').check();
  await page.getByLabel('Yes, you may contact me').check();
  await page.getByLabel('Yes, list me').check();
  await page.getByLabel(/What are you up to/).fill('Checking pages with a screen reader');
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await page.getByRole('heading', { name: 'Thank you' }).waitFor();
  withdrawal = (await page.locator('.link a').getAttribute('href')).replace(/^https?:\/\/[^/]+/, BASE_URL);
  return audit('thanks joined', undefined, full);
});

await step('6 alumni: the thank-you page of someone who said no', async () => {
  await page.goto(feedbackLinks[1]);
  await page.getByLabel('No, do not keep anything about me').check();
  await page.getByLabel('No', { exact: true }).first().check();
  await page.getByLabel('No', { exact: true }).last().check();
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await page.getByRole('heading', { name: 'Thank you' }).waitFor();
  return audit('thanks declined', undefined, full);
});

await step('7 alumni: a used link (410 message)', async () => {
  const response = await page.goto(feedbackLinks[0]);
  check(response.status() === 410, `410, not ${response.status()}`);
  return audit('link used', undefined, full);
});

await step('8 alumni: a made-up link (404 message; the expired link has the same template)', async () => {
  const response = await page.goto(`${BASE_URL}/alumni/feedback/not-a-token-${RUN}`);
  check(response.status() === 404, `404, not ${response.status()}`);
  return audit('link not valid', undefined, full);
});

await step('9 alumni: the withdrawal page', async () => {
  check(/\/alumni\/withdraw\//.test(withdrawal), `a withdrawal link, not "${withdrawal}"`);
  await page.goto(withdrawal);
  await page.getByRole('button', { name: 'Withdraw and erase my details' }).waitFor();
  return audit('withdraw', undefined, full);
});

await step('10 alumni: details erased', async () => {
  await page.getByRole('button', { name: 'Withdraw and erase my details' }).click();
  await page.getByRole('heading', { name: 'Your details are erased' }).waitFor();
  return audit('withdrawn', undefined, full);
});

await step('11 mail: the unsubscribe page', async () => {
  // A user who does not exist: the opt-out changes nobody's mail.
  await page.goto(`${BASE_URL}/mail/unsubscribe?token=${unsubscribeToken(`axe-check-${RUN}`, 'digest')}`);
  await page.getByRole('button', { name: 'Unsubscribe' }).waitFor();
  return audit('unsubscribe', undefined, full);
});

await step('12 mail: unsubscribed', async () => {
  await page.getByRole('button', { name: 'Unsubscribe' }).click();
  await page.getByRole('heading', { name: 'You are unsubscribed' }).waitFor();
  return audit('unsubscribed', undefined, full);
});

await step('13 mail: a made-up unsubscribe link (400 message)', async () => {
  const response = await page.goto(`${BASE_URL}/mail/unsubscribe?token=not.valid`);
  check(response.status() === 400, `400, not ${response.status()}`);
  return audit('unsubscribe not valid', undefined, full);
});

// -- The lifecycle dashboard. Cockpit's header, navigation and the rest of its chrome are Camunda's
// webapp, not ours: axe runs only inside our plugin's container (.lifecycle-dashboard) and on the
// "Lifecycle" link our plugin puts in Cockpit's header, on every page of the dashboard and on the
// drill-down into a community with its milestones' timelines open. (On the whole page, axe 4.11 also
// reports Camunda's own footer contrast and footer link, its unnamed app-switch menu and its
// content outside landmarks; none of that is ours to fix.)

const DASHBOARD = { include: [['.lifecycle-dashboard'], ['[cam-widget-header] a.lifecycle-nav']] };
await page.context().close();
({ page } = await newPage(browser, { bypassCSP: true }));

/** Waits until the dashboard page has loaded its data and drawn its charts. */
async function dashboardReady(ready) {
  const root = page.locator('.lifecycle-dashboard');
  await root.locator(ready).first().waitFor({ timeout: 20_000 });
  await page.waitForFunction(() => !document.querySelector('.lifecycle-dashboard .lifecycle-loading'), null, { timeout: 20_000 });
  await page.waitForFunction(() => [...document.querySelectorAll('.lifecycle-dashboard .lifecycle-chart canvas')]
    .every((c) => window.Chart && window.Chart.getChart(c)), null, { timeout: 15_000 }).catch(() => {});
  await settle(page);
  await page.evaluate(() => document.activeElement?.blur());
}

/** Opens every milestone's timeline, so that axe sees them all (it skips hidden content). */
async function openTimelines() {
  const closed = page.locator('.lifecycle-dashboard button[aria-expanded="false"]');
  for (let i = await closed.count(); i > 0; i -= 1) await closed.first().click();
  await settle(page);
}

let stalledMilestone = null;

await step('14 dashboard: portfolio', async () => {
  await login(page, COCKPIT, 'bob');
  await page.goto(`${COCKPIT}#/lifecycle`, { waitUntil: 'domcontentloaded' });
  await dashboardReady('table.lifecycle-table');
  return audit('dashboard portfolio', DASHBOARD);
});

await step('15 dashboard: stalled work', async () => {
  await page.goto(`${COCKPIT}#/lifecycle/stalled`, { waitUntil: 'domcontentloaded' });
  await dashboardReady('table.lifecycle-stalled, .lifecycle-empty');
  stalledMilestone = await page.locator('table.lifecycle-stalled tbody tr').first().getAttribute('data-milestone').catch(() => null);
  return audit('dashboard stalled', DASHBOARD);
});

await step('16 dashboard: programs', async () => {
  await page.goto(`${COCKPIT}#/lifecycle/programs`, { waitUntil: 'domcontentloaded' });
  await dashboardReady('.lifecycle-section');
  return audit('dashboard programs', DASHBOARD);
});

await step('17 dashboard: handoff health', async () => {
  await page.goto(`${COCKPIT}#/lifecycle/handoffs`, { waitUntil: 'domcontentloaded' });
  await dashboardReady('table, .lifecycle-empty');
  return audit('dashboard handoffs', DASHBOARD);
});

await step('17b dashboard: versions', async () => {
  await page.goto(`${COCKPIT}#/lifecycle/versions`, { waitUntil: 'domcontentloaded' });
  await dashboardReady('table.lifecycle-versions, .lifecycle-empty');
  return audit('dashboard versions', DASHBOARD);
});

await step('18 dashboard: a community with a stalled milestone\'s timeline open', async () => {
  const row = page.locator('.lifecycle-dashboard table.lifecycle-milestones');
  if (stalledMilestone) {
    await page.goto(`${COCKPIT}#/lifecycle/stalled`, { waitUntil: 'domcontentloaded' });
    await dashboardReady('table.lifecycle-stalled');
    await page.locator(`.lifecycle-dashboard table.lifecycle-stalled tr[data-milestone="${stalledMilestone}"] td a`).first().click();
  } else {
    await page.goto(`${COCKPIT}#/lifecycle/communities/sumo-community`, { waitUntil: 'domcontentloaded' });
  }
  await dashboardReady('table.lifecycle-milestones');
  check(await row.count(), 'the milestones table');
  await openTimelines();
  return audit('dashboard community', DASHBOARD);
});

await step('19 dashboard: another community (MozFest Volunteers), timelines open', async () => {
  await page.goto(`${COCKPIT}#/lifecycle/communities/mozfest-volunteers`, { waitUntil: 'domcontentloaded' });
  await dashboardReady('.lifecycle-facts');
  await openTimelines();
  return audit('dashboard community 2', DASHBOARD);
});

await step('19b dashboard: an unknown community (the error box)', async () => {
  await page.goto(`${COCKPIT}#/lifecycle/communities/no-such-community-${RUN}`, { waitUntil: 'domcontentloaded' });
  await dashboardReady('.lifecycle-error');
  return audit('dashboard not found', DASHBOARD);
});

// -- Our Camunda Forms in Tasklist. The task list, header and buttons around the form are Tasklist's
// own: axe runs inside the container form-js renders each form into (.fjs-container).

const FORM = (where) => ({ include: [[`${where} .fjs-container`]] });
const sessions = new Map();

/** A Tasklist page logged in as `user`, one browser context per person. */
async function tasklistAs(user) {
  if (!sessions.has(user)) {
    const session = await newPage(browser, { bypassCSP: true });
    page = session.page;
    await login(page, TASKLIST, user, { waitBeforeTyping: 800 });
    sessions.set(user, session);
  }
  page = sessions.get(user).page;
  return page;
}

/** Opens `user`'s task of `taskDefinitionKey` in Tasklist and checks its form. */
async function taskForm(user, taskDefinitionKey, name) {
  const task = await taskFor(user, taskDefinitionKey);
  await tasklistAs(user);
  await page.goto(`${TASKLIST}#/?task=${task.id}`, { waitUntil: 'domcontentloaded' });
  const form = page.locator('.task-details .fjs-form');
  await form.waitFor({ timeout: 20_000 });
  await page.locator('.task-details .task-card h2.names').or(page.locator('.task-details h2')).first().waitFor({ timeout: 10_000 }).catch(() => {});
  await settle(page, 800);
  return `"${task.name}": ${await audit(`form ${name}`, FORM('.task-details'))}`;
}

/** Opens the start form of `processName` in Tasklist's "Start process" dialog and checks it. */
async function startForm(user, processName, name) {
  await tasklistAs(user);
  await page.goto(TASKLIST, { waitUntil: 'domcontentloaded' });
  await settle(page);
  await page.locator('[cam-widget-header] li.start-process-action a').click();
  const dialog = page.locator('.modal-content').first();
  await dialog.waitFor({ timeout: 10_000 });
  await dialog.getByText(processName, { exact: true }).first().click();
  await dialog.locator('.fjs-form').waitFor({ timeout: 15_000 });
  await settle(page, 800);
  return audit(`start form ${name}`, FORM('.modal-content'));
}

await step('20 form: milestone-deliver (Deliver milestone)', () => taskForm('alice', 'Task_DeliverMilestone', 'milestone-deliver'));
await step('21 form: milestone-review (Review deliverable)', () => taskForm('bob', 'Task_ReviewDeliverable', 'milestone-review'));
await step('22 form: milestone-review with "Request changes"', async () => {
  await page.locator('.task-details .fjs-form').getByLabel('Request changes').check();
  await page.locator('.task-details .fjs-form').getByLabel('What should change').waitFor();
  await settle(page, 300);
  const result = await audit('form milestone-review changes', FORM('.task-details'));
  // Back as it was: nothing is saved, but the next step opens another task.
  await page.reload({ waitUntil: 'domcontentloaded' });
  return result;
});
await step('23 form: milestone-follow-up (Follow up stalled delivery)', () => taskForm('bob', 'Task_FollowUpStalledDelivery', 'milestone-follow-up'));
await step('24 form: milestone-follow-up (Unblock stalled delivery)', () => taskForm('dave', 'Task_EscalateStalledDelivery', 'milestone-follow-up escalation'));
await step('24b form: milestone-follow-up (Follow up stalled review)', () => taskForm('dave', 'Task_FollowUpStalledReview', 'milestone-follow-up review'));
await step('25 form: alumni-send-invitations (program: alumni network)', () => taskForm('hana', 'Task_SendAlumniInvitations', 'alumni-send-invitations'));
await step('26 form: facilitate-standup (program: mentoring cohort)', () => taskForm('maya', 'Task_FacilitateStandup', 'facilitate-standup'));
await step('27 form: post-standup-update (program: mentoring cohort)', () => taskForm('mateo', 'Task_PostStandupUpdate', 'post-standup-update'));
await step('28 form: community-of-practice-self-assessment (program: community of practice)', () =>
  taskForm('dave', 'Task_SelfAssessMaturity', 'community-of-practice-self-assessment'));
await step('28b form: community-of-practice-celebration (program: community of practice)', () =>
  taskForm('dave', 'Task_CelebrateStep', 'community-of-practice-celebration'));
await step('28c form: ops-jam-instance-input (program: ops jam)', () => taskForm('ines', 'Task_ShareWorkflowAndWishlist', 'ops-jam-instance-input'));
await step('28d form: ops-jam-overdue-item (program: ops jam)', () => taskForm('ines', 'Task_ResolveOverdueItem', 'ops-jam-overdue-item'));
await step('28e form: ops-jam-check-in (program: ops jam)', () => taskForm('bruno', 'Task_HoldCheckIn', 'ops-jam-check-in'));
await step('28f form: ops-jam-follow-up (program: ops jam)', () => taskForm('paula', 'Task_RecordFollowUpMeeting', 'ops-jam-follow-up'));
await step('29 start form: start-community-lifecycle', () => startForm('alice', 'Community lifecycle', 'start-community-lifecycle'));
await step('30 start form: start-alumni-network (program)', () => startForm('hana', 'Alumni network', 'start-alumni-network'));
await step('31 start form: start-group-mentoring-cohort (program)', () => startForm('maya', 'Group mentoring cohort', 'start-group-mentoring-cohort'));
await step('32 start form: start-ops-jam (program)', () => startForm('paula', 'Ecosystem ops jam', 'start-ops-jam'));

await browser.close();
const failing = results.filter((r) => r.failing.length);
console.log(`axe: ${results.length} pages checked, ${failing.length} with serious or critical violations, `
  + `${results.reduce((n, r) => n + r.warnings.length, 0)} warnings; details in ${path.join(SHOTS, 'axe-results.json')}`);
finish();
