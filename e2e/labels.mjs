// No label overlaps a flow, an event or another label, in any model: e2e/labels/index.html draws
// each processes/*.bpmn with bpmn-js, and this check takes the box of every external label's
// rendered text (events, gateways, flows, data objects; SVG getBBox in diagram coordinates, not
// the DI bounds) and compares it with
//   - the other labels' boxes,
//   - the shapes: tasks (rectangle), events (circle), gateways (diamond), collapsed subprocesses;
//     of an expanded subprocess, a pool or a lane only the border lines for the labels of what it
//     holds (another label would be hidden under its fill, so there all of it counts); never the
//     label's own element,
//   - the waypoint segments of every connection, the label's own flow included (a flow's label must
//     not sit on its line).
// Text boxes are shrunk by TOLERANCE (labels/geometry.mjs) px on each side: a label touching a line is not an overlap.
//
// Then it proves it can fail: a copy of processes/milestone.bpmn, changed in memory so that one flow
// label sits on its own line, must be reported with exactly that overlap. No app server is needed: a
// small read-only server in this script serves the repository root on 127.0.0.1. One screenshot per
// model, overlapping labels in red, in screenshots/labels/.
//
//   cd e2e && npm ci && npm run -s labels

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRun, launchChromium, serveFolder } from './support.mjs';
import { overlaps } from './labels/geometry.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const SHOTS = path.join(HERE, 'screenshots', 'labels');
const MODELS = fs.readdirSync(path.join(ROOT, 'processes')).filter((f) => f.endsWith('.bpmn')).sort().map((f) => `processes/${f}`);

// ---- a copy of milestone.bpmn, broken in memory -------------------------------------------------

// The label of Flow_DeliverableAccepted ("accepted") is put on the middle of its flow's longest segment.
const BROKEN_MODEL = 'processes/milestone.bpmn';
const BROKEN_FLOW = 'Flow_DeliverableAccepted';
const BROKEN_PATH = '/__broken/milestone.bpmn';
const BROKEN_EXPECTED = [`label "accepted" (${BROKEN_FLOW}) overlaps its own sequence flow "accepted" (${BROKEN_FLOW})`];

function breakModel(xml) {
  const edge = new RegExp(`<bpmndi:BPMNEdge [^>]*bpmnElement="${BROKEN_FLOW}"[^>]*>[\\s\\S]*?</bpmndi:BPMNEdge>`).exec(xml);
  if (!edge) throw new Error(`no BPMNEdge of ${BROKEN_FLOW} in ${BROKEN_MODEL}`);
  const points = [...edge[0].matchAll(/<di:waypoint x="([-\d.]+)" y="([-\d.]+)"/g)].map(([, x, y]) => ({ x: Number(x), y: Number(y) }));
  const segments = points.slice(1).map((q, k) => [points[k], q]);
  const [p, q] = segments.reduce((a, s) => (Math.hypot(s[1].x - s[0].x, s[1].y - s[0].y) > Math.hypot(a[1].x - a[0].x, a[1].y - a[0].y) ? s : a));
  const [mx, my] = [(p.x + q.x) / 2, (p.y + q.y) / 2];
  const boundsAt = (w, h) => `<dc:Bounds x="${Math.round(mx - w / 2)}" y="${Math.round(my - h / 2)}" width="${w}" height="${h}" />`;
  const label = /<bpmndi:BPMNLabel>\s*<dc:Bounds [^>]*width="([-\d.]+)" height="([-\d.]+)"\s*\/>/.exec(edge[0]);
  // Moved when the flow has label bounds, else added: bpmn-js would place the label itself.
  const broken = label
    ? edge[0].replace(label[0], `<bpmndi:BPMNLabel>${boundsAt(Number(label[1]), Number(label[2]))}`)
    : edge[0].replace('</bpmndi:BPMNEdge>', `  <bpmndi:BPMNLabel>${boundsAt(44, 14)}</bpmndi:BPMNLabel>\n      </bpmndi:BPMNEdge>`);
  return xml.replace(edge[0], broken);
}

