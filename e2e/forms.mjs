// Browser check of Tasklist's Camunda Forms: what the browser checks before a submit, what the
// server refuses, and a form that cannot be loaded.
//
//   cd e2e && BASE_URL=http://localhost:18301 npm run forms
//   BROKEN=pattern BASE_URL=... npm run forms    # the deliver form without its link pattern: must FAIL
//
// alice opens one of her "Deliver milestone" tasks and:
//   1a. presses Complete on the empty form: the required fields are marked and the message names them;
//   1b. types a link that is no web address: the field is marked with the server's message, no
//      submit-form request leaves the browser, and the Complete button stays reachable;
//   2. types a web address the browser lets through but the server refuses (a space in it): the
//      refusal shows without Camunda's "Cannot submit task form <id>:" prefix;
//   3. fixes the link and completes the task.
// Then a task whose form cannot be found (made through the REST API as admin: the form's deployment
// deleted after the task was created; removed again afterwards) shows what is wrong and who can fix it.
//
// It completes one Deliver task per run: a demo database has several for alice. ADMIN_PASSWORD
// (default demo) is the admin's password for the probe.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE_URL, createRun, launchChromium } from './support.mjs';

const SHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots', 'forms');
const TASKLIST = `${BASE_URL}/camunda/app/tasklist/`;
const BROKEN = process.env.BROKEN || '';

const LINK_MESSAGE = 'Link to the deliverable: give a web address such as https://wiki.example.org/page';
const SUBMIT = /\/task\/[^/]+\/(submit-form|complete)(\?|$)/;
const DEPLOYED_FORM = /\/task\/[^/]+\/deployed-form(\?|$)/;

let page;
const { log, shot, settle, login, newPage, step, finish } = createRun({
  shots: SHOTS,
  page: () => page,
  noise: [
    [/\/camunda\/api\/admin\/auth\/user\/default$/, 404, 'session probe while logged out: Camunda webapp behaviour'],
    [/\/camunda-welcome$/, 404, 'login page first-visit probe: Camunda webapp behaviour (disableWelcomeMessage)'],
    [/\/submit-form$/, 400, 'the server refusal this check provokes'],
    [/\/deployed-form$/, 404, 'the missing form this check provokes'],
  ],
});

// --- helpers ---------------------------------------------------------------------------------------

const details = () => page.locator('.task-details');
const form = () => details().locator('.fjs-form');
const completeButton = () => details().getByRole('button', { name: 'Complete' });
const linkField = () => form().locator('.fjs-form-field').filter({ has: page.getByLabel('Link to the deliverable') });
const notifications = () =>
  page.locator('.page-notifications .alert, .notifications .alert, [cam-notifications] .alert').filter({ visible: true });

async function notificationText() {
  const texts = await notifications().allInnerTexts().catch(() => []);
  return texts.map((t) => t.replace(/\s+/g, ' ').replace(/^× Close /, '').trim()).filter(Boolean).join(' | ');
}

async function dismissNotifications() {
  for (let i = await notifications().count(); i > 0; i -= 1) {
    const alert = notifications().first();
    // Tasklist's alert has two close buttons; the first is hidden.
    await alert.locator('button.close').filter({ visible: true }).first().click({ timeout: 3_000 }).catch(() => {});
    await settle(page, 300);
  }
}

/** Every submit-form or complete request the page sends, from now on. */
const submits = [];
function watchSubmits(p) {
  p.on('request', (request) => {
    if (request.method() === 'POST' && SUBMIT.test(new URL(request.url()).pathname)) {
      submits.push(request.url());
      log(`submit request: ${request.url()}`);
    }
  });
}

/** Whether the Complete button is on screen and the topmost element at its centre, so a click reaches it. */
async function completeReachable() {
  const button = completeButton();
  if (!(await button.isVisible())) return { reachable: false, why: 'not visible' };
  await button.scrollIntoViewIfNeeded();
  const box = await button.boundingBox();
  const viewport = page.viewportSize();
  if (!box || box.y < 0 || box.y + box.height > viewport.height) return { reachable: false, why: 'outside the window' };
  const top = await button.evaluate((b) => {
    const r = b.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit === b || b.contains(hit) ? null : `${hit?.tagName?.toLowerCase()}.${hit?.className}`;
  });
  return top ? { reachable: false, why: `covered by ${top}` } : { reachable: true, why: '' };
}

