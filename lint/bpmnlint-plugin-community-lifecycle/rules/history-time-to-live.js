// Every process sets camunda:historyTimeToLive, so that its history is cleaned up (the engine
// refuses a deployment without it unless configured otherwise).
const { is } = require('bpmnlint-utils');
const { camunda, isBlank } = require('./util');

module.exports = function() {

  function check(node, reporter) {
    if (!is(node, 'bpmn:Process')) {
      return;
    }
    if (isBlank(camunda(node, 'historyTimeToLive'))) {
      reporter.report(node.id, 'Process has no camunda:historyTimeToLive', [ 'historyTimeToLive' ]);
    }
  }

  return { check };
};