const BROKEN_XML = breakModel(fs.readFileSync(path.join(ROOT, BROKEN_MODEL), 'utf8'));

// ---- a read-only server of the repository root -----------------------------------------------

const { server, base: BASE } = await serveFolder(ROOT, { extra: { [BROKEN_PATH]: BROKEN_XML } });

// ---- the browser ------------------------------------------------------------------------------

let page;
const { shot, newPage, step, finish, log } = createRun({ shots: SHOTS, page: () => page, failOnBrowserErrors: true });
const browser = await launchChromium();
({ page } = await newPage(browser, { viewport: { width: 1600, height: 1000 } }));

/** Draws a model, sizes the window to it (zoom about 1, at most 2400x1600) and returns its geometry and overlaps. */
async function check(model) {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto(`${BASE}/e2e/labels/index.html?model=${encodeURIComponent(model)}`);
  await page.waitForFunction(() => document.body.dataset.ready || document.body.dataset.error, null, { timeout: 20_000 });
  const error = await page.evaluate(() => document.body.dataset.error);
  if (error) throw new Error(`the page failed: ${error}`);
  const { size, warnings } = await page.evaluate(() => ({ size: window.labels.size, warnings: window.labels.warnings }));
  if (warnings.length) throw new Error(`import warnings: ${warnings.join('; ')}`);
  await page.setViewportSize({ width: Math.min(2400, Math.max(800, Math.ceil(size.width) + 80)), height: Math.min(1600, Math.max(400, Math.ceil(size.height) + 120)) });
  await page.evaluate(() => window.labels.fit());
  const geometry = await page.evaluate(() => window.labels.geometry());
  const missing = geometry.labels.filter((l) => !l.box || !(l.box.width > 0)).map((l) => l.owner);
  if (missing.length) throw new Error(`labels without rendered text: ${missing.join(', ')}`);
  const found = overlaps(geometry);
  await page.evaluate((ids) => window.labels.mark(ids), [...new Set(found.map((f) => f.label))]);
  return { geometry, found };
}

const totals = { models: 0, labels: 0, overlaps: 0 };

for (const model of MODELS) {
  await step(`${model}: no label overlaps a flow, a shape or another label`, async () => {
    const { geometry, found } = await check(model);
    await shot(page, path.basename(model, '.bpmn'));
    totals.models += 1;
    totals.labels += geometry.labels.length;
    totals.overlaps += found.length;
    for (const f of found) console.log(`${model}: ${f.line}`);
    log(`${geometry.labels.length} labels, ${geometry.shapes.length} shapes, ${geometry.connections.length} connections, ${found.length} overlaps`);
    if (found.length) throw new Error(`${found.length} overlap${found.length === 1 ? '' : 's'} (listed above)`);
    return `${geometry.labels.length} labels, ${geometry.shapes.length} shapes, ${geometry.connections.length} connections`;
  });
}

await step(`self-test: a copy of ${BROKEN_MODEL} with the label of ${BROKEN_FLOW} on its own line is reported, exactly`, async () => {
  const { found } = await check(BROKEN_PATH.slice(1));
  await shot(page, 'self-test-broken-milestone');
  const lines = found.map((f) => f.line);
  for (const l of lines) log(`broken copy: ${l}`);
  if (lines.join('\n') !== BROKEN_EXPECTED.join('\n')) {
    throw new Error(`the broken copy gave ${lines.length} overlaps ${JSON.stringify(lines)}, expected ${JSON.stringify(BROKEN_EXPECTED)}`);
  }
  return lines[0];
});

await browser.close();
server.close();
console.log(`${totals.models} of ${MODELS.length} models checked, ${totals.labels} labels, ${totals.overlaps} overlaps`);
log('done');
finish();
