// Community Lifecycle's own bpmnlint rules. Each rule sees one diagram only; checks across
// files (formRef, calledElement, decisionRef) are in ../check-references.js. Rules use no
// Node API so that the same plugin can be bundled for Camunda Modeler (docs/designing-lint.md).
module.exports = {
  configs: {
    recommended: {
      rules: {
        'timer-iso8601': 'error',
        'user-task-assignment': 'error',
        'user-task-form': 'error',
        'history-time-to-live': 'error',
        'milestone-inputs': 'error',
        'no-code': 'error'
      }
    }
  },
  rules: {
    'timer-iso8601': './rules/timer-iso8601',
    'user-task-assignment': './rules/user-task-assignment',
    'user-task-form': './rules/user-task-form',
    'history-time-to-live': './rules/history-time-to-live',
    'milestone-inputs': './rules/milestone-inputs',
    'no-code': './rules/no-code'
  }
};