/** The messages under the link field. */
async function linkErrors() {
  const texts = await linkField().locator('.fjs-form-field-error li').allInnerTexts();
  return texts.map((t) => t.trim());
}

/** Opens alice's first Deliver milestone task in My tasks and claims it if need be; returns its heading. */
async function openDeliverTask() {
  await page.goto(TASKLIST, { waitUntil: 'domcontentloaded' });
  await page.locator('.task-filters .task-filter').filter({ hasText: 'My tasks' }).first().click();
  await settle(page);
  const item = page.locator('ol.tasks-list li.task').filter({ has: page.locator('h4.task', { hasText: 'Deliver milestone' }) }).first();
  await item.waitFor({ timeout: 15_000 });
  const title = (await item.locator('h4.task').innerText()).trim();
  await item.locator('h4.task a').click();
  await form().locator('h2').first().waitFor({ timeout: 15_000 });
  await settle(page, 500);
  const claim = details().getByRole('link', { name: /^\s*Claim\s*$/ }).or(details().getByRole('button', { name: /^\s*Claim\s*$/ }));
  if (await claim.count() && await claim.first().isVisible()) {
    await claim.first().click();
    await settle(page);
  }
  return title;
}

// --- the run ---------------------------------------------------------------------------------------

const browser = await launchChromium();
({ page } = await newPage(browser));
watchSubmits(page);

if (BROKEN === 'pattern') {
  // The deliberately broken copy: the deliver form as the server sends it, without its link pattern.
  await page.route(DEPLOYED_FORM, async (route) => {
    const response = await route.fetch();
    if (!response.ok()) return route.fulfill({ response });
    const schema = await response.json();
    for (const c of schema.components) if (c.key === 'deliverableUrl') delete c.validate.pattern;
    log('BROKEN=pattern: the deliver form is served without validate.pattern');
    await route.fulfill({ response, json: schema });
  });
  console.log('BROKEN=pattern: the deliver form loses its link pattern; the first check must fail');
}

let taskTitle = '';

