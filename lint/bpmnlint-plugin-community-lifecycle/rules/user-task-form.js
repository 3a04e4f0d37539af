// A user task has a Camunda Form: camunda:formRef, or a camunda:formKey of the form
// camunda-forms:... (embedded or external HTML forms are not used in this project).
const { is } = require('bpmnlint-utils');
const { camunda, isBlank } = require('./util');

module.exports = function() {

  function check(node, reporter) {
    if (!is(node, 'bpmn:UserTask')) {
      return;
    }
    const formRef = camunda(node, 'formRef');
    const formKey = camunda(node, 'formKey');
    if (isBlank(formRef) && isBlank(formKey)) {
      reporter.report(node.id, 'User task has no form: set camunda:formRef to a form in forms/');
    } else if (!isBlank(formKey) && !String(formKey).startsWith('camunda-forms:')) {
      reporter.report(node.id, `camunda:formKey <${formKey}> is no Camunda Form; use camunda:formRef`, [ 'formKey' ]);
    }
  }

  return { check };
};
