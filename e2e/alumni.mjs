// Browser check of the alumni network: hana starts a cohort in Tasklist and reads the links in
// "Send alumni invitations"; a resident answers on the public page (keyboard and error summary
// included), joins, finds herself on the alumni page, and withdraws.
//
//   cd e2e && npm install && npm run alumni                     # against ./mvnw spring-boot:run (port 8080)
//   BASE_URL=http://localhost:8081 npm run alumni                 # against another instance
//
// Runs against a demo database; each run starts a cohort of its own, so it can be repeated.
// Screenshots and a log of browser errors land in e2e/screenshots/alumni/. Exit code 1 when any
// step failed. Uses playwright-core with the system Chromium (CHROMIUM env to override).

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE_URL, createRun, launchChromium } from './support.mjs';

const SHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots', 'alumni');
const TASKLIST = `${BASE_URL}/camunda/app/tasklist/`;
const RUN = Date.now().toString(36).slice(-5);
const HUB = `Bergerac Hub ${RUN}`;
const COHORT = 'Spring residency';
const RESIDENT = { name: 'Iris Novak', email: `iris.${RUN}@example.org` };

let page;
const { settle, login, newPage, shot, step, finish } = createRun({
  shots: SHOTS,
  page: () => page,
  screenshot: { fullPage: true },
});
function check(condition, message) {
  if (!condition) throw new Error(message);
}

const browser = await launchChromium();
({ page } = await newPage(browser));
let links = '';

await step('1 hana starts a cohort whose residency ended yesterday', async () => {
  // The login form is re-rendered once while the app boots; typing before then is lost.
  await login(page, TASKLIST, 'hana', { waitBeforeTyping: 800 });
  await page.locator('[cam-widget-header] li.start-process-action a').click();
  const dialog = page.locator('.modal-dialog, .modal-content').first();
  await dialog.getByText('Alumni network', { exact: true }).first().click();
  await dialog.locator('.fjs-form').waitFor({ timeout: 15_000 });
  await settle(page, 300);
  await dialog.getByLabel('Hub').fill(HUB);
  await dialog.getByLabel('Cohort').fill(COHORT);
  const yesterday = new Date(Date.now() - 86_400_000);
  const mmddyyyy = `${String(yesterday.getMonth() + 1).padStart(2, '0')}/${String(yesterday.getDate()).padStart(2, '0')}/${yesterday.getFullYear()}`;
  const date = dialog.getByLabel('Last day of the residency');
  await date.fill(mmddyyyy);
  await date.press('Enter');
  await dialog.getByLabel('Residents').fill(`${RESIDENT.name}, ${RESIDENT.email}\nJon Bell <jon.${RUN}@example.org>`);
  await shot(page, 'start-form');
  await dialog.getByRole('button', { name: 'Start' }).click();
  await settle(page, 1500);
  const alerts = (await page.locator('.alert').filter({ visible: true }).allInnerTexts()).join(' | ');
  check(!/error|must|give/i.test(alerts), `the start was refused: ${alerts}`);
  return alerts.replace(/\s+/g, ' ').slice(0, 120);
});

await step('2 hana reads the links in "Send alumni invitations"', async () => {
  // The job executor fires the "residency ended" timer within seconds.
  const task = page.locator('ol.tasks-list li.task h4.task a', { hasText: `Send alumni invitations: ${COHORT} (${HUB})` });
  for (let i = 0; i < 20 && !(await task.count()); i += 1) {
    await page.waitForTimeout(2000);
    await page.locator('.task-filters .task-filter').filter({ hasText: 'My tasks' }).first().click();
    await settle(page, 300);
  }
  await task.first().click();
  const form = page.locator('.task-details .fjs-form');
  await form.locator('h2').first().waitFor({ timeout: 15_000 });
  await settle(page, 500);
  links = await form.getByLabel(/Invitation links/).inputValue();
  await shot(page, 'send-invitations');
  check(links.includes(RESIDENT.email) && links.includes('/alumni/feedback/'), `no link for ${RESIDENT.email}: ${links}`);
  return `${links.split('\n').length} links`;
});

