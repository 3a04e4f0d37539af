// A designer's look at a stage model with its element templates applied, without Camunda Modeler:
// e2e/designer/index.html draws processes/starting.bpmn with bpmn-js and, for the clicked element,
// lists the fields of its element template (.camunda/element-templates/*.json) the way Modeler's
// properties panel does: label, the value read from the XML through the field's binding, and ✓/✗
// for the field's constraints; the hidden (fixed) properties are summed up as match/differ.
//
// The check clicks the first milestone call activity and the stage exit review, and compares what
// the panel shows with the template and with the XML as read here. Then it opens a copy of the model,
// broken in memory, and expects the panel to flag exactly what was broken. No app server is needed:
// a small read-only server in this script serves the repository root on 127.0.0.1.
//
//   cd e2e && npm ci && npm run -s designer

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRun, launchChromium, serveFolder } from './support.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const SHOTS = path.join(HERE, 'screenshots', 'designer');
const MODEL = 'processes/starting.bpmn';
const TEMPLATES_DIR = path.join(ROOT, '.camunda', 'element-templates');

const MILESTONE = JSON.parse(fs.readFileSync(path.join(TEMPLATES_DIR, 'milestone.json'), 'utf8'));
const REVIEW = JSON.parse(fs.readFileSync(path.join(TEMPLATES_DIR, 'stage-exit-review.json'), 'utf8'));
const XML = fs.readFileSync(path.join(ROOT, MODEL), 'utf8');

// ---- the XML as read here, independently of bpmn-js ------------------------------------------

