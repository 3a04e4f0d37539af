// The filters each role starts the day with. alice (activator) logs in to Tasklist and lands on
// "Due soon": her filters show their counts, the same as the REST API's, and the first item is her
// soonest milestone, named with its community and milestone. She delivers it. bob (liaison) finds it
// in "Waiting for my review". The header carries the product's name and no Camunda 8 banner.
// Two screenshots of this run are the README's (docs/images/tasklist-*.png, copied by hand).
//
//   cd e2e && npm ci && BASE_URL=http://localhost:8080 npm run -s filters

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE_URL, PASSWORD, createRun, launchChromium } from './support.mjs';

const SHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots', 'filters');
const TASKLIST = `${BASE_URL}/camunda/app/tasklist/`;

let page;
const { shot, settle, login, newPage, step, finish } = createRun({
  shots: SHOTS,
  page: () => page,
  noise: [
    [/\/camunda\/api\/admin\/auth\/user\/default$/, 404, 'session probe while logged out: Camunda webapp behaviour'],
    [/\/camunda-welcome$/, 404, 'login page first-visit probe: Camunda webapp behaviour'],
  ],
});

const auth = (user) => ({ Authorization: `Basic ${Buffer.from(`${user}:${PASSWORD}`).toString('base64')}` });

async function rest(user, method, pathAndQuery, body) {
  const response = await fetch(`${BASE_URL}/engine-rest${pathAndQuery}`, {
    method,
    headers: { ...auth(user), 'Content-Type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${pathAndQuery} as ${user}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** The user's filters as the REST API counts them, by name. */
async function filterCounts(user) {
  const filters = await rest(user, 'GET', '/filter?resourceType=Task&itemCount=true');
  return Object.fromEntries(filters.map((f) => [f.name, f]));
}

/** The sidebar's filters, in order, as "name" and the count Tasklist shows next to it. */
async function sidebar(p) {
  await p.locator('.task-filters .task-filter').first().waitFor({ timeout: 20_000 });
  // The counts (scripts/filter-counts.js) arrive after the names.
  await p.waitForFunction(() => [...document.querySelectorAll('.task-filters .task-filter')]
    .every((f) => f.querySelector('.cl-filter-count')), null, { timeout: 15_000 }).catch(() => {});
  const texts = await p.locator('.task-filters .task-filter h4').allInnerTexts();
  return texts.map((t) => {
    const m = /^(.*?)\s*\((\d+)\)\s*$/s.exec(t.replace(/\s+/g, ' ').trim());
    return m ? { name: m[1], count: Number(m[2]) } : { name: t.trim(), count: null };
  });
}

const browser = await launchChromium();
const items = (p) => p.locator('ol.tasks-list li.task');

let delivered;

await step('alice lands on "Due soon": her filters with their counts, the soonest milestone first', async () => {
  const { page: p } = await newPage(browser);
  page = p;
  await login(p, TASKLIST, 'alice', { waitBeforeTyping: 1500 });
  const shown = await sidebar(p);
  const api = await filterCounts('alice');
  const names = shown.map((f) => f.name);
  const want = ['Due soon', 'Changes requested', 'Delegated', 'My tasks', 'My group tasks'];
  if (names.join('|') !== want.join('|')) throw new Error(`filters [${names.join(', ')}], expected [${want.join(', ')}]`);
  for (const f of shown) {
    if (f.count !== api[f.name].itemCount) throw new Error(`"${f.name}" shows ${f.count}, the REST API counts ${api[f.name].itemCount}`);
  }
  // The first filter is open, and its first item is the soonest due of alice's Deliver steps.
  const active = (await p.locator('.task-filters .task-filter.active h4').innerText()).trim();
  if (!active.startsWith('Due soon')) throw new Error(`the open filter is "${active}"`);
  await items(p).first().waitFor({ timeout: 15_000 });
  const mine = await rest('alice', 'GET', '/task?assignee=alice&taskDefinitionKey=Task_DeliverMilestone&sortBy=dueDate&sortOrder=asc');
  const first = (await items(p).first().locator('h4.task').innerText()).trim();
  if (!mine.length) throw new Error('alice has no milestone to deliver');
  if (mine[0].due !== null && !mine.filter((t) => t.due === mine[0].due).some((t) => t.name === first)) {
    throw new Error(`first item "${first}", but the soonest due is "${mine[0].name}" (${mine[0].due})`);
  }
  // Each item names the community and the milestone (the filter's variables) and its due date.
  const firstItem = items(p).first();
  const variables = (await firstItem.locator('.variables').innerText().catch(() => '')).replace(/\s+/g, ' ');
  if (!/Community/.test(variables) || !/Milestone/.test(variables)) throw new Error(`the item's variables: "${variables}"`);
  const due = (await firstItem.innerText()).replace(/\s+/g, ' ');
  if (!/Due/i.test(due)) throw new Error(`the item shows no due date: "${due}"`);
  await shot(p, 'alice-due-soon');
  return `filters ${shown.map((f) => `${f.name} (${f.count})`).join(', ')}; first "${first}", due ${mine[0].due}; `
    + `variables "${variables.trim()}"`;
});

await step('no Camunda 8 banner, and our name in the header', async () => {
  const brand = (await page.locator('.navbar-brand').first().getAttribute('title')) ?? '';
  if (!brand.includes('Community Lifecycle')) throw new Error(`the header's brand is "${brand}"`);
  const banner = page.locator('.ce-eol-banner');
  if ((await banner.count()) > 0 && (await banner.first().isVisible())) throw new Error('the "migrate to Camunda 8" banner is shown');
  const title = await page.title();
  return `brand "${brand}", title "${title}"`;
});

await step('alice delivers her soonest milestone', async () => {
  await items(page).first().locator('h4.task a, h4.task').first().click();
  const form = page.locator('.task-details .fjs-form');
  await form.waitFor({ timeout: 20_000 });
  const heading = (await page.locator('.task-details h2, .task-details .names h2').first().innerText().catch(() => '')).trim();
  const [task] = await rest('alice', 'GET', '/task?assignee=alice&taskDefinitionKey=Task_DeliverMilestone&sortBy=dueDate&sortOrder=asc&maxResults=1');
  await form.getByLabel('Link to the deliverable').fill('https://wiki.example.org/filters/soonest');
  await form.getByLabel('Summary').fill('Delivered from the top of "Due soon".');
  await page.locator('.task-details').getByRole('button', { name: 'Complete' }).click();
  const { processInstanceId } = task;
  for (let i = 0; i < 30; i += 1) {
    const reviews = await rest('bob', 'GET', `/task?processInstanceId=${processInstanceId}&taskDefinitionKey=Task_ReviewDeliverable`);
    if (reviews.length) {
      delivered = reviews[0];
      break;
    }
    await page.waitForTimeout(500);
  }
  if (!delivered) throw new Error(`no review of "${task.name}" appeared after Complete`);
  await settle(page);
  await shot(page, 'alice-delivered');
  return `delivered "${task.name}" (heading "${heading}"); review task ${delivered.id}`;
});

await step('bob finds it in "Waiting for my review"', async () => {
  const { page: p } = await newPage(browser);
  page = p;
  await login(p, TASKLIST, 'bob', { waitBeforeTyping: 1500 });
  const shown = await sidebar(p);
  const names = shown.map((f) => f.name);
  const want = ['Waiting for my review', 'Stalled in my communities', 'My follow-ups', 'My tasks', 'My group tasks'];
  if (names.join('|') !== want.join('|')) throw new Error(`filters [${names.join(', ')}], expected [${want.join(', ')}]`);
  const api = await filterCounts('bob');
  for (const f of shown) {
    if (f.count !== api[f.name].itemCount) throw new Error(`"${f.name}" shows ${f.count}, the REST API counts ${api[f.name].itemCount}`);
  }
  await p.locator('.task-filters .task-filter h4').filter({ hasText: 'Waiting for my review' }).click({ force: true });
  await settle(p);
  const listed = (await items(p).locator('h4.task').allInnerTexts()).map((t) => t.trim());
  if (!listed.includes(delivered.name)) throw new Error(`"${delivered.name}" is not among [${listed.join(' | ')}]`);
  await items(p).filter({ hasText: delivered.name }).first().locator('h4.task').click();
  await p.locator('.task-details .fjs-form').waitFor({ timeout: 20_000 });
  await settle(p);
  await shot(p, 'bob-waiting-for-review');
  return `filters ${shown.map((f) => `${f.name} (${f.count})`).join(', ')}; holds "${delivered.name}"`;
});

await browser.close();
finish();
