// Browser check of migrating running instances to a new version: carol, a process designer,
// deploys a version of the milestone model through the engine REST API (the documentation text
// changed, its three forms with it); bob sees in the Lifecycle dashboard's "Versions" page that the
// running milestones are on the older version; carol finds the "Migrate in Tasklist" link there,
// runs "Migrate running instances" in Tasklist (choose, review the plan, run, wait for the report,
// read it); bob then sees every running milestone on the new version.
//
//   cd e2e && npm ci && npm run migration                        # against ./mvnw spring-boot:run (port 8080)
//   BASE_URL=http://127.0.0.1:18091 npm run -s migration           # against another instance
//
// It CHANGES the demo data: a new milestone version is deployed and the running milestones move to
// it. Run it last against a demo database (.ci/run does). Run again, it deploys one more version
// and moves them again. MIGRATION_WAIT_S (default 90) bounds the wait for the report: the process
// checks the engine batch every 10 s.
// Screenshots and a log of browser errors and failed requests land in e2e/screenshots/migration/.
// Exit code 1 when any step failed. Uses playwright-core with the system Chromium (CHROMIUM env to
// override): no browser download.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE_URL, PASSWORD, createRun, launchChromium } from './support.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.join(HERE, '..');
const SHOTS = path.join(HERE, 'screenshots', 'migration');
const COCKPIT = `${BASE_URL}/camunda/app/cockpit/default/`;
const TASKLIST = `${BASE_URL}/camunda/app/tasklist/default/`;
const PROCESS_KEY = 'milestone';
/** The model and the forms it binds by deployment, under the names the app deploys them with. */
const MODEL = 'processes/milestone.bpmn';
const FORMS = ['forms/milestone-deliver.form', 'forms/milestone-review.form', 'forms/milestone-follow-up.form'];
const DEPLOYMENT_NAME = 'community-lifecycle';
const MIGRATION_PROCESS = 'Migrate running instances';
const MIGRATE_LINK = '/camunda/app/tasklist/default/#/?processStart=migrate-running-instances';
const WAIT_MS = Number(process.env.MIGRATION_WAIT_S || 90) * 1000;
const RUN = Date.now().toString(36).slice(-5);

let page;
const { log, shot, settle, login, newPage, step, finish } = createRun({
  shots: SHOTS,
  page: () => page,
  noise: [
    [/\/camunda\/api\/admin\/auth\/user\/default$/, 404, 'session probe while logged out'],
    [/\/camunda-welcome$/, 404, 'login page first-visit probe'],
  ],
  noiseLabel: 'expected',
  failOnBrowserErrors: true,
  settleMs: 300,
  idleTimeout: 5_000,
});

function check(condition, message) {
  if (!condition) throw new Error(message);
}

