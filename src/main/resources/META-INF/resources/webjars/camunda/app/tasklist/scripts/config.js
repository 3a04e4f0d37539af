// Tasklist's configuration. This file replaces the webapp's own scripts/config.js of Camunda 7.24, whose
// options are all commented-out examples. The header says "Community Lifecycle Tasklist"; the sidebar
// shows every filter's count (scripts/filter-counts.js).
export default {
  app: {
    name: 'Tasklist',
    vendor: 'Community Lifecycle'
  },
  customScripts: ['scripts/filter-counts']
};
