// check-references.js against a fixture repository where every reference resolves and one
// where nothing resolves and files break the house conventions: `npm test` (node --test).
const { test } = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const { check } = require('../check-references');

const FIXTURES = path.join(__dirname, 'fixtures', 'references');

test('check-references passes a repository whose references resolve', async () => {
  const { problems, count } = await check(path.join(FIXTURES, 'good'));
  assert.deepStrictEqual(problems, []);
  assert.strictEqual(count, 3, 'formRef, calledElement and decisionRef checked; the ${reviewForm} expression skipped');
});

test('check-references flags references that name nothing, a misnamed file, a form without id, a broken DMN', async () => {
  const { problems } = await check(path.join(FIXTURES, 'bad'));
  assert.strictEqual(problems.length, 6, problems.join('\n'));
  assert.match(problems.join('\n'), /misnamed.bpmn: process id <not-misnamed> differs from the file name/);
  assert.match(problems.join('\n'), /no-id.form: form has no "id"/);
  assert.match(problems.join('\n'), /broken.dmn: not well-formed XML/);
  assert.match(problems.join('\n'), /Start: camunda:formRef <start-form>/);
  assert.match(problems.join('\n'), /Call_Child: calledElement <child>/);
  assert.match(problems.join('\n'), /Decide: camunda:decisionRef <pick-step>/);
});
