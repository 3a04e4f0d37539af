// Browser walkthrough of the Community Lifecycle webapps, as a new user would click through them.
//
//   cd e2e && npm install && npm run walkthrough             # against ./mvnw spring-boot:run (port 8080)
//   BASE_URL=http://localhost:8081 npm run walkthrough         # against another instance
//
// It expects a fresh demo database (profile "demo", ./data removed before start): it completes and
// starts real work, so a second run against the same data fails at 4b ("Rust Berlin" already has a
// running lifecycle) and 5 (the seeded review is done). Screenshots and a log of browser console errors
// and failed HTTP requests land in e2e/screenshots/. Exit code 1 when any step failed.
//
// Uses playwright-core with the system Chromium (CHROMIUM env to override): no browser download.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE_URL, createRun, launchChromium } from './support.mjs';

const SHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');

const TASKLIST = `${BASE_URL}/camunda/app/tasklist/`;
const COCKPIT = `${BASE_URL}/camunda/app/cockpit/`;
const GROWTH_PROCESS = 'Learning and preparing for growth';
// Communities are started through their lifecycle; the start form's entry stage defaults to Pre-work.
const LIFECYCLE_PROCESS = 'Community lifecycle';
const MILESTONE_TO_DELIVER = 'Document community practices';
const REVIEW_COMMENT = 'Please add the triage owners and link the gap list to the issue tracker.';

// Everything the browser complains about goes to log.txt, tagged with the current step, so a defect
// can be traced to the screen where it happened. The requests listed here are ones the Camunda
// webapps themselves expect to fail; they are tagged so real defects stand out.
const { log, shot, settle, login, newPage, step, finish } = createRun({
  shots: SHOTS,
  page: () => page,
  noise: [
    [/\/camunda\/api\/admin\/auth\/user\/default$/, 404, 'session probe while logged out: Camunda webapp behaviour'],
    [/\/camunda-welcome$/, 404, 'login page first-visit probe: Camunda webapp behaviour (disableWelcomeMessage)'],
  ],
});

// ---------------------------------------------------------------------------------------------
// Webapp helpers. The Camunda webapps are AngularJS single-page apps that keep polling, so
// "networkidle" is not always reached; every wait here therefore targets something visible.

/** Logs out through the user menu, as a person would, then checks the login form is back. */
async function logout(page) {
  await page.locator('[cam-widget-header] li.account > a').click();
  await page.locator('[cam-widget-header] li.logout a').click();
  await page.locator('form[name="signinForm"]').waitFor({ timeout: 10_000 });
}

/** Selects a filter in the Tasklist sidebar and waits for its task list to render. */
async function openFilter(page, name) {
  await page.locator('.task-filters .task-filter').filter({ hasText: name }).first().click();
  await settle(page);
}

const taskItems = (page) => page.locator('ol.tasks-list li.task');
const form = (page) => page.locator('.task-details .fjs-form');
const notifications = (page) =>
  page.locator('.page-notifications .alert, .notifications .alert, [cam-notifications] .alert').filter({ visible: true });

/** The text of the notifications the webapp shows at the top, joined, for the step result line. */
async function notificationText(page) {
  const texts = await notifications(page).allInnerTexts().catch(() => []);
  return texts.map((t) => t.replace(/\s+/g, ' ').replace(/^× Close /, '').trim()).filter(Boolean).join(' | ');
}

/** Closes Tasklist's notifications, which stay on screen until closed. */
async function dismissNotifications(page) {
  for (let i = await notifications(page).count(); i > 0; i -= 1) {
    const alert = notifications(page).first();
    const close = alert.locator('button, a, .close, [ng-click]').filter({ hasText: '×' });
    await (await close.count() ? close.first() : alert.getByText('×').first()).click({ timeout: 3_000 }).catch(() => {});
    await settle(page, 300);
  }
}

