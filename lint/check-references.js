#!/usr/bin/env node
// Checks what one-diagram bpmnlint rules cannot: that every literal camunda:formRef,
// calledElement and camunda:decisionRef in <root>/processes/*.bpmn names a form in
// <root>/forms/*.form (its "id"), a process in processes/*.bpmn or a decision in
// processes/*.dmn. References holding an expression (${...}) are resolved at run time and skipped.
//
// Besides: each .bpmn with one process is named after it (<id>.bpmn), each form has an id, each
// .dmn is well-formed XML (what ../shared/tools/model-check.py checked and bpmnlint does not).
//
// Usage: node check-references.js [repository root, default ..]; exit 1 on a dangling reference.
const fs = require('node:fs');
const path = require('node:path');
const { BpmnModdle } = require('bpmn-moddle');
const { Parser } = require('saxen');
const camundaDescriptor = require('camunda-bpmn-moddle/resources/camunda.json');

const isExpression = text => /[$#]\{/.test(text);

function filesIn(dir, ext) {
  if (!fs.existsSync(dir)) {
    return [];
  }
  return fs.readdirSync(dir).filter(f => f.endsWith(ext)).sort().map(f => path.join(dir, f));
}

function walk(element, visit, seen = new Set()) {
  if (!element || typeof element !== 'object' || seen.has(element)) {
    return;
  }
  seen.add(element);
  if (element.$type) {
    visit(element);
  }
  for (const key of Object.keys(element)) {
    if (key === '$parent' || key === '$descriptor' || key === '$model') {
      continue;
    }
    const value = element[key];
    if (Array.isArray(value)) {
      value.forEach(v => walk(v, visit, seen));
    } else if (value && typeof value === 'object' && value.$type) {
      walk(value, visit, seen);
    }
  }
}

function wellFormednessError(xml) {
  let error;
  const parser = new Parser();
  parser.on('error', e => {
    error = error || e.message;
  });
  parser.parse(xml);
  return error;
}

async function check(root) {
  const processesDir = path.join(root, 'processes');
  const formsDir = path.join(root, 'forms');
  const problems = [];
  const moddle = new BpmnModdle({ camunda: camundaDescriptor });

  const forms = new Set();
  for (const file of filesIn(formsDir, '.form')) {
    try {
      const id = JSON.parse(fs.readFileSync(file, 'utf8')).id;
      if (!id) {
        problems.push(`${path.relative(root, file)}: form has no "id"`);
      }
      forms.add(id);
    } catch (e) {
      problems.push(`${path.relative(root, file)}: not a readable form (${e.message})`);
    }
  }
  const decisions = new Set();
  for (const file of filesIn(processesDir, '.dmn')) {
    const xml = fs.readFileSync(file, 'utf8');
    const xmlError = wellFormednessError(xml);
    if (xmlError) {
      problems.push(`${path.relative(root, file)}: not well-formed XML (${xmlError})`);
    }
    for (const m of xml.matchAll(/<(?:\w+:)?decision\b[^>]*?\bid="([^"]+)"/g)) {
      decisions.add(m[1]);
    }
  }

  const diagrams = [];
  const processes = new Set();
  for (const file of filesIn(processesDir, '.bpmn')) {
    let rootElement;
    try {
      ({ rootElement } = await moddle.fromXML(fs.readFileSync(file, 'utf8')));
    } catch (e) {
      problems.push(`${path.relative(root, file)}: not a readable BPMN file (${e.message})`);
      continue;
    }
    diagrams.push({ file, rootElement });
    const ids = (rootElement.rootElements || []).filter(e => e.$type === 'bpmn:Process').map(p => p.id);
    ids.forEach(id => processes.add(id));
    if (ids.length === 1 && `${ids[0]}.bpmn` !== path.basename(file)) {
      problems.push(`${path.relative(root, file)}: process id <${ids[0]}> differs from the file name`);
    }
  }

  let count = 0;
  for (const { file, rootElement } of diagrams) {
    const where = element => `${path.relative(root, file)}: ${element.id || element.$type}`;
    walk(rootElement, element => {
      const formRef = element.get && element.$descriptor.propertiesByName['camunda:formRef'] && element.get('camunda:formRef');
      if (formRef && !isExpression(formRef)) {
        count++;
        if (!forms.has(formRef)) {
          problems.push(`${where(element)}: camunda:formRef <${formRef}> is no form in forms/ (the "id" of a .form file)`);
        }
      }
      if (element.$type === 'bpmn:CallActivity' && element.calledElement && !isExpression(element.calledElement)) {
        count++;
        if (!processes.has(element.calledElement)) {
          problems.push(`${where(element)}: calledElement <${element.calledElement}> is no process in processes/*.bpmn`);
        }
      }
      if (element.$type === 'bpmn:BusinessRuleTask') {
        const decisionRef = element.get('camunda:decisionRef');
        if (decisionRef && !isExpression(decisionRef)) {
          count++;
          if (!decisions.has(decisionRef)) {
            problems.push(`${where(element)}: camunda:decisionRef <${decisionRef}> is no decision in processes/*.dmn`);
          }
        }
      }
    });
  }
  return { problems, count, files: diagrams.length };
}

module.exports = { check };

if (require.main === module) {
  const root = path.resolve(process.argv[2] || '..');
  check(root).then(({ problems, count, files }) => {
    if (files === 0) {
      problems.push(`no .bpmn file in ${path.join(root, 'processes')}`);
    }
    problems.forEach(p => console.error(`ERROR ${p}`));
    if (problems.length) {
      console.error(`✖ ${problems.length} problem(s) in ${files} diagram(s)`);
      process.exit(1);
    }
    console.log(`References: ${count} formRef/calledElement/decisionRef in ${files} diagram(s) of ${root} all resolve`);
  }).catch(e => {
    console.error(`ERROR ${e.stack || e}`);
    process.exit(2);
  });
}
