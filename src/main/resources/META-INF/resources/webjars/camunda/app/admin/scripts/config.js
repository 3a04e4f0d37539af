// Admin's configuration. This file replaces the webapp's own scripts/config.js of Camunda 7.24, whose
// options are all commented-out examples; only the name in the header is set: "Community Lifecycle Admin".
export default {
  app: {
    name: 'Admin',
    vendor: 'Community Lifecycle'
  }
};
