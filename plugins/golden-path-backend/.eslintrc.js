module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  rules: {
    // onEachServer is it.each over the PostgreSQL and MySQL test databases
    // (see src/__testUtils__/serverDatabases.ts).
    'jest/no-standalone-expect': [
      'error',
      { additionalTestBlockFunctions: ['onEachServer'] },
    ],
  },
});