/** Visible inline validation messages of a form-js form. */
async function formErrors(scope) {
  const texts = await scope.locator('.fjs-form-field-error').filter({ visible: true }).allInnerTexts();
  return texts.map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/**
 * Opens the task whose form heading contains `heading`: the form is what the person reads, so the
 * walkthrough finds tasks by it rather than by the list entry.
 */
async function openTaskByHeading(page, taskName, heading) {
  const items = taskItems(page).filter({ has: page.locator('h4.task', { hasText: taskName }) });
  await items.first().waitFor({ timeout: 15_000 });
  const count = await items.count();
  const seen = [];
  for (let i = 0; i < count; i += 1) {
    await items.nth(i).locator('h4.task a').click();
    const h = form(page).locator('h2').first();
    await h.waitFor({ timeout: 15_000 });
    // The form of the previously opened task may still be on screen for a moment.
    await settle(page, 300);
    const text = (await h.innerText()).trim();
    seen.push(text);
    if (text.includes(heading)) return { index: i, count, seen };
  }
  throw new Error(`no "${taskName}" task with heading "${heading}"; headings seen: ${seen.join(' / ')}`);
}

/**
 * Opens every task in the current list and returns its form heading and whether the task pane
 * names the community anywhere: with two communities running, that is how a person tells apart
 * tasks that all share one name.
 */
async function surveyTasks(page, communityWords) {
  const result = [];
  const count = await taskItems(page).count();
  for (let i = 0; i < count; i += 1) {
    await taskItems(page).nth(i).locator('h4.task a').click();
    await form(page).locator('h2').first().waitFor({ timeout: 15_000 });
    await settle(page, 300);
    const heading = (await form(page).locator('h2').first().innerText()).trim();
    const pane = await page.locator('.task-details').innerText();
    const named = communityWords.filter((w) => pane.toLowerCase().includes(w.toLowerCase()));
    result.push({ heading, named });
  }
  return result;
}

/** Claims the open task if Tasklist offers to, which it does when the task is not assigned to us. */
async function claimIfNeeded(page) {
  const claim = page.locator('.task-details').getByRole('link', { name: /^\s*Claim\s*$/ })
    .or(page.locator('.task-details').getByRole('button', { name: /^\s*Claim\s*$/ }));
  if (await claim.count() && await claim.first().isVisible()) {
    await claim.first().click();
    await settle(page);
    return true;
  }
  return false;
}

/** The assignee's name as the task pane shows it. */
async function assigneeShown(page) {
  return (await page.locator('.task-details .assignee, .task-details [cam-tasklist-task-meta] .assignee')
    .first().innerText().catch(() => '')).replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------------
// Steps. Each one returns a short description of what it saw; a thrown error fails the step.

const browser = await launchChromium();
// One context per person, so a logout bug cannot make a later step pass with someone else's session.
let { context, page } = await newPage(browser);
log(`BASE_URL=${BASE_URL}`);

async function freshSession() {
  await context.close();
  ({ context, page } = await newPage(browser));
}

await step('1 alice logs in to Tasklist', async () => {
  await login(page, TASKLIST, 'alice');
  await page.locator('.task-filters .task-filter').first().waitFor({ timeout: 15_000 });
  await taskItems(page).first().waitFor({ timeout: 15_000 });
  const filters = (await page.locator('.task-filters .task-filter h4').allInnerTexts())
    .map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const tasks = (await taskItems(page).locator('h4.task').allInnerTexts()).map((t) => t.trim());
  const processNames = (await taskItems(page).locator('.process-definition').allInnerTexts()).map((t) => t.trim());
  await shot(page, 'alice-tasklist');
  for (const f of ['My tasks', 'My group tasks']) {
    if (!filters.some((t) => t.startsWith(f))) throw new Error(`filter "${f}" missing; filters: ${filters.join(', ')}`);
  }
  return `filters [${filters.join(', ')}]; ${tasks.length} tasks [${[...new Set(tasks)].join(', ')}]; ` +
    `process names under tasks: [${processNames.map((n) => n || '(empty)').join(', ')}]`;
});

await step('2 alice opens a Deliver milestone task', async () => {
  await page.goto(TASKLIST, { waitUntil: 'domcontentloaded' });
  await openFilter(page, 'My tasks');
  const { seen } = await openTaskByHeading(page, 'Deliver milestone', MILESTONE_TO_DELIVER);
  const claimed = await claimIfNeeded(page);
  const f = form(page);
  const heading = (await f.locator('h2').first().innerText()).trim();
  const body = (await f.locator('.fjs-form-field-text').first().innerText()).replace(/\s+/g, ' ').trim();
  const labels = (await f.locator('label.fjs-form-field-label').allInnerTexts()).map((l) => l.replace(/\*$/, '').trim());
  await shot(page, 'deliver-form');
  for (const want of ['Link to the deliverable', 'Summary', 'Delegated to (optional)']) {
    if (!labels.includes(want)) throw new Error(`field "${want}" missing; labels: ${labels.join(', ')}`);
  }
  if (/\{\{|\}\}/.test(body)) throw new Error(`unresolved template in form text: ${body}`);
  return `headings of alice's deliver tasks: [${seen.join(' / ')}]; opened "${heading}"; text "${body}"; ` +
    `fields [${labels.join(', ')}]; assignee "${await assigneeShown(page)}"; claimed now: ${claimed}`;
});

await step('3a complete with an invalid link is refused', async () => {
  const f = form(page);
  const complete = page.locator('.task-details').getByRole('button', { name: 'Complete' });
  await f.getByLabel('Link to the deliverable').fill('our wiki');
  await f.getByLabel('Summary').fill('Wrote down how we onboard, triage and release.');
  await f.getByLabel('Summary').blur();
  await settle(page, 500);
  // form-js validates as you type and Tasklist then disables Complete; click it only if it is not.
  const disabled = await complete.isDisabled();
  if (!disabled) await complete.click();
  await settle(page, 1000);
  const errors = await formErrors(f);
  const notes = await notificationText(page);
  await shot(page, 'deliver-invalid-link');
  const stillOpen = await f.locator('h2', { hasText: MILESTONE_TO_DELIVER }).isVisible();
  if (!stillOpen) throw new Error(`task was completed with link "our wiki" (notifications: ${notes})`);
  if (!errors.length && !notes) throw new Error('no validation message shown for "our wiki"');

  // The server's message arrives as a notification that covers the Complete button: close it.
  await dismissNotifications(page);
  return `"our wiki": Complete button disabled: ${disabled}; inline errors [${errors.join(' | ')}]; ` +
    `notifications [${notes}]`;
});

await step('3b complete with a valid link', async () => {
  const f = form(page);
  // The demo seeds more tasks than the list shows at once, so the count alone need not drop: look
  // for the completed task itself.
  const title = `Deliver milestone: ${MILESTONE_TO_DELIVER} (SUMO Community)`;
  const listed = () => page.locator('ol.tasks-list li.task h4.task', { hasText: title }).count();
  const before = await taskItems(page).count();
  const listedBefore = await listed();
  await f.getByLabel('Link to the deliverable').fill('https://wiki.example.org/sumo/practices');
  await f.getByLabel('Summary').fill('Wrote down how we onboard, triage and release. Still open: translations.');
  await f.getByLabel('Delegated to (optional)').fill('Maria (@maria)');
  // The refusal from 3a may still cover the button (Tasklist keeps notifications until closed).
  await page.locator('.task-details').getByRole('button', { name: 'Complete' }).dispatchEvent('click');
  // Tasklist removes the task from the list and clears the detail pane once the engine accepted it.
  await page.waitForFunction((t) => ![...document.querySelectorAll('ol.tasks-list li.task h4.task')]
    .some((h) => h.textContent.includes(t)), title, { timeout: 15_000 }).catch(() => {});
  await settle(page, 1000);
  const notes = await notificationText(page);
  const after = await taskItems(page).count();
  const listedAfter = await listed();
  await shot(page, 'deliver-completed');
  const errors = await formErrors(page.locator('.task-details'));
  if (errors.length) throw new Error(`form refused a valid link: ${errors.join(' | ')}`);
  if (listedBefore !== 1 || listedAfter !== 0) {
    throw new Error(`"${title}" listed ${listedBefore} -> ${listedAfter} times; notifications: ${notes}`);
  }
  // The heading must not belong to the completed milestone any more.
  const remaining = await page.locator('.task-details .fjs-form h2', { hasText: MILESTONE_TO_DELIVER }).count();
  if (remaining) throw new Error('completed task still shown in the detail pane');
  return `My tasks ${before} -> ${after}; notifications [${notes}]`;
});

/** Opens Tasklist's "Start process" dialog and picks a process; returns the dialog locator. */
async function openStartForm(processName) {
  await page.goto(TASKLIST, { waitUntil: 'domcontentloaded' });
  await settle(page);
  await page.locator('[cam-widget-header] li.start-process-action a').click();
  const dialog = page.locator('.modal-dialog, .modal-content').first();
  await dialog.waitFor({ timeout: 10_000 });
  await dialog.getByText(processName, { exact: true }).first().click();
  await dialog.locator('.fjs-form').waitFor({ timeout: 15_000 });
  await settle(page, 300);
  return dialog;
}

async function fillStartForm(dialog, community, activator, liaison) {
  await dialog.getByLabel('Community name').fill(community);
  await dialog.getByLabel('Activator (user id)').fill(activator);
  await dialog.getByLabel('CBT liaison (user id)').fill(liaison);
}

/** Text of errors the dialog shows: inline form-js errors and the dialog's own alerts. */
async function dialogErrors(dialog) {
  const inline = await formErrors(dialog);
  const alerts = (await dialog.locator('.alert').filter({ visible: true }).allInnerTexts())
    .map((t) => t.replace(/\s+/g, ' ').replace(/^× Close /, '').trim()).filter(Boolean);
  return [...inline, ...alerts];
}

await step('4a start a community lifecycle with a non-activator is refused', async () => {
  const dialog = await openStartForm(LIFECYCLE_PROCESS);
  const labels = (await dialog.locator('label.fjs-form-field-label').allInnerTexts()).map((l) => l.replace(/\*$/, '').trim());
  await shot(page, 'start-form');
  await fillStartForm(dialog, 'Rust Berlin', 'bob', 'bob');
  await dialog.getByRole('button', { name: 'Start' }).click();
  await settle(page, 1500);
  const errors = await dialogErrors(dialog).catch(() => []);
  const notes = await notificationText(page);
  await shot(page, 'start-refused-non-activator');
  if (!(await dialog.isVisible())) throw new Error(`dialog closed: the start was accepted (notifications: ${notes})`);
  if (!errors.length && !notes) throw new Error('no error shown for activator "bob"');
  return `start form fields [${labels.join(', ')}]; errors [${errors.join(' | ')}]; notifications [${notes}]`;
});

await step('4b start a community lifecycle for Rust Berlin', async () => {
  // A fresh dialog, as a user who closes the error and starts over would see it.
  const dialog = await openStartForm(LIFECYCLE_PROCESS);
  await fillStartForm(dialog, 'Rust Berlin', 'alice', 'bob');
  await dialog.getByRole('button', { name: 'Start' }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 15_000 }).catch(() => {});
  await settle(page, 1000);
  const notes = await notificationText(page);
  await shot(page, 'start-rust-berlin');
  if (await dialog.isVisible()) throw new Error(`dialog still open: ${(await dialogErrors(dialog)).join(' | ')}`);
  // The new stage must show up as work for alice: Tasklist polls, so reload rather than wait.
  await page.reload({ waitUntil: 'domcontentloaded' });
  await openFilter(page, 'My tasks');
  await taskItems(page).first().waitFor({ timeout: 15_000 });
  const count = await taskItems(page).count();
  const total = (await page.locator('.task-filters .task-filter h4').filter({ hasText: 'My tasks' })
    .first().innerText()).replace(/\s+/g, ' ').trim();
  await shot(page, 'alice-tasklist-after-start');
  const survey = await surveyTasks(page, ['Rust Berlin', 'rust-berlin', 'SUMO', 'sumo-community']);
  await shot(page, 'alice-new-task-no-community');
  const tally = {};
  for (const t of survey) tally[t.heading] = (tally[t.heading] ?? 0) + 1;
  const withCommunity = survey.filter((t) => t.named.length).length;
  return `notifications [${notes}]; sidebar "${total}"; ${count} tasks listed; form headings ` +
    `[${Object.entries(tally).map(([h, n]) => `${h} x${n}`).join(', ')}]; ` +
    `task panes naming a community: ${withCommunity} of ${survey.length}`;
});

await step('5a bob opens his Review deliverable task', async () => {
  // Reload first: a start dialog left open by a failed step 4 would cover the user menu.
  await page.goto(TASKLIST, { waitUntil: 'domcontentloaded' });
  await page.locator('[cam-widget-header] li.account > a').waitFor({ timeout: 15_000 });
  await logout(page);
  await shot(page, 'logged-out');
  await login(page, TASKLIST, 'bob');
  await taskItems(page).first().waitFor({ timeout: 15_000 });
  const tasks = (await taskItems(page).locator('h4.task').allInnerTexts()).map((t) => t.trim());
  await shot(page, 'bob-tasklist');
  // The seeded review (SUMO, "Identify gaps") is there on a fresh database.
  const { seen } = await openTaskByHeading(page, 'Review deliverable', 'Review: Identify gaps');
  await claimIfNeeded(page);
  const f = form(page);
  const text = (await f.locator('.fjs-form-field-text').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  const radios = (await f.locator('.fjs-form-field-radio label.fjs-form-field-label, .fjs-form-field-radio .fjs-radio label')
    .allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  const commentBefore = await f.getByLabel('What should change').count();
  const completeEnabled = await page.locator('.task-details').getByRole('button', { name: 'Complete' }).isEnabled();
  await shot(page, 'review-form');
  if (text.some((t) => /\{\{|\}\}/.test(t))) throw new Error(`unresolved template: ${text.join(' / ')}`);
  if (commentBefore) throw new Error('"What should change" shown before a decision was chosen');
  return `bob's tasks [${tasks.join(', ')}]; review headings [${seen.join(' / ')}]; ` +
    `text [${text.join(' / ')}]; radio [${radios.join(', ')}]; assignee "${await assigneeShown(page)}"; ` +
    `Complete enabled before a decision: ${completeEnabled}`;
});

await step('5b bob requests changes', async () => {
  const f = form(page);
  await f.getByLabel('Request changes').check();
  const comment = f.getByLabel('What should change');
  await comment.waitFor({ timeout: 5_000 });
  await comment.fill(REVIEW_COMMENT);
  await shot(page, 'review-request-changes');
  const before = await taskItems(page).count();
  await page.locator('.task-details').getByRole('button', { name: 'Complete' }).click();
  await page.waitForFunction((n) => document.querySelectorAll('ol.tasks-list li.task').length < n, before, { timeout: 15_000 })
    .catch(() => {});
  await settle(page, 1000);
  const notes = await notificationText(page);
  const errors = await formErrors(page.locator('.task-details'));
  const after = await taskItems(page).count();
  await shot(page, 'review-completed');
  if (errors.length) throw new Error(`form refused: ${errors.join(' | ')}`);
  if (after >= before) throw new Error(`review task still listed (${before} -> ${after}); notifications: ${notes}`);
  return `bob's tasks ${before} -> ${after}; notifications [${notes}]`;
});

await step('6 bob opens Cockpit', async () => {
  // Same session: the webapps share the login, so Cockpit should open without a second one.
  await page.goto(COCKPIT, { waitUntil: 'domcontentloaded' });
  await settle(page, 1500);
  if (await page.locator('form[name="signinForm"]').isVisible()) await login(page, COCKPIT, 'bob');
  await page.locator('.dashboard, [cam-dashboard], .processes-dashboard, .section-content').first().waitFor({ timeout: 20_000 });
  await settle(page, 1500);
  const dashboard = (await page.locator('main, .ctn-main, body').first().innerText()).replace(/\s+/g, ' ').slice(0, 300);
  await shot(page, 'cockpit-dashboard');

  await page.goto(`${COCKPIT}#/processes`, { waitUntil: 'domcontentloaded' });
  const row = page.getByRole('link', { name: GROWTH_PROCESS, exact: true }).first();
  await row.waitFor({ timeout: 20_000 });
  await settle(page, 1500);
  const definitions = (await page.locator('table tbody tr').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  await shot(page, 'cockpit-processes');

  await row.click();
  // bpmn-js renders the diagram as SVG; its shapes carry data-element-id.
  await page.locator('.djs-container svg [data-element-id]').first().waitFor({ timeout: 20_000 });
  await settle(page, 2000);
  const shapes = await page.locator('.djs-container svg g.djs-shape').count();
  const instances = (await page.locator('table tbody tr').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  await shot(page, 'cockpit-growth-definition');
  return `dashboard "${dashboard}"; definitions [${definitions.join(' || ')}]; diagram shapes ${shapes}; ` +
    `instance rows [${instances.slice(0, 5).join(' || ')}]`;
});

await step('7 alice is refused by Cockpit', async () => {
  await freshSession();
  await login(page, COCKPIT, 'alice');
  await settle(page, 1000);
  const loginStillShown = await page.locator('form[name="signinForm"]').isVisible();
  const notes = await notificationText(page);
  const text = (await page.locator('body').innerText()).replace(/\s+/g, ' ').slice(0, 300);
  await shot(page, 'cockpit-alice-refused');
  if (!loginStillShown) throw new Error(`alice got into Cockpit: ${text}`);
  return `login form still shown; message [${notes || text}]`;
});

await step('7b alice, logged in to Tasklist, opens Cockpit', async () => {
  await login(page, TASKLIST, 'alice');
  await taskItems(page).first().waitFor({ timeout: 15_000 });
  await page.goto(COCKPIT, { waitUntil: 'domcontentloaded' });
  await settle(page, 2000);
  const loginShown = await page.locator('form[name="signinForm"]').isVisible();
  const notes = await notificationText(page);
  const text = (await page.locator('body').innerText()).replace(/\s+/g, ' ').slice(0, 300);
  await shot(page, 'cockpit-alice-via-tasklist-session');
  const dashboard = await page.locator('.dashboard, [cam-dashboard]').filter({ visible: true }).count();
  if (dashboard && !loginShown) throw new Error(`Cockpit dashboard shown to alice: ${text}`);
  return `login form shown: ${loginShown}; notifications [${notes}]; page "${text}"`;
});

await step('8 alice sees the changes bob requested', async () => {
  await page.goto(TASKLIST, { waitUntil: 'domcontentloaded' });
  await settle(page);
  await openFilter(page, 'My tasks');
  await openTaskByHeading(page, 'Deliver milestone', 'Identify gaps');
  const f = form(page);
  const text = (await f.locator('.fjs-form-field-text').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  const url = await f.getByLabel('Link to the deliverable').inputValue();
  const summary = await f.getByLabel('Summary').inputValue();
  await shot(page, 'alice-changes-requested');
  if (!text.some((t) => t.includes(REVIEW_COMMENT))) throw new Error(`review comment not shown; text: ${text.join(' / ')}`);
  return `text [${text.join(' / ')}]; link prefilled "${url}"; summary prefilled "${summary}"`;
});

await browser.close();
finish();
