// Browser check of contribution sources (docs/sources.md): bob, SUMO's CBT liaison, connects
// sumo-community to the demo's GH Archive files of mozilla/kitsune from Tasklist ("Add a
// contribution source"), sees its first sync in the community detail of the Lifecycle dashboard,
// then reviews the possible duplicates in Tasklist and merges two people who came in under two
// names: "kiki" (typed in by hand, Kiki Mwangi) and the GitHub login "kiki-m" (whose commits name
// Kiki Mwangi), and Rosana Ortiz's login and commit email.
//
//   cd e2e && npm ci && npm run sources                       # against ./mvnw spring-boot:run (port 8080)
//   BASE_URL=http://127.0.0.1:18091 npm run -s sources         # against another instance
//
// It CHANGES the demo data (a source, 28 people, two merges): run it on a fresh demo database, after the
// checks that read SUMO's figures (.ci/run does). SOURCES_WAIT_S (default 120) bounds the wait for
// the first sync. Screenshots and a log land in e2e/screenshots/sources/. Exit code 1 when a step failed.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE_URL, PASSWORD, createRun, launchChromium } from './support.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SHOTS = path.join(HERE, 'screenshots', 'sources');
const COCKPIT = `${BASE_URL}/camunda/app/cockpit/default/`;
const TASKLIST = `${BASE_URL}/camunda/app/tasklist/default/`;
const COMMUNITY = 'sumo-community';
const RUN = Date.now().toString(36).slice(-4);
const SOURCE = `kitsune (GH Archive, ${RUN})`;
const WAIT_MS = Number(process.env.SOURCES_WAIT_S || 120) * 1000;

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
const basic = (user) => ({ Authorization: `Basic ${Buffer.from(`${user}:${PASSWORD}`).toString('base64')}` });

async function api(user, pathAndQuery) {
  const response = await fetch(`${BASE_URL}${pathAndQuery}`, { headers: { ...basic(user), Accept: 'application/json' } });
  return { status: response.status, body: await response.json().catch(() => null) };
}

/** Opens Tasklist's "Start process" dialog on the process; returns the dialog. */
async function openStartForm(processName) {
  await page.goto(TASKLIST, { waitUntil: 'domcontentloaded' });
  await page.locator('.task-filters').waitFor({ timeout: 20_000 });
  await settle(page);
  await page.locator('[cam-widget-header] li.start-process-action a').click();
  const dialog = page.locator('.modal-content').first();
  await dialog.waitFor({ timeout: 10_000 });
  await dialog.getByText(processName, { exact: true }).first().click();
  await dialog.locator('.fjs-form').waitFor({ timeout: 15_000 });
  await settle(page, 300);
  return dialog;
}

async function startAndClose(dialog) {
  await dialog.getByRole('button', { name: 'Start' }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 20_000 }).catch(() => {});
  await settle(page, 500);
  if (await dialog.isVisible()) {
    const errors = (await dialog.locator('.fjs-form-field-error, .alert').filter({ visible: true }).allInnerTexts())
      .map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
    throw new Error(`the start was refused: ${errors.join(' | ')}`);
  }
}

const dashboard = () => page.locator('.lifecycle-dashboard');
const sourceRow = () => dashboard().locator('table.lifecycle-sources tbody tr').filter({ hasText: SOURCE });

async function openCommunity() {
  await page.goto(`${COCKPIT}#/lifecycle/communities/${COMMUNITY}`, { waitUntil: 'domcontentloaded' });
  await dashboard().locator('table.lifecycle-sources').waitFor({ timeout: 20_000 });
  await sourceRow().waitFor({ timeout: 10_000 });
  await sourceRow().scrollIntoViewIfNeeded();
  await page.evaluate(() => document.activeElement?.blur());
  await settle(page);
}

const browser = await launchChromium();
let context;
({ context, page } = await newPage(browser));
log(`BASE_URL=${BASE_URL}`);

let sourceId = null;
let synced = null;
let before = null;

await step('1 bob adds a GH Archive source to sumo-community in Tasklist', async () => {
  before = (await api('bob', `/api/communities/${COMMUNITY}/contributors`)).body;
  check(Array.isArray(before), 'bob cannot read the contributors of sumo-community');
  await login(page, TASKLIST, 'bob', { waitBeforeTyping: 1500 });
  const dialog = await openStartForm('Add a contribution source');
  const labels = (await dialog.locator('label.fjs-form-field-label').allInnerTexts()).map((l) => l.replace(/\*$/, '').trim());
  await dialog.getByLabel('Community key').fill(COMMUNITY);
  await dialog.getByLabel('Name of the source').fill(SOURCE);
  const kind = dialog.locator('.fjs-form-field-select').filter({ hasText: 'Kind' });
  await kind.locator('.fjs-select-display, .fjs-input-group').first().click();
  await dialog.locator('.fjs-dropdownlist-item', { hasText: 'GH Archive files on this server' }).click();
  await dialog.getByLabel('Repositories').fill('mozilla/kitsune');
  await dialog.getByLabel('Location (GH Archive)').fill('demo/kitsune-2026-09');
  await dialog.getByLabel('Sync every').fill('PT6H');
  const tokenShown = await dialog.getByLabel('Token (optional)').count();
  check(tokenShown === 0, 'the form asks for a token for GH Archive files, which take none');
  await settle(page);
  await shot(page, 'bob-add-source-form');
  await startAndClose(dialog);
  const sources = (await api('bob', `/api/communities/${COMMUNITY}/sources`)).body;
  const added = sources.find((s) => s.name === SOURCE);
  check(added, `no source "${SOURCE}" after the start: ${JSON.stringify(sources.map((s) => s.name))}`);
  sourceId = added.id;
  return `form fields [${labels.join(', ')}]; source ${sourceId} added by ${added.createdBy}, status ${added.status}`;
});