const text = async (locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim();

// ---------------------------------------------------------------------------------------------
// The APIs, with HTTP Basic as the REST API and /api ask (identity/RestApiSecurity.java,
// identity/ApiAuthentication.java).

const basic = (user) => ({ Authorization: `Basic ${Buffer.from(`${user}:${PASSWORD}`).toString('base64')}` });

/** The milestone's entry of /api/migrations/versions, counted with `user`'s authorizations. */
async function versionsOf(user) {
  const response = await fetch(`${BASE_URL}/api/migrations/versions`, { headers: { ...basic(user), Accept: 'application/json' } });
  if (!response.ok) throw new Error(`GET /api/migrations/versions as ${user}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()).find((p) => p.processKey === PROCESS_KEY);
}

const describeVersions = (p) => (p ? `latest v${p.latestVersion}, ${p.versions.map((v) => `v${v.version}: ${v.running}`).join(' · ')}, `
  + `${p.onOlderVersions} on older versions` : 'no running instances');

// ---------------------------------------------------------------------------------------------
// The webapps.

const dashboard = () => page.locator('.lifecycle-dashboard');
const versionsRow = () => dashboard().locator(`table.lifecycle-versions tr[data-process-key="${PROCESS_KEY}"]`);

/** Opens the dashboard's Versions page and waits for its table. */
async function openVersions({ byTab = false } = {}) {
  if (byTab) {
    await page.goto(`${COCKPIT}#/lifecycle`, { waitUntil: 'domcontentloaded' });
    await dashboard().locator('.lifecycle-tabs a', { hasText: 'Versions' }).click();
    await page.waitForURL(/#\/lifecycle\/versions$/);
  } else {
    await page.goto(`${COCKPIT}#/lifecycle/versions`, { waitUntil: 'domcontentloaded' });
  }
  await dashboard().locator('table.lifecycle-versions, .lifecycle-empty, .lifecycle-error').first().waitFor({ timeout: 20_000 });
  const error = dashboard().locator('.lifecycle-error');
  if (await error.count()) throw new Error(`the Versions page says "${await text(error)}"`);
  await versionsRow().waitFor({ timeout: 10_000 });
  await page.evaluate(() => document.activeElement?.blur());
  await settle(page);
}

/** The milestone's row of the Versions page: its cells as text. */
async function milestoneRow() {
  const row = versionsRow();
  return {
    name: await text(row.locator('th')),
    latest: await text(row.locator('td').nth(1)),
    running: await text(row.locator('td').nth(2)),
    older: await text(row.locator('td').nth(3)),
    links: await row.getByRole('link', { name: /Migrate in Tasklist/ }).count(),
    summary: await text(row),
  };
}

const taskItems = () => page.locator('ol.tasks-list li.task');
const taskForm = () => page.locator('.task-details .fjs-form');
const completeButton = () => page.locator('.task-details').getByRole('button', { name: 'Complete' });

/** Shows the "My tasks" filter, after a reload when asked (Tasklist polls, a reload is sooner). */
async function myTasks({ reload = false } = {}) {
  if (reload) await page.reload({ waitUntil: 'domcontentloaded' });
  const filter = page.locator('.task-filters .task-filter').filter({ hasText: 'My tasks' }).first();
  await filter.waitFor({ timeout: 20_000 });
  await filter.click();
  await settle(page);
}

/** The heading of each task's form (forms/migrate-running-instances-*.form). */
const HEADINGS = {
  'Choose what to migrate': 'Migrate running instances',
  'Review the migration plan': 'Review the migration plan',
  'Read the migration report': 'Migration report',
};

/** Opens the task `name` of the "My tasks" list and waits for its form. */
async function openTask(name) {
  const item = taskItems().filter({ has: page.locator('h4.task', { hasText: name }) }).first();
  await item.waitFor({ timeout: 20_000 });
  await item.locator('h4.task a').click();
  await taskForm().waitFor({ timeout: 20_000 });
  await taskForm().locator('h2', { hasText: HEADINGS[name] }).first().waitFor({ timeout: 15_000 });
  await settle(page, 500);
}

/** Presses Complete and waits until the task has left the list. */
async function complete(name) {
  await completeButton().click();
  await page.waitForFunction((t) => ![...document.querySelectorAll('ol.tasks-list li.task h4.task')]
    .some((h) => h.textContent.includes(t)), name, { timeout: 20_000 });
  await settle(page, 500);
  const errors = (await page.locator('.task-details .fjs-form-field-error').filter({ visible: true }).allInnerTexts()).filter(Boolean);
  check(!errors.length, `the form shows errors: ${errors.join(' | ')}`);
}

// ---------------------------------------------------------------------------------------------
// Steps.

const browser = await launchChromium();
let context;
async function freshSession() {
  if (context) await context.close();
  ({ context, page } = await newPage(browser));
}
await freshSession();
log(`BASE_URL=${BASE_URL}`);

// What the steps hand on to each other.
let before = null;
/** The milestone's counts right after the deployment: what should move. */
let deployed = null;
let deployedVersion = null;
let started = false;
let moving = null;

await step('a carol deploys a new version of the milestone model through the REST API', async () => {
  before = await versionsOf('bob');
  check(before && before.versions.length, 'no running milestone to migrate: run this against the demo data');
  const original = fs.readFileSync(path.join(ROOT, MODEL), 'utf8');
  // A harmless change: the process's documentation says which run deployed it.
  const changed = original.replace(/(<bpmn:process id="milestone"[^>]*>\s*<bpmn:documentation>)/,
    `$1Deployed by the browser check of migration (run ${RUN}). `);
  check(changed !== original, `no <bpmn:documentation> right inside the milestone process of ${MODEL}`);
  const body = new FormData();
  body.append('deployment-name', DEPLOYMENT_NAME);
  body.append('deployment-source', 'e2e/migration.mjs');
  body.append(MODEL, new Blob([changed], { type: 'application/xml' }), MODEL);
  for (const form of FORMS) {
    body.append(form, new Blob([fs.readFileSync(path.join(ROOT, form))], { type: 'application/json' }), form);
  }
  const response = await fetch(`${BASE_URL}/engine-rest/deployment/create`, {
    method: 'POST', headers: { ...basic('carol'), Accept: 'application/json' }, body,
  });
  const deployment = await response.json().catch(() => ({}));
  check(response.ok, `deployment as carol: HTTP ${response.status} ${JSON.stringify(deployment)}`);
  const definition = Object.values(deployment.deployedProcessDefinitions || {}).find((d) => d.key === PROCESS_KEY);
  check(definition, `the deployment has no ${PROCESS_KEY} definition: ${JSON.stringify(deployment.deployedProcessDefinitions)}`);
  deployedVersion = definition.version;
  check(deployedVersion === before.latestVersion + 1, `deployed v${deployedVersion}, expected v${before.latestVersion + 1}`);
  const resources = await (await fetch(`${BASE_URL}/engine-rest/deployment/${deployment.id}/resources`,
    { headers: basic('carol') })).json();
  const names = resources.map((r) => r.name).sort();
  check([MODEL, ...FORMS].every((n) => names.includes(n)), `the deployment holds [${names.join(', ')}]`);
  deployed = await versionsOf('bob');
  check(deployed.latestVersion === deployedVersion && deployed.onOlderVersions > 0, `after the deployment: ${describeVersions(deployed)}`);
  return `before: ${describeVersions(before)}; deployment ${deployment.id} "${deployment.name}" with [${names.join(', ')}]: `
    + `${PROCESS_KEY} v${deployedVersion}; now ${describeVersions(deployed)}`;
});

await step('b bob sees in the Versions page that the milestones run on the older version', async () => {
  check(deployedVersion, 'nothing was deployed');
  await login(page, COCKPIT, 'bob');
  await page.locator('[cam-widget-header] a.lifecycle-nav').waitFor({ timeout: 20_000 });
  await openVersions({ byTab: true });
  const row = await milestoneRow();
  const tabs = (await dashboard().locator('.lifecycle-tabs a').allInnerTexts()).map((t) => t.trim());
  const caption = await text(dashboard().locator('table.lifecycle-versions caption'));
  const stats = await text(dashboard().locator('.lifecycle-stats'));
  await shot(page, 'bob-versions-before');
  check(row.latest === `v${deployedVersion}`, `latest version shown "${row.latest}", expected v${deployedVersion}`);
  check(new RegExp(`\\bv${before.versions[0].version}: \\d+`).test(row.running), `running per version "${row.running}"`);
  check(Number(row.older) === deployed.onOlderVersions, `on older versions "${row.older}", the API says ${deployed.onOlderVersions}`);
  // bob may not migrate (no MIGRATE_INSTANCE): no link for him.
  check(row.links === 0, 'bob is offered "Migrate in Tasklist"');
  return `tabs [${tabs.join(', ')}]; caption "${caption}"; stats "${stats}"; milestone row "${row.summary}"`;
});

await step('b2 carol sees the Versions page with "Migrate in Tasklist", which opens the start dialog', async () => {
  check(deployedVersion, 'nothing was deployed');
  await freshSession();
  await login(page, COCKPIT, 'carol');
  await page.locator('[cam-widget-header]').waitFor({ timeout: 20_000 });
  await openVersions();
  const row = await milestoneRow();
  const tabs = (await dashboard().locator('.lifecycle-tabs a').allInnerTexts()).map((t) => t.trim());
  check(tabs.join() === 'Versions', `carol sees the tabs [${tabs.join(', ')}], pages that would refuse her`);
  const link = versionsRow().getByRole('link', { name: /Migrate in Tasklist/ });
  check(row.links === 1, 'no "Migrate in Tasklist" link for carol');
  const href = await link.getAttribute('href');
  check(href === MIGRATE_LINK, `the link goes to ${href}`);
  await shot(page, 'carol-versions-link');
  await link.click();
  await page.waitForURL(/\/tasklist\//);
  const dialog = page.locator('.modal-content').first();
  await dialog.waitFor({ timeout: 20_000 });
  await dialog.getByText(MIGRATION_PROCESS).first().waitFor({ timeout: 15_000 });
  await dialog.getByRole('button', { name: 'Start' }).waitFor({ timeout: 15_000 });
  await settle(page);
  await shot(page, 'carol-start-dialog-from-link');
  // Looked at, not started: the next step starts it as a person would from Tasklist's menu.
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => {});
  return `tabs [${tabs.join(', ')}]; milestone row "${row.summary}"; the link opened Tasklist's start dialog of "${MIGRATION_PROCESS}"`;
});

await step('c1 carol logs in to Tasklist and starts "Migrate running instances"', async () => {
  check(deployedVersion, 'nothing was deployed: nothing to migrate');
  await freshSession();
  await login(page, TASKLIST, 'carol', { waitBeforeTyping: 1500 });
  await page.locator('.task-filters').waitFor({ timeout: 20_000 });
  await page.locator('[cam-widget-header] li.start-process-action a').click();
  const dialog = page.locator('.modal-content').first();
  await dialog.waitFor({ timeout: 10_000 });
  await dialog.getByText(MIGRATION_PROCESS, { exact: true }).first().click();
  const start = dialog.getByRole('button', { name: 'Start' });
  await start.waitFor({ timeout: 15_000 });
  await settle(page);
  await start.click();
  await dialog.waitFor({ state: 'hidden', timeout: 15_000 });
  await settle(page, 500);
  await myTasks({ reload: true });
  await taskItems().filter({ has: page.locator('h4.task', { hasText: 'Choose what to migrate' }) }).first().waitFor({ timeout: 20_000 });
  started = true;
  return 'started; "Choose what to migrate" is in My tasks';
});

await step('c2 carol chooses the milestone', async () => {
  check(started, 'no migration started');
  await openTask('Choose what to migrate');
  const offer = await text(taskForm().locator('.fjs-form-field-text').first());
  check(offer.includes(`(${PROCESS_KEY}), latest v${deployedVersion}`), `the offer does not list ${PROCESS_KEY} at v${deployedVersion}: "${offer}"`);
  const scope = taskForm().getByLabel('What to migrate');
  await scope.click();
  await scope.fill(PROCESS_KEY);
  const option = taskForm().locator('.fjs-dropdownlist-item', { hasText: `(${PROCESS_KEY})` }).first();
  await option.waitFor({ timeout: 10_000 });
  const choice = await text(option);
  await option.click();
  // Paused instances too, so that every running milestone moves whatever state the demo data is in.
  await taskForm().getByLabel("Also move paused communities' instances").check();
  await settle(page);
  await shot(page, 'carol-choose');
  await complete('Choose what to migrate');
  return `offer "${offer}"; chose "${choice}" with paused instances`;
});

await step('c3 carol reviews the plan and runs the migration', async () => {
  check(started, 'no migration started');
  await myTasks({ reload: true });
  await openTask('Review the migration plan');
  const plan = await text(taskForm().locator('.fjs-form-field-text').first());
  const willMove = /(\d+) will move/.exec(plan);
  check(willMove, `the plan does not say what will move: "${plan}"`);
  moving = Number(willMove[1]);
  // Only the documentation changed: every instance on an older version can move.
  check(moving === deployed.onOlderVersions, `the plan moves ${moving} of ${deployed.onOlderVersions}: "${plan}"`);
  await taskForm().getByLabel('Run the migration').check();
  await settle(page);
  await shot(page, 'carol-review-plan');
  await complete('Review the migration plan');
  return `plan "${plan.slice(0, 300)}"`;
});

await step('c4 carol waits for the report, reads it and completes it', async () => {
  check(moving != null, 'the migration did not run');
  const started = Date.now();
  let polls = 0;
  const report = () => taskItems().filter({ has: page.locator('h4.task', { hasText: 'Read the migration report' }) });
  for (;;) {
    polls += 1;
    await myTasks({ reload: true });
    if (await report().count()) break;
    check(Date.now() - started < WAIT_MS, `no "Read the migration report" task after ${Math.round(WAIT_MS / 1000)} s`);
    await page.waitForTimeout(5_000);
  }
  const waited = Math.round((Date.now() - started) / 1000);
  await openTask('Read the migration report');
  const body = await text(taskForm().locator('.fjs-form-field-text').first());
  await shot(page, 'carol-migration-report');
  const moved = /(\d+) moved, (\d+) skipped, (\d+) failed/.exec(body);
  check(moved, `the report does not say what moved: "${body}"`);
  check(Number(moved[1]) === moving && moved[3] === '0', `the plan moved ${moving}, the report says "${moved[0]}"`);
  await complete('Read the migration report');
  return `report after ${waited} s (${polls} looks): "${body.slice(0, 300)}"`;
});

await step('d bob sees every running milestone on the new version', async () => {
  check(deployedVersion, 'nothing was deployed');
  await freshSession();
  await login(page, COCKPIT, 'bob');
  await page.locator('[cam-widget-header] a.lifecycle-nav').waitFor({ timeout: 20_000 });
  await openVersions({ byTab: true });
  const row = await milestoneRow();
  await shot(page, 'bob-versions-after');
  check(row.latest === `v${deployedVersion}`, `latest version shown "${row.latest}"`);
  check(new RegExp(`^v${deployedVersion}: \\d+$`).test(row.running), `running per version "${row.running}"`);
  check(row.older === '0', `on older versions "${row.older}"`);
  const api = await versionsOf('bob');
  check(api.onOlderVersions === 0, `the API still counts ${api.onOlderVersions} on older versions`);
  return `milestone row "${row.summary}"; API: ${describeVersions(api)}`;
});

await browser.close();
finish();