const hostPage = page;
({ page } = await newPage(browser, { viewport: { width: 900, height: 1100 } }));
const link = () => {
  const line = links.split('\n').find((l) => l.includes(RESIDENT.email));
  return `${BASE_URL}/alumni/feedback/${line.slice(line.lastIndexOf('/') + 1)}`;
};
let withdrawal = '';

await step('3 the resident sends the form empty and reads the error summary', async () => {
  await page.goto(link());
  check((await page.locator('html').getAttribute('lang')) === 'en', 'no lang attribute');
  check((await page.locator('fieldset legend').count()) === 3, 'three questions, each its own fieldset');
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await page.locator('.error-summary').waitFor();
  const focused = await page.evaluate(() => document.activeElement?.className ?? '');
  await shot(page, 'feedback-errors');
  check(focused.includes('error-summary'), `the error summary has focus, not "${focused}"`);
  check((await page.title()).startsWith('Error:'), 'the title says there is an error');
  return (await page.locator('.error-summary li').allInnerTexts()).join(' | ');
});

await step('4 the resident answers by keyboard and joins', async () => {
  await page.locator('.error-summary a').first().press('Enter');
  await page.keyboard.press('Space'); // "Yes, store my details" has focus
  await page.getByLabel('Yes, you may contact me').check();
  await page.getByLabel('Yes, list me').check();
  await page.getByLabel(/What are you up to/).fill('Building a seed library in Ljubljana');
  await shot(page, 'feedback-answered');
  await page.getByRole('button', { name: 'Send my answers' }).press('Enter');
  await page.getByRole('heading', { name: 'Thank you' }).waitFor();
  withdrawal = await page.locator('.link a').getAttribute('href');
  await shot(page, 'thanks');
  check(/\/alumni\/withdraw\//.test(withdrawal), 'a withdrawal link is shown');
});

await step('5 the alumni page lists her', async () => {
  await page.goto(`${BASE_URL}/alumni`);
  await shot(page, 'alumni-page');
  const text = await page.locator('main').innerText();
  check(text.includes(RESIDENT.name) && text.includes('seed library'), 'listed with what she is up to');
  check(!text.includes(RESIDENT.email), 'never her email');
});

await step('6 the used link is refused', async () => {
  const response = await page.goto(link());
  await shot(page, 'link-used');
  check(response.status() === 410, `410, not ${response.status()}`);
});

await step('7 she withdraws and disappears', async () => {
  await page.goto(withdrawal.replace(/^https?:\/\/[^/]+/, BASE_URL));
  await shot(page, 'withdraw');
  await page.getByRole('button', { name: 'Withdraw and erase my details' }).click();
  await page.getByRole('heading', { name: 'Your details are erased' }).waitFor();
  await page.goto(`${BASE_URL}/alumni`);
  check(!(await page.locator('main').innerText()).includes(RESIDENT.name), 'no longer listed');
});

await step('8 Jon joins too, and may be contacted', async () => {
  const line = links.split('\n').find((l) => l.includes(`jon.${RUN}@`));
  await page.goto(`${BASE_URL}/alumni/feedback/${line.slice(line.lastIndexOf('/') + 1)}`);
  await page.getByLabel('Yes, store my details').check();
  await page.getByLabel('Yes, you may contact me').check();
  await page.getByLabel('No', { exact: true }).last().check();
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await page.getByRole('heading', { name: 'Thank you' }).waitFor();
});

page = hostPage;
await step('9 hana confirms she sent the links; the list is gone', async () => {
  const form = page.locator('.task-details .fjs-form');
  await page.reload();
  await settle(page, 800);
  const task = page.locator('ol.tasks-list li.task h4.task a', { hasText: `Send alumni invitations: ${COHORT} (${HUB})` });
  await task.first().click();
  await form.locator('h2').first().waitFor({ timeout: 15_000 });
  await settle(page, 500);
  const remaining = await form.getByLabel(/Invitation links/).inputValue();
  check(!remaining.includes(RESIDENT.email), 'who answered dropped off the list');
  await form.getByLabel('I have sent every resident their own link').check();
  await page.locator('.task-details').getByRole('button', { name: 'Complete' }).click();
  await settle(page, 1500);
  await shot(page, 'sent');
  check(!(await task.count()), 'the task is done');
});

await step('10 six months on, hana organises the reunion with whoever agreed', async () => {
  // The reunion timer is months away: an administrator runs it now, through the REST API.
  const admin = { Authorization: `Basic ${Buffer.from('admin:demo').toString('base64')}` };
  const key = `${HUB.toLowerCase().replace(/[^a-z0-9]+/g, '-')}/spring-residency`;
  const [instance] = await (await fetch(`${BASE_URL}/engine-rest/process-instance?businessKey=${encodeURIComponent(key)}`, { headers: admin })).json();
  const [job] = await (await fetch(`${BASE_URL}/engine-rest/job?processInstanceId=${instance.id}&activityId=Timer_ReunionDue`, { headers: admin })).json();
  check((await fetch(`${BASE_URL}/engine-rest/job/${job.id}/execute`, { method: 'POST', headers: admin })).status === 204, 'timer run');
  await page.reload();
  await settle(page, 800);
  await page.locator('.task-filters .task-filter').filter({ hasText: 'My group tasks' }).first().click();
  await settle(page, 500);
  await page.locator('ol.tasks-list li.task h4.task a', { hasText: `Organise reunion: ${COHORT} (${HUB})` }).first().click();
  const form = page.locator('.task-details .fjs-form');
  await form.locator('h2').first().waitFor({ timeout: 15_000 });
  await settle(page, 500);
  const claim = page.locator('.task-details').getByRole('button', { name: /^\s*Claim\s*$/ })
    .or(page.locator('.task-details').getByRole('link', { name: /^\s*Claim\s*$/ }));
  if (await claim.count()) await claim.first().click();
  await settle(page, 500);
  const contacts = await form.getByLabel(/Alumni who agreed to be contacted/).inputValue();
  check(contacts.includes(`jon.${RUN}@`) && !contacts.includes(RESIDENT.email), `only Jon: ${contacts}`);
  await form.getByLabel('Planned').check();
  await form.getByLabel('Catch-up call online').check();
  const inAMonth = new Date(Date.now() + 30 * 86_400_000);
  const date = form.getByLabel('Date of the reunion');
  await date.fill(`${String(inAMonth.getMonth() + 1).padStart(2, '0')}/${String(inAMonth.getDate()).padStart(2, '0')}/${inAMonth.getFullYear()}`);
  await date.press('Enter');
  await shot(page, 'organise-reunion');
  await page.locator('.task-details').getByRole('button', { name: 'Complete' }).click();
  await settle(page, 1500);
  const alerts = (await page.locator('.alert').filter({ visible: true }).allInnerTexts()).join(' | ');
  check(!/must|give|choose|passed/i.test(alerts), `refused: ${alerts}`);
});

await step('11 hana records the catch-up call', async () => {
  await page.locator('.task-filters .task-filter').filter({ hasText: 'My group tasks' }).first().click();
  await settle(page, 800);
  await page.locator('ol.tasks-list li.task h4.task a', { hasText: `Record catch-up: ${COHORT} (${HUB})` }).first().click();
  const form = page.locator('.task-details .fjs-form');
  await form.locator('h2').first().waitFor({ timeout: 15_000 });
  await settle(page, 500);
  const claim = page.locator('.task-details').getByRole('button', { name: /^\s*Claim\s*$/ })
    .or(page.locator('.task-details').getByRole('link', { name: /^\s*Claim\s*$/ }));
  if (await claim.count()) await claim.first().click();
  await settle(page, 500);
  await form.getByLabel('Held').check();
  await form.getByLabel('How many alumni took part').fill('4');
  await form.getByLabel('Notes (optional)').fill('Plans for a summer work week at the hub.');
  await shot(page, 'record-catch-up');
  await page.locator('.task-details').getByRole('button', { name: 'Complete' }).click();
  await settle(page, 1500);
  check(!(await page.locator('ol.tasks-list li.task h4.task a', { hasText: `Record catch-up: ${COHORT} (${HUB})` }).count()), 'recorded');
});

await browser.close();
finish();
