// Browser test of the lifecycle dashboard in Cockpit: bob logs in to Cockpit, opens "Lifecycle",
// sees the demo communities, opens the stalled work, drills into a stalled milestone (its handoff
// timeline shows) and follows the link to the milestone's process instance in Cockpit; carol, who
// may use Cockpit and its Versions page but not the rest of the dashboard, is told so; alice, an
// activator, gets neither.
//
//   cd e2e && npm install && npm run dashboard                 # against ./mvnw spring-boot:run (port 8080)
//   BASE_URL=http://localhost:8091 npm run dashboard             # against another instance
//   README_SCREENSHOT=1 npm run dashboard                        # also refresh docs/images/lifecycle-dashboard.png
//
// Runs against the demo data and changes nothing, so it can be repeated. The demo seeds stalled
// milestones; ALLOW_NO_STALLED=1 lets the stalled steps pass on data without any (development only).
// Screenshots and a log of browser errors and failed requests land in e2e/screenshots/dashboard/.
// Exit code 1 when any step failed. Uses playwright-core with the system Chromium (CHROMIUM env to
// override): no browser download.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE_URL, createRun, launchChromium } from './support.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SHOTS = path.join(HERE, 'screenshots', 'dashboard');
const README_SHOT = path.join(HERE, '..', 'docs', 'images', 'lifecycle-dashboard.png');
const ALLOW_NO_STALLED = process.env.ALLOW_NO_STALLED === '1';

const COCKPIT = `${BASE_URL}/camunda/app/cockpit/default/`;
const TASKLIST = `${BASE_URL}/camunda/app/tasklist/default/`;
const DEMO_COMMUNITIES = ['firefox-nightly-testers', 'mozfest-volunteers', 'sumo-community', 'common-voice-kenya',
  'mdn-localization'];
const FORBIDDEN_TEXT = 'Only CBT liaisons, community leads and admins can see the lifecycle dashboard';