await step('2 its first sync runs on the job executor', async () => {
  check(sourceId, 'no source');
  const started = Date.now();
  for (;;) {
    synced = (await api('bob', `/api/communities/${COMMUNITY}/sources/${sourceId}`)).body;
    if (!synced.syncing && synced.status !== 'never') break;
    check(Date.now() - started < WAIT_MS, `still syncing after ${WAIT_MS / 1000} s: ${JSON.stringify(synced)}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  // Read once more a moment later: once, on H2, a read that came within milliseconds of the sync's
  // commit saw its status but none of its contributions yet.
  await new Promise((r) => setTimeout(r, 1000));
  synced = (await api('bob', `/api/communities/${COMMUNITY}/sources/${sourceId}`)).body;
  check(synced.status === 'ok', `the sync ended ${synced.status}: ${synced.message}`);
  check(synced.contributions === 1484 && synced.contributors === 28,
    `the sync brought ${synced.contributions} contributions from ${synced.contributors} people; the sample has 1,484 from 28`);
  return `after ${Math.round((Date.now() - started) / 1000)} s: ${synced.contributions} contributions from ${synced.contributors} people`;
});

await step('3 bob sees the source and its first sync in the community detail', async () => {
  check(synced, 'no sync');
  await page.goto(COCKPIT, { waitUntil: 'domcontentloaded' });
  await openCommunity();
  const row = await text(sourceRow());
  const headers = (await dashboard().locator('table.lifecycle-sources thead th').allInnerTexts()).map((t) => t.trim());
  await shot(page, 'bob-community-sources');
  check(/GH Archive files/.test(row), `the row does not name the kind: "${row}"`);
  check(row.includes('mozilla/kitsune'), `the row does not say what it follows: "${row}"`);
  check(/\bOK\b/.test(row), `the row does not say the sync went well: "${row}"`);
  check(/1,?484 contributions from 28 people/.test(row), `the row does not say what it brought: "${row}"`);
  return `columns [${headers.join(' | ')}]; row "${row}"`;
});

let offered = [];

await step('4 bob reviews the possible duplicates of sumo-community in Tasklist and merges two people', async () => {
  check(synced, 'no sync');
  const dialog = await openStartForm('Review possible duplicates');
  await dialog.getByLabel('Community key').fill(COMMUNITY);
  await shot(page, 'bob-review-start');
  await startAndClose(dialog);
  await page.reload({ waitUntil: 'domcontentloaded' });
  const filter = page.locator('.task-filters .task-filter').filter({ hasText: 'My tasks' }).first();
  await filter.waitFor({ timeout: 20_000 });
  await filter.click();
  const item = page.locator('ol.tasks-list li.task').filter({ has: page.locator('h4.task', { hasText: 'Review possible duplicates' }) }).first();
  await item.waitFor({ timeout: 20_000 });
  await item.locator('h4.task a').click();
  const form = page.locator('.task-details .fjs-form');
  await form.locator('h2', { hasText: 'Review possible duplicates' }).waitFor({ timeout: 20_000 });
  await settle(page, 500);
  const merge = form.locator('.fjs-form-field-checklist').filter({ hasText: 'One person: merge them' });
  offered = (await merge.locator('label.fjs-form-field-label').allInnerTexts()).map((t) => t.trim()).filter((t) => t.includes(' and '));
  const kiki = merge.getByLabel(/^kiki \(Kiki Mwangi\) and kiki-m/);
  const rosana = merge.getByLabel(/^rosana \(Rosana Ortiz\) and rosana-ortiz/);
  check(await kiki.count(), `kiki and kiki-m are not offered: ${offered.join(' | ')}`);
  check(await rosana.count(), `rosana and rosana-ortiz are not offered: ${offered.join(' | ')}`);
  await kiki.check();
  await rosana.check();
  await settle(page);
  await shot(page, 'bob-review-duplicates');
  await page.locator('.task-details').getByRole('button', { name: 'Complete' }).click();
  await page.waitForFunction(() => ![...document.querySelectorAll('ol.tasks-list li.task h4.task')]
    .some((h) => h.textContent.includes('Review possible duplicates')), null, { timeout: 20_000 });
  await settle(page, 500);
  return `offered ${offered.length}: ${offered.slice(0, 4).join(' | ')}`;
});

await step('5 kiki is one person with her GitHub account, and the source now counts 27 people', async () => {
  check(offered.length, 'nothing was reviewed');
  const kiki = (await api('bob', `/api/communities/${COMMUNITY}/contributors/kiki`)).body;
  const accounts = kiki.identities.map((i) => `${i.kind} ${i.value} (${i.contributions})`);
  check(accounts.some((a) => a.startsWith('github kiki-m')), `kiki's accounts: ${accounts.join(', ')}`);
  check((await api('bob', `/api/communities/${COMMUNITY}/contributors/kiki-m`)).status === 404, 'kiki-m is still a contributor');
  await openCommunity();
  const row = await text(sourceRow());
  await shot(page, 'bob-community-sources-after-merge');
  // kiki (typed in) had no contribution from the source: merging kiki-m into her keeps one person; Rosana's two become one.
  check(/1,?484 contributions from 27 people/.test(row), `after the merges the row says "${row}"`);
  return `kiki: tier ${kiki.tier}, accounts [${accounts.join(', ')}]; row "${row}"`;
});

await context.close();
await browser.close();
finish();
