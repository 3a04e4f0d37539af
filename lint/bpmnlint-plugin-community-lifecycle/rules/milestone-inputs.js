// A call activity that starts the milestone process (calledElement="milestone") passes each of
// its inputs with <camunda:in target="...">. MilestoneSetup.start refuses to start without
// milestoneKey, milestoneName, deliverable, responsibleGroup and supportGroup; the milestone's
// user tasks are assigned to ${responsibleUser} and ${supportUser}, and its tasks and reports
// read stage, so a call without one of those fails later with an incident. communityName and
// the stall periods are optional (MilestoneSetup fills them in). A call with the variable mapping
// ${milestoneCall} (the Milestone element template sets it) gets the four roles from the
// community's team through that mapping.
const { is } = require('bpmnlint-utils');
const { camunda, extensionValues } = require('./util');

const REQUIRED = [
  'milestoneKey', 'milestoneName', 'stage', 'deliverable',
  'responsibleGroup', 'supportGroup', 'responsibleUser', 'supportUser'
];
const PASSED_BY_MAPPING = new Set([ 'responsibleGroup', 'supportGroup', 'responsibleUser', 'supportUser' ]);
const MAPPING = '${milestoneCall}';

module.exports = function() {

  function check(node, reporter) {
    if (!is(node, 'bpmn:CallActivity') || node.calledElement !== 'milestone') {
      return;
    }
    const ins = extensionValues(node).filter(value => is(value, 'camunda:In'));
    if (ins.some(value => camunda(value, 'variables') === 'all')) {
      return; // every variable of the caller is passed
    }
    const targets = new Set(ins.map(value => camunda(value, 'target')).filter(Boolean));
    const mapped = camunda(node, 'variableMappingDelegateExpression') === MAPPING;
    const missing = REQUIRED.filter(name => !targets.has(name) && !(mapped && PASSED_BY_MAPPING.has(name)));
    if (missing.length) {
      reporter.report(node.id, `Call of milestone does not pass ${missing.join(', ')} (camunda:in target)`);
    }
  }

  return { check };
};

module.exports.REQUIRED = REQUIRED;