// Responses that are expected here: the webapps' session probe while logged out, and the refusals
// this test provokes on purpose. Any other console error, and any page error, fails the run.
// Cockpit keeps polling, so every wait targets something visible and settle() gives up sooner.
const { log, shot, settle, login, newPage, step, finish } = createRun({
  shots: SHOTS,
  page: () => page,
  noise: [
    [/\/camunda\/api\/admin\/auth\/user\/default$/, 404, 'session probe while logged out'],
    [/\/camunda-welcome$/, 404, 'login page first-visit probe'],
    [/\/camunda\/api\/admin\/auth\/user\/default\/login\/cockpit$/, 403, 'alice may not log in to Cockpit'],
    [/\/api\/dashboard\//, 403, 'carol and alice may not read the dashboard'],
  ],
  noiseLabel: 'expected',
  failOnBrowserErrors: true,
  settleMs: 300,
  idleTimeout: 5_000,
});

// ---------------------------------------------------------------------------------------------
// Helpers.

const dashboard = (page) => page.locator('.lifecycle-dashboard');
const text = async (locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim();

/** Waits until a chart in `scope` has been drawn: Chart.js is loaded and owns the canvas. */
async function chartDrawn(page, scope) {
  const canvas = scope.locator('.lifecycle-chart canvas').first();
  await canvas.waitFor({ timeout: 15_000 });
  await page.waitForFunction((c) => window.Chart && window.Chart.getChart(c), await canvas.elementHandle(), { timeout: 15_000 });
  return canvas.getAttribute('aria-label');
}

// ---------------------------------------------------------------------------------------------
// Steps.

const browser = await launchChromium();
let context;
let page;
async function freshSession() {
  if (context) await context.close();
  ({ context, page } = await newPage(browser, { acceptDownloads: true }));
}
await freshSession();
log(`BASE_URL=${BASE_URL}`);

// What the steps hand on to each other.
let stalledRow = null;

await step('1 bob logs in to Cockpit and finds the Lifecycle link', async () => {
  await login(page, COCKPIT, 'bob');
  const link = page.locator('[cam-widget-header] a.lifecycle-nav');
  await link.waitFor({ timeout: 20_000 });
  if (!(await link.isVisible())) throw new Error('the Lifecycle link is hidden for bob');
  const header = (await page.locator('[cam-widget-header] ul li > a').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
  return `header links [${header.join(', ')}]`;
});

await step('2 bob opens the Lifecycle dashboard and sees the demo communities', async () => {
  await page.locator('[cam-widget-header] a.lifecycle-nav').click();
  await page.waitForURL(/#\/lifecycle$/);
  const table = dashboard(page).locator('table.lifecycle-table');
  await table.waitFor({ timeout: 20_000 });
  const keys = await table.locator('tbody tr[data-community]').evaluateAll((rows) => rows.map((r) => r.dataset.community));
  const missing = DEMO_COMMUNITIES.filter((k) => !keys.includes(k));
  if (missing.length) throw new Error(`communities missing from the portfolio: ${missing.join(', ')} (shown: ${keys.join(', ')})`);
  const active = await page.locator('[cam-widget-header] li.active a.lifecycle-nav').count();
  const headers = (await table.locator('thead th').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
  const caption = await text(table.locator('caption'));
  const chart = await chartDrawn(page, dashboard(page));
  const stats = await text(dashboard(page).locator('.lifecycle-stats'));
  const sumo = await text(table.locator('tr[data-community="sumo-community"]'));
  // No focus ring on the header link that was just clicked, in the picture.
  await page.evaluate(() => document.activeElement?.blur());
  await settle(page);
  await shot(page, 'portfolio');
  if (process.env.README_SCREENSHOT === '1') {
    fs.mkdirSync(path.dirname(README_SHOT), { recursive: true });
    await page.screenshot({ path: README_SHOT });
    log(`README screenshot ${README_SHOT}`);
  }
  return `${keys.length} communities; caption "${caption}"; columns [${headers.join(' | ')}]; stats "${stats}"; `
    + `sumo row "${sumo}"; header link active: ${active > 0}; chart "${chart}"`;
});

await step('3 bob filters the portfolio by liaison', async () => {
  const select = dashboard(page).locator('.lifecycle-filter select');
  const options = (await select.locator('option').allInnerTexts()).map((t) => t.trim());
  if (!options.includes('bob')) throw new Error(`no liaison "bob" to filter by; options: ${options.join(', ')}`);
  await select.selectOption('bob');
  await dashboard(page).locator('table.lifecycle-table caption', { hasText: 'of liaison bob' }).waitFor({ timeout: 15_000 });
  const rows = await dashboard(page).locator('table.lifecycle-table tbody tr[data-community]').count();
  await select.selectOption('');
  await dashboard(page).locator('table.lifecycle-table caption', { hasText: /^Communities:/ }).waitFor({ timeout: 15_000 });
  return `options [${options.join(', ')}]; bob's communities: ${rows}`;
});

await step('4 bob opens the stalled work', async () => {
  await dashboard(page).locator('.lifecycle-tabs a', { hasText: 'Stalled work' }).click();
  await page.waitForURL(/#\/lifecycle\/stalled$/);
  const body = dashboard(page).locator('.lifecycle-body');
  await body.locator('table.lifecycle-stalled, .lifecycle-empty').first().waitFor({ timeout: 20_000 });
  const chart = await chartDrawn(page, body);
  const rows = body.locator('table.lifecycle-stalled tbody tr');
  const count = await rows.count();
  await settle(page);
  await shot(page, 'stalled-work');
  if (!count) {
    const empty = await text(body.locator('.lifecycle-empty'));
    if (ALLOW_NO_STALLED) return `no stalled work (tolerated by ALLOW_NO_STALLED): "${empty}"; chart "${chart}"`;
    throw new Error(`the demo data should have stalled milestones; the page says "${empty}"`);
  }
  // Sorted by how long they stalled, longest first; a click on the heading turns the order round.
  const sortButton = body.locator('button.lifecycle-sort[data-sort="stalledFor"]');
  const before = await sortButton.locator('xpath=..').getAttribute('aria-sort');
  const firstBefore = await text(rows.first().locator('td').nth(3));
  await sortButton.click();
  await body.locator('th[aria-sort="ascending"] button[data-sort="stalledFor"]').waitFor({ timeout: 15_000 });
  const firstAfter = await text(body.locator('table.lifecycle-stalled tbody tr').first().locator('td').nth(3));
  await body.locator('button.lifecycle-sort[data-sort="stalledFor"]').click();
  await body.locator('th[aria-sort="descending"] button[data-sort="stalledFor"]').waitFor({ timeout: 15_000 });
  const first = body.locator('table.lifecycle-stalled tbody tr').first();
  stalledRow = {
    milestoneInstance: await first.getAttribute('data-milestone'),
    community: await text(first.locator('th')),
    milestone: await text(first.locator('td').first()),
    summary: await text(first),
  };
  return `${count} stalled; sorted ${before} (longest "${firstBefore}"), then ascending (shortest "${firstAfter}"); `
    + `first: "${stalledRow.summary}"; chart "${chart}"`;
});

await step('5 bob drills into the stalled milestone and sees its timeline', async () => {
  if (!stalledRow) {
    if (ALLOW_NO_STALLED) return 'skipped: nothing stalled (ALLOW_NO_STALLED)';
    throw new Error('no stalled milestone to drill into');
  }
  await dashboard(page).locator(`table.lifecycle-stalled tr[data-milestone="${stalledRow.milestoneInstance}"] td a`).first().click();
  await page.waitForURL(/#\/lifecycle\/communities\/[^?]+\?milestone=/);
  const focused = dashboard(page).locator(`tr.lifecycle-focus[data-milestone="${stalledRow.milestoneInstance}"]`);
  await focused.waitFor({ timeout: 20_000 });
  const timeline = dashboard(page).locator(`#lifecycle-timeline-${stalledRow.milestoneInstance}`);
  if (!(await timeline.isVisible())) throw new Error('the stalled milestone\'s timeline is not open');
  const steps = (await timeline.locator('tbody th').allInnerTexts()).map((t) => t.trim());
  if (!steps.some((s) => s === 'Deliver' || s === 'Review')) throw new Error(`timeline without a deliver or review step: ${steps.join(', ')}`);
  const status = await text(focused.locator('.label').first());
  if (status !== 'Stalled') throw new Error(`the milestone shows as "${status}", not Stalled`);
  const title = await text(dashboard(page).locator('h1'));
  const facts = await text(dashboard(page).locator('.lifecycle-facts'));
  await chartDrawn(page, dashboard(page).locator('.lifecycle-funnel'));
  const exit = await text(dashboard(page).locator('.lifecycle-exit-target h3'));
  await settle(page);
  await shot(page, 'community-stalled-milestone');
  // The dashboard scrolls inside Cockpit's frame: scroll it to show the funnel, then back.
  await dashboard(page).evaluate((el) => { el.scrollTop = el.scrollHeight; });
  await shot(page, 'community-funnel');
  await dashboard(page).evaluate((el) => { el.scrollTop = 0; });
  return `"${title}" (${facts}); milestone row "${await text(focused)}"; timeline [${steps.join(', ')}]; ${exit}`;
});

await step('6 the handoff report downloads as CSV and JSON', async () => {
  if (!stalledRow && ALLOW_NO_STALLED) {
    await page.goto(`${COCKPIT}#/lifecycle/communities/sumo-community`, { waitUntil: 'domcontentloaded' });
    await dashboard(page).locator('.lifecycle-actions').waitFor({ timeout: 20_000 });
  }
  const csvLink = dashboard(page).getByRole('link', { name: 'Download handoff report (CSV)' });
  const [download] = await Promise.all([page.waitForEvent('download'), csvLink.click()]);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  const header = csv.split(/\r?\n/)[0];
  if (!/milestone/i.test(header)) throw new Error(`the CSV does not start with a header row: ${header}`);
  const jsonHref = await dashboard(page).getByRole('link', { name: 'Download handoff report (JSON)' }).getAttribute('href');
  const json = await context.request.get(`${BASE_URL}${jsonHref}`);
  if (json.status() !== 200) throw new Error(`JSON report: HTTP ${json.status()}`);
  const report = await json.json();
  return `${download.suggestedFilename()}: ${csv.trim().split(/\r?\n/).length - 1} rows, header "${header}"; `
    + `JSON: ${report.milestones?.length} milestones`;
});

await step('7 bob follows the link to the milestone\'s process instance in Cockpit', async () => {
  if (!stalledRow) {
    if (ALLOW_NO_STALLED) return 'skipped: nothing stalled (ALLOW_NO_STALLED)';
    throw new Error('no stalled milestone to follow');
  }
  const link = dashboard(page).locator(`tr[data-milestone="${stalledRow.milestoneInstance}"] a[href^="#/process-instance/"]`);
  await link.click();
  await page.waitForURL(new RegExp(`#/process-instance/${stalledRow.milestoneInstance}/runtime`));
  // Cockpit's process instance page: its diagram and the instance id in the sidebar.
  await page.locator('.process-instance, [cam-widget-bpmn-viewer], .diagram-holder, .ctn-content').first().waitFor({ timeout: 20_000 });
  await page.getByText(stalledRow.milestoneInstance).first().waitFor({ timeout: 20_000 });
  await settle(page, 1500);
  await shot(page, 'cockpit-process-instance');
  const crumbs = await text(page.locator('.breadcrumbs-panel, [cam-breadcrumbs-panel]').first()).catch(() => '');
  return `on ${new URL(page.url()).hash}; breadcrumbs "${crumbs}"`;
});

await step('8 the programs and handoff health pages render', async () => {
  await page.goto(`${COCKPIT}#/lifecycle/programs`, { waitUntil: 'domcontentloaded' });
  const programs = dashboard(page).locator('.lifecycle-body');
  await programs.locator('.lifecycle-section').first().waitFor({ timeout: 20_000 });
  const sections = (await programs.locator('.lifecycle-section h2').allInnerTexts()).map((t) => t.trim());
  const cohorts = await programs.locator('.lifecycle-section').first().locator('tbody tr').count();
  if (await programs.locator('.lifecycle-chart').count()) await chartDrawn(page, programs);
  await settle(page);
  await shot(page, 'programs');
  await dashboard(page).locator('.lifecycle-tabs a', { hasText: 'Handoff health' }).click();
  await page.waitForURL(/#\/lifecycle\/handoffs$/);
  const health = dashboard(page).locator('.lifecycle-body');
  await health.locator('table, .lifecycle-empty').first().waitFor({ timeout: 20_000 });
  const liaisons = (await health.locator('tbody th').allInnerTexts()).map((t) => t.trim());
  if (liaisons.length) await chartDrawn(page, health);
  await settle(page);
  await shot(page, 'handoff-health');
  return `programs sections [${sections.join(', ')}], ${cohorts} cohorts; handoff health for [${liaisons.join(', ')}]`;
});

await step('9 carol may use Cockpit and the Versions page, but not the rest of the dashboard', async () => {
  await freshSession();
  await login(page, COCKPIT, 'carol');
  await page.locator('[cam-widget-header]').waitFor({ timeout: 20_000 });
  // Her "Lifecycle" link leads to the Versions page, the one page for designers (e2e/migration.mjs uses it).
  await page.waitForFunction(() => {
    const link = document.querySelector('[cam-widget-header] a.lifecycle-nav');
    return link && getComputedStyle(link.closest('li')).display !== 'none'
      && (link.getAttribute('href') || '').endsWith('/lifecycle/versions');
  }, null, { timeout: 15_000 });
  await page.goto(`${COCKPIT}#/lifecycle`, { waitUntil: 'domcontentloaded' });
  const alert = dashboard(page).locator('.lifecycle-error');
  await alert.waitFor({ timeout: 20_000 });
  const message = await text(alert);
  await shot(page, 'carol-forbidden');
  if (!message.includes(FORBIDDEN_TEXT)) throw new Error(`carol sees "${message}"`);
  return `header link goes to the Versions page; the portfolio says "${message}"`;
});

await step('10 alice cannot see the dashboard', async () => {
  await freshSession();
  await login(page, COCKPIT, 'alice');
  await page.waitForTimeout(1000);
  const refused = await page.locator('form[name="signinForm"]').isVisible();
  await shot(page, 'alice-cockpit-refused');
  if (!refused) throw new Error('alice got into Cockpit');
  await page.goto(`${COCKPIT}#/lifecycle`, { waitUntil: 'domcontentloaded' });
  await page.locator('form[name="signinForm"]').waitFor({ timeout: 20_000 });
  const dashboards = await dashboard(page).count();
  if (dashboards) throw new Error('alice sees the lifecycle dashboard');
  // Logged in to Tasklist, her session reaches the API, which refuses her. The login form is drawn
  // again while Tasklist boots; typing before that is lost.
  await login(page, TASKLIST, 'alice', { waitBeforeTyping: 1500 });
  await page.locator('.task-filters').waitFor({ timeout: 20_000 });
  const api = await context.request.get(`${BASE_URL}/api/dashboard/portfolio`);
  if (api.status() !== 403) throw new Error(`alice's Tasklist session reads the portfolio: HTTP ${api.status()}`);
  const problem = await api.json();
  return `Cockpit login refused; #/lifecycle shows the login form; API with her Tasklist session: ${api.status()} "${problem.detail}"`;
});

await browser.close();
finish();
