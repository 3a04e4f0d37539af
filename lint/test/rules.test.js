// Each rule of bpmnlint-plugin-community-lifecycle against a bad fixture it must flag and a good
// one it must pass: `npm test` (node --test).
const { test } = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const { Linter } = require('bpmnlint');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');
const { BpmnModdle } = require('bpmn-moddle');

const camundaDescriptor = require('camunda-bpmn-moddle/resources/camunda.json');
const FIXTURES = path.join(__dirname, 'fixtures');

async function lint(rule, fixture) {
  const xml = fs.readFileSync(path.join(FIXTURES, fixture), 'utf8');
  const { rootElement, warnings } = await new BpmnModdle({ camunda: camundaDescriptor }).fromXML(xml);
  assert.deepStrictEqual(warnings.map(w => w.message), [], `${fixture} parses cleanly`);
  const linter = new Linter({
    config: { rules: { [`community-lifecycle/${rule}`]: 'error' } },
    resolver: new NodeResolver({ require })
  });
  const reports = await linter.lint(rootElement);
  return (reports[`community-lifecycle/${rule}`] || []).map(r => ({ id: r.id, message: r.message }));
}

const EXPECTED = {
  'timer-iso8601': [ 'T1', 'T2', 'T3', 'T4' ],
  'user-task-assignment': [ 'Task_NoOne', 'Task_LiteralAssignee', 'Task_LiteralCandidate' ],
  'user-task-form': [ 'Task_NoForm', 'Task_HtmlForm' ],
  'history-time-to-live': [ 'fixture' ],
  'milestone-inputs': [ 'Call_Milestone' ],
  'no-code': [ 'Task_Script', 'Task_Class', 'Task_Listener', 'Task_Connector' ]
};

for (const [ rule, flagged ] of Object.entries(EXPECTED)) {
  test(`${rule} passes ${rule}-good.bpmn`, async () => {
    assert.deepStrictEqual(await lint(rule, `${rule}-good.bpmn`), []);
  });

  test(`${rule} flags ${rule}-bad.bpmn`, async () => {
    const reports = await lint(rule, `${rule}-bad.bpmn`);
    assert.deepStrictEqual([ ...new Set(reports.map(r => r.id)) ].sort(), [ ...flagged ].sort(), JSON.stringify(reports, null, 2));
  });
}

test('milestone-inputs names what is missing', async () => {
  const [ report ] = await lint('milestone-inputs', 'milestone-inputs-bad.bpmn');
  assert.match(report.message, /does not pass supportUser/);
});

test('timer-iso8601 knows ISO-8601', () => {
  const { isDuration, isDateTime, isCycle } = require('bpmnlint-plugin-community-lifecycle/rules/timer-iso8601');
  for (const ok of [ 'P1D', 'PT12H', 'P1Y2M3W4DT5H6M7.5S', 'P2W' ]) assert.ok(isDuration(ok), ok);
  for (const bad of [ 'P', 'PT', 'P1DT', '1D', 'P1H', 'pt1h' ]) assert.ok(!isDuration(bad), bad);
  for (const ok of [ '2026-03-01', '2026-03-01T09:00', '2026-03-01T09:00:00Z', '2026-03-01T09:00:00.123+01:00' ]) assert.ok(isDateTime(ok), ok);
  for (const bad of [ '2026-13-01', '2026-02-29', '01.03.2026', '2026-03-01T25:00' ]) assert.ok(!isDateTime(bad), bad);
  for (const ok of [ 'R/P1D', 'R5/PT10S', 'R/2026-03-01T09:00:00Z/P7D', 'R2/P1D/2026-03-01T00:00:00Z' ]) assert.ok(isCycle(ok), ok);
  for (const bad of [ 'P1D', 'R/', 'R5', 'R/P1D/P2D', '0 0 9 * * ?' ]) assert.ok(!isCycle(bad), bad);
});