await step('0 alice logs in to Tasklist and opens a Deliver milestone task', async () => {
  // Tasklist's first load after the app started can fail on a busy machine: RequireJS gives up on a
  // plugin after 7 s (a blank page), or the first list request races the new session and Tasklist
  // asks to log in again. One more try then.
  for (let attempt = 1; ; attempt += 1) {
    try {
      await login(page, TASKLIST, 'alice', { waitBeforeTyping: 1500 });
      await page.locator('.task-filters .task-filter').filter({ hasText: 'My tasks' }).first().waitFor({ timeout: 20_000 });
      await settle(page, 1000);
      if (!(await page.locator('form[name="signinForm"]').isVisible())) break;
      throw new Error('Tasklist asked to log in again');
    } catch (e) {
      if (attempt === 2) throw e;
      log(`login attempt ${attempt} did not reach the task list (${e.message.split('\n')[0]}); once more`);
    }
  }
  taskTitle = await openDeliverTask();
  await shot(page, 'deliver-form');
  const description = (await linkField().locator('.fjs-form-field-description').innerText()).trim();
  if (!/https?:\/\//.test(description)) throw new Error(`the link field does not say what is expected: "${description}"`);
  return `"${taskTitle}"; the field says "${description}"`;
});

await step('1a Complete on the empty form marks the required fields and names them, before any submit', async () => {
  const before = submits.length;
  if (!(await completeButton().isEnabled())) throw new Error('Complete is disabled on the untouched form');
  await completeButton().click();
  await notifications().first().waitFor({ timeout: 10_000 });
  await settle(page, 500);
  const notes = await notificationText();
  const marked = await form().locator('.fjs-form-field-error').filter({ visible: true }).allInnerTexts();
  await shot(page, 'empty-form-complete');
  const sent = submits.slice(before);
  if (sent.length) throw new Error(`the browser sent ${sent.length} submit request(s) for an empty form`);
  for (const want of ['Link to the deliverable: Field is required', 'Summary: Field is required']) {
    if (!notes.includes(want)) throw new Error(`the message does not name "${want}": "${notes}"`);
  }
  await dismissNotifications();
  const left = await notifications().count();
  if (left) throw new Error(`${left} notification(s) did not close`);
  return `fields marked [${marked.map((t) => t.trim()).join(' | ')}]; shown "${notes}"; no submit request`;
});

await step('1b a link that is no web address is marked in the browser, before any submit', async () => {
  const before = submits.length;
  const f = form();
  await f.getByLabel('Link to the deliverable').fill('our wiki');
  await f.getByLabel('Summary').fill('Wrote down how we onboard, triage and release.');
  await f.getByLabel('Summary').blur();
  await settle(page, 500);
  // A person clicks Complete; Tasklist disables it while form-js marks a field, so the click may do nothing.
  if (await completeButton().isEnabled()) await completeButton().click();
  await settle(page, 1500);
  const errors = await linkErrors();
  const invalid = await f.getByLabel('Link to the deliverable').getAttribute('aria-invalid');
  const reachable = await completeReachable();
  const notes = await notificationText();
  await shot(page, 'invalid-link-marked');
  const sent = submits.slice(before);
  if (sent.length) throw new Error(`the browser sent ${sent.length} submit request(s) for "our wiki": ${sent.join(', ')}; notifications: [${notes}]`);
  if (!errors.includes(LINK_MESSAGE)) throw new Error(`the link field is not marked with "${LINK_MESSAGE}"; its messages: [${errors.join(' | ')}]`);
  if (!reachable.reachable) throw new Error(`the Complete button is not reachable: ${reachable.why}`);
  return `marked "${errors.join(' | ')}" (aria-invalid=${invalid}); no submit request; Complete reachable, ` +
    `enabled: ${await completeButton().isEnabled()}; notifications [${notes}]`;
});

await step('2 a refusal only the server can make shows without the task-id prefix', async () => {
  // java.net.URI takes no space in a path; the browser's pattern asks only for http(s):// and a host.
  const value = 'https://wiki.example.org/our practices';
  await form().getByLabel('Link to the deliverable').fill(value);
  await form().getByLabel('Link to the deliverable').blur();
  await settle(page, 500);
  const marked = await linkErrors();
  if (marked.length) throw new Error(`the browser already marks "${value}": ${marked.join(' | ')}`);
  const [response] = await Promise.all([
    page.waitForResponse((r) => SUBMIT.test(new URL(r.url()).pathname) && r.request().method() === 'POST', { timeout: 20_000 }),
    completeButton().click({ timeout: 10_000 }),
  ]);
  const body = await response.json().catch(() => ({}));
  await notifications().first().waitFor({ timeout: 10_000 });
  await settle(page, 500);
  const notes = await notificationText();
  await shot(page, 'server-refusal');
  if (response.status() !== 400) throw new Error(`expected 400, got ${response.status()}: ${JSON.stringify(body)}`);
  if (/Cannot submit task form/.test(body.message) || /Cannot submit task form/.test(notes)) {
    throw new Error(`the refusal keeps Camunda's prefix: "${body.message}"; shown: "${notes}"`);
  }
  if (!notes.includes(`${LINK_MESSAGE}; '${value}' is not one`)) throw new Error(`the refusal shown is "${notes}"`);
  const reachable = await completeReachable();
  if (!reachable.reachable) throw new Error(`the refusal makes the Complete button unreachable: ${reachable.why}`);
  return `400 ${body.type}: "${body.message}"; shown "${notes}"; Complete reachable meanwhile`;
});

await step('3 with the link fixed the task completes', async () => {
  await dismissNotifications();
  await form().getByLabel('Link to the deliverable').fill('https://wiki.example.org/our-practices');
  await form().getByLabel('Link to the deliverable').blur();
  await settle(page, 300);
  const [response] = await Promise.all([
    page.waitForResponse((r) => SUBMIT.test(new URL(r.url()).pathname) && r.request().method() === 'POST', { timeout: 20_000 }),
    completeButton().click({ timeout: 10_000 }),
  ]);
  await page.waitForFunction((t) => ![...document.querySelectorAll('ol.tasks-list li.task h4.task')]
    .some((h) => h.textContent.trim() === t), taskTitle, { timeout: 15_000 }).catch(() => {});
  await settle(page, 1000);
  await shot(page, 'completed');
  if (response.status() >= 300) throw new Error(`completion answered ${response.status()}: ${await response.text()}`);
  return `submit-form answered ${response.status()}; notifications [${await notificationText()}]`;
});

/**
 * A task whose form the server cannot find, made through the REST API as an administrator: a form
 * deployed on its own, a process whose task names it (binding latest; the model check lets that
 * through because the form is deployed), one instance, then the form's deployment deleted.
 * Returns the task's id and a function that removes the probe again.
 */
async function taskWithMissingForm() {
  const auth = { Authorization: `Basic ${Buffer.from(`admin:${process.env.ADMIN_PASSWORD || 'demo'}`).toString('base64')}` };
  const rest = async (method, url, body) => {
    const response = await fetch(`${BASE_URL}/engine-rest${url}`, { method, headers: { ...auth, ...(body instanceof FormData ? {} : { 'Content-Type': 'application/json' }) }, body: body instanceof FormData ? body : body && JSON.stringify(body) });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : null;
  };
  const deploy = (name, file, content) => {
    const data = new FormData();
    data.append('deployment-name', name);
    data.append('data', new Blob([content]), file);
    return rest('POST', '/deployment/create', data);
  };
  const formKey = 'forms-check-probe';
  const processKey = 'forms-check-probe';
  const formDeployment = await deploy('forms-check probe form', `${formKey}.form`, JSON.stringify({
    id: formKey, type: 'default', schemaVersion: 16,
    components: [{ type: 'textfield', key: 'probe', label: 'Probe', id: 'Field_probe' }],
  }));
  const processDeployment = await deploy('forms-check probe process', `${processKey}.bpmn`, `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_probe" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${processKey}" name="Forms check probe" isExecutable="true" camunda:historyTimeToLive="P1D">
    <bpmn:startEvent id="Start"/>
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Probe"/>
    <bpmn:userTask id="Task_Probe" name="Probe a form that is gone" camunda:candidateGroups="activators" camunda:formRef="${formKey}" camunda:formRefBinding="latest"/>
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Probe" targetRef="End"/>
    <bpmn:endEvent id="End"/>
  </bpmn:process>
</bpmn:definitions>`);
  const instance = await rest('POST', `/process-definition/key/${processKey}/start`, {});
  await rest('DELETE', `/deployment/${formDeployment.id}`);
  const [task] = await rest('GET', `/task?processInstanceId=${instance.id}`);
  return { taskId: task.id, remove: () => rest('DELETE', `/deployment/${processDeployment.id}?cascade=true`) };
}

await step('4 a task whose form cannot be found says what is wrong and who can fix it', async () => {
  const probe = await taskWithMissingForm();
  try {
    const answer = page.waitForResponse((r) => DEPLOYED_FORM.test(new URL(r.url()).pathname), { timeout: 20_000 });
    await page.goto(`${TASKLIST}default/#/?task=${probe.taskId}`, { waitUntil: 'domcontentloaded' });
    const response = await answer;
    const body = await response.json().catch(() => ({}));
    const box = details().locator('.alert-danger').filter({ hasText: 'Form failure' });
    await box.first().waitFor({ timeout: 15_000 });
    await settle(page, 500);
    const text = (await box.first().innerText()).replace(/\s+/g, ' ').trim();
    await shot(page, 'form-not-found');
    if (/^Form failure:?$/.test(text)) throw new Error('the box is bare: "Form failure:"');
    for (const want of ["the form 'forms-check-probe' is not deployed", 'process designer']) {
      if (!text.includes(want)) throw new Error(`the box does not say "${want}": "${text}"`);
    }
    return `the server answered ${response.status()} "${body.message}"; Tasklist shows "${text}"`;
  } finally {
    await probe.remove();
  }
});

await browser.close();
finish();
