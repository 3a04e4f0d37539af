// Tasklist's configuration. This file replaces the webapp's own scripts/config.js of Camunda 7.24, whose
// options are all commented-out examples. The header says "Community Lifecycle Tasklist".
export default {
  app: {
    name: 'Tasklist',
    vendor: 'Community Lifecycle'
  },
  customScripts: [
    // scripts/form-messages.js: messages of Camunda Forms that say what is wrong and what to do (a
    // form that cannot be loaded, a field's own message for a pattern, a refused Complete).
    'scripts/form-messages',
    // scripts/filter-counts.js: every filter's count in the sidebar, not only the open one's.
    'scripts/filter-counts'
  ]
};
