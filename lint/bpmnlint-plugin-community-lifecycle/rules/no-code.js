// A model runs no code of its own: no script task, no camunda:script (listeners, input/output
// mappings), no script conditions, no camunda:class or camunda:variableMappingClass, no
// connectors. The engine refuses all of these at deployment (docs/model-safety.md); the lint
// reports them in Modeler and CI before a deployment is tried.
const { is } = require('bpmnlint-utils');
const { camunda } = require('./util');

module.exports = function() {

  function check(node, reporter) {
    // Elements inside extensionElements carry no id; report them on the nearest element with one.
    const id = ownerId(node);

    if (is(node, 'bpmn:ScriptTask')) {
      reporter.report(id, 'Script task: models may not run scripts');
    }
    if (is(node, 'camunda:Script')) {
      reporter.report(id, 'camunda:script: models may not run scripts');
    }
    if (is(node, 'bpmn:FormalExpression') && node.language) {
      reporter.report(id, `Expression in language <${node.language}>: models may not run scripts`);
    }
    if (is(node, 'camunda:Connector')) {
      reporter.report(id, 'camunda:connector: models may not call connectors');
    }
    for (const name of [ 'class', 'variableMappingClass' ]) {
      const value = camunda(node, name);
      if (value) {
        reporter.report(id, `camunda:${name} <${value}>: models may not name Java classes; call an open bean with \${bean.method(...)}`);
      }
    }
    if (is(node, 'bpmn:ScriptTask') || is(node, 'camunda:Script')) {
      return;
    }
    if (camunda(node, 'resource') && hasScriptFormat(node)) {
      reporter.report(id, 'camunda:resource of a script: models may not run scripts');
    }
  }

  return { check };
};

function hasScriptFormat(node) {
  return !!(node.scriptFormat || (node.$attrs && node.$attrs.scriptFormat));
}

function ownerId(node) {
  let current = node;
  while (current) {
    if (current.id && !(current.$type || '').startsWith('camunda:') && !is(current, 'bpmn:ExtensionElements')) {
      return current.id;
    }
    current = current.$parent;
  }
  return undefined;
}
