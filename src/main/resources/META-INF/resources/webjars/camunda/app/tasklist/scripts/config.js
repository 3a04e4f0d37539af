// Tasklist's configuration. This file replaces the webapp's own scripts/config.js of Camunda 7.24, whose
// options are all commented-out examples; only the name in the header is set: "Community Lifecycle Tasklist".
export default {
  app: {
    name: 'Tasklist',
    vendor: 'Community Lifecycle'
  }
};