const unescapeXml = (s) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const attrsOf = (tag) => Object.fromEntries([...tag.matchAll(/([\w:]+)="([^"]*)"/g)].map(([, k, v]) => [k, unescapeXml(v)]));

/** The element with this id in the XML: its attributes and its camunda:in / camunda:out mappings. */
function elementInXml(xml, id) {
  const open = new RegExp(`<bpmn:(\\w+) id="${id}"[^>]*>`).exec(xml);
  if (!open) throw new Error(`${id} is not in the model`);
  const end = xml.indexOf(`</bpmn:${open[1]}>`, open.index);
  const body = xml.slice(open.index, end);
  return {
    attrs: attrsOf(open[0]),
    ins: [...body.matchAll(/<camunda:in [^>]*>/g)].map(([t]) => attrsOf(t)),
    outs: [...body.matchAll(/<camunda:out [^>]*>/g)].map(([t]) => attrsOf(t)),
  };
}

/** What a labelled template field should show for an element, read from the XML here. */
function expectedValue(el, binding) {
  if (binding.type === 'property') return el.attrs[binding.name] ?? '';
  if (binding.type === 'camunda:in') {
    const m = el.ins.find((i) => i.target === binding.target);
    return (binding.expression ? m?.sourceExpression : m?.source) ?? '';
  }
  if (binding.type === 'camunda:out') return el.outs.find((o) => o.source === binding.source)?.target ?? '';
  throw new Error(`binding ${binding.type} is not expected in these templates`);
}

const templatedIds = (xml, templateId) =>
  [...xml.matchAll(new RegExp(`<bpmn:\\w+ id="([^"]+)"[^>]*camunda:modelerTemplate="${templateId.replace(/\./g, '\\.')}"`, 'g'))].map((m) => m[1]);

const MILESTONE_IDS = templatedIds(XML, MILESTONE.id);
const REVIEW_IDS = templatedIds(XML, REVIEW.id);
const FIRST_MILESTONE = MILESTONE_IDS[0];
const REVIEW_ID = 'Task_ReviewStageExit';

// ---- a copy of the model, broken in memory ---------------------------------------------------

const BROKEN_PATH = '/__broken/starting.bpmn';
const BROKEN_XML = XML
  .replace(/(<bpmn:callActivity id="CallActivity_BuildPathway"[^>]*?)camunda:calledElementBinding="deployment"/, '$1camunda:calledElementBinding="latest"')
  .replace('<camunda:in sourceExpression="buildPathway" target="milestoneKey" />', '<camunda:in sourceExpression="BuildPathway" target="milestoneKey" />')
  .replace('<camunda:in sourceExpression="Documentation of the pathway, with the people assigned to manage incoming contributors" target="deliverable" />', '<camunda:in sourceExpression="" target="deliverable" />')
  .replace(/(<bpmn:userTask id="Task_ReviewStageExit"[^>]*?)camunda:assignee="\$\{liaison\}"/, '$1camunda:assignee="demo"');

// ---- a read-only server of the repository root -----------------------------------------------

// A folder is listed as a JSON array of names: how the page finds the element templates.
const { server, base: BASE } = await serveFolder(ROOT, { extra: { [BROKEN_PATH]: BROKEN_XML }, listFolders: true });

// ---- the browser ------------------------------------------------------------------------------

let page;
const { shot, newPage, step, finish, log } = createRun({ shots: SHOTS, page: () => page, failOnBrowserErrors: true });
const browser = await launchChromium();
({ page } = await newPage(browser, { viewport: { width: 1600, height: 1000 } }));

async function open(model) {
  await page.goto(`${BASE}/e2e/designer/index.html?model=${encodeURIComponent(model)}`);
  await page.waitForFunction(() => document.body.dataset.ready || document.body.dataset.error, null, { timeout: 20_000 });
  const error = await page.evaluate(() => document.body.dataset.error);
  if (error) throw new Error(`the page failed: ${error}`);
}

/** Clicks an element of the diagram, as a designer would, and waits for the side panel to show it. */
async function click(id) {
  await page.locator(`.djs-element.djs-shape[data-element-id="${id}"]`).click();
  await page.locator(`#panel[data-element="${id}"]`).waitFor({ timeout: 5_000 });
}

/** What the side panel shows: template line, fields, hidden-property summary. */
const readPanel = () => page.evaluate(() => {
  const panel = document.getElementById('panel');
  const details = panel.querySelector('details.hidden-props');
  return {
    template: panel.querySelector('.template')?.textContent.replace(/\s+/g, ' ').trim(),
    fields: [...panel.querySelectorAll('.field')].map((f) => ({
      id: f.dataset.field, ok: f.dataset.ok === 'true', value: f.dataset.value,
      label: f.querySelector('.label').textContent, shown: f.querySelector('.value').textContent,
      problem: f.querySelector('.problem')?.textContent,
    })),
    hidden: details && {
      total: Number(details.dataset.hiddenTotal), differ: Number(details.dataset.hiddenDiffer),
      summary: details.querySelector('summary').textContent.replace(/\s+/g, ' ').trim(),
      rows: [...details.querySelectorAll('li')].map((li) => ({ where: li.dataset.hidden, ok: li.dataset.ok === 'true' })),
    },
  };
});

/** Asserts the panel shows the template, every labelled field with the XML's value, all ✓, all hidden matching. */
function assertClean(panelSeen, template, id) {
  const expectedTemplate = `Template: ${template.name} v${template.version}`;
  if (panelSeen.template !== expectedTemplate) throw new Error(`template line "${panelSeen.template}", expected "${expectedTemplate}"`);
  const labelled = template.properties.filter((p) => p.type !== 'Hidden' && p.label);
  const labels = panelSeen.fields.map((f) => f.label);
  if (labels.join('|') !== labelled.map((p) => p.label).join('|')) {
    throw new Error(`fields ${JSON.stringify(labels)}, expected the template's ${JSON.stringify(labelled.map((p) => p.label))}`);
  }
  const el = elementInXml(XML, id);
  labelled.forEach((p, i) => {
    const f = panelSeen.fields[i];
    const want = expectedValue(el, p.binding);
    if (f.value !== want) throw new Error(`${p.label}: panel shows "${f.value}", the XML has "${want}"`);
    if (!f.ok) throw new Error(`${p.label} = "${f.value}" is marked ✗: ${f.problem}`);
    if (!p.optional && !f.value) throw new Error(`${p.label} has no value`);
  });
  const hiddenCount = template.properties.filter((p) => p.type === 'Hidden').length;
  if (!panelSeen.hidden || panelSeen.hidden.total !== hiddenCount || panelSeen.hidden.differ !== 0) {
    throw new Error(`hidden properties: ${JSON.stringify(panelSeen.hidden)}, expected all ${hiddenCount} to match`);
  }
  const empty = panelSeen.fields.filter((f) => !f.value).map((f) => f.label);
  return `${panelSeen.template}; ${panelSeen.fields.length} fields ✓${empty.length ? ` (${empty.length} optional left empty: ${empty.join(', ')})` : ''}; "${panelSeen.hidden.summary}"`;
}

await step(`the diagram of ${MODEL} is drawn with the templates loaded`, async () => {
  if (!FIRST_MILESTONE || REVIEW_IDS.length !== 1) throw new Error(`the model has milestones ${MILESTONE_IDS} and reviews ${REVIEW_IDS}`);
  await open(MODEL);
  const shapes = await page.locator('.djs-element.djs-shape').count();
  const status = await page.locator('#status').textContent();
  const templated = Number(/(\d+) templated elements/.exec(status)?.[1]);
  if (templated !== MILESTONE_IDS.length + REVIEW_IDS.length) throw new Error(`status "${status}", expected ${MILESTONE_IDS.length + REVIEW_IDS.length} templated elements`);
  if (!/2 templates \(/.test(status)) throw new Error(`status "${status}", expected the 2 templates`);
  const box = await page.locator(`.djs-element[data-element-id="${FIRST_MILESTONE}"]`).boundingBox();
  if (!box || box.width < 40) throw new Error(`${FIRST_MILESTONE} is not visible: ${JSON.stringify(box)}`);
  await shot(page, 'diagram');
  return `${shapes} shapes; ${status}`;
});

await step(`the first milestone, ${FIRST_MILESTONE}, shows the Milestone template's fields, all ✓`, async () => {
  await click(FIRST_MILESTONE);
  await shot(page, 'milestone-panel');
  const detail = assertClean(await readPanel(), MILESTONE, FIRST_MILESTONE);
  const fixed = page.locator('details.hidden-props');
  await fixed.locator('summary').click();
  await fixed.scrollIntoViewIfNeeded();
  await shot(page, 'milestone-fixed-properties', { clip: await fixed.boundingBox() });
  return detail;
});

await step(`the stage exit review, ${REVIEW_ID}, shows the Stage exit review template, all ✓`, async () => {
  await click(REVIEW_ID);
  await page.locator('details.hidden-props summary').click();
  await shot(page, 'review-panel');
  const seen = await readPanel();
  const detail = assertClean(seen, REVIEW, REVIEW_ID);
  const form = seen.fields.find((f) => f.label === 'Review form');
  return `${detail}; Review form shows "${form.shown}"`;
});

await step('a copy broken in memory is flagged: key, deliverable and two fixed properties', async () => {
  if (BROKEN_XML === XML) throw new Error('the broken copy is the same as the model');
  await open(BROKEN_PATH.slice(1));
  await click(FIRST_MILESTONE);
  const m = await readPanel();
  const bad = m.fields.filter((f) => !f.ok).map((f) => f.id).sort();
  if (bad.join() !== 'deliverable,milestoneKey') throw new Error(`fields marked ✗: ${bad}, expected deliverable,milestoneKey`);
  const badHidden = m.hidden.rows.filter((r) => !r.ok).map((r) => r.where);
  if (m.hidden.differ !== 1 || badHidden.join() !== '@camunda:calledElementBinding') throw new Error(`hidden ${JSON.stringify(m.hidden)}`);
  await shot(page, 'broken-milestone-panel');
  await click(REVIEW_ID);
  const r = await readPanel();
  const badReview = r.hidden.rows.filter((x) => !x.ok).map((x) => x.where);
  if (badReview.join() !== '@camunda:assignee' || r.fields.some((f) => !f.ok)) throw new Error(`review: ${JSON.stringify(r)}`);
  await shot(page, 'broken-review-panel');
  return `milestone: ✗ ${bad.join(', ')} ("${m.fields.find((f) => f.id === 'milestoneKey').problem}"), "${m.hidden.summary}"; review: "${r.hidden.summary}"`;
});

await browser.close();
server.close();
log('done');
finish();
