// A user task names who may act on it: camunda:assignee, camunda:candidateGroups or
// camunda:candidateUsers. People are never written into a model: camunda:assignee and every
// entry of camunda:candidateUsers must be an expression (${responsibleUser}); groups may be
// named literally (camunda:candidateGroups="community-leads").
const { is } = require('bpmnlint-utils');
const { camunda, isExpression, isBlank } = require('./util');

module.exports = function() {

  function check(node, reporter) {
    if (!is(node, 'bpmn:UserTask')) {
      return;
    }
    const assignee = camunda(node, 'assignee');
    const candidateUsers = camunda(node, 'candidateUsers');
    const candidateGroups = camunda(node, 'candidateGroups');

    if (isBlank(assignee) && isBlank(candidateUsers) && isBlank(candidateGroups)) {
      reporter.report(node.id, 'User task names no one who may act: set camunda:assignee, camunda:candidateGroups or camunda:candidateUsers');
      return;
    }
    if (!isBlank(assignee) && !isExpression(assignee)) {
      reporter.report(node.id, `camunda:assignee <${assignee}> names a user literally; use an expression such as \${responsibleUser}`, [ 'assignee' ]);
    }
    if (!isBlank(candidateUsers)) {
      // A single expression may hold commas (method arguments); split only outside ${...}.
      const entries = String(candidateUsers).match(/([$#]\{[^}]*\}|[^,])+/g) || [];
      for (const entry of entries.map(e => e.trim()).filter(Boolean)) {
        if (!isExpression(entry)) {
          reporter.report(node.id, `camunda:candidateUsers names user <${entry}> literally; use an expression or a candidate group`, [ 'candidateUsers' ]);
        }
      }
    }
  }

  return { check };
};
