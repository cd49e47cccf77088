// Three projects: unit tests are pure and fast; integration tests start the local runtime as a
// child process (from dist/, so `npm test` builds first) and talk HTTP/SMTP to it; browser tests
// do the same with a real Chromium in front.
// tsconfig.test.json sets isolatedModules, so ts-jest transpiles without type-checking (fast);
// `npm run lint` and the build type-check.
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.test.json' }];
const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': tsJest },
  moduleFileExtensions: ['ts', 'js', 'json'],
};
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      slowTestThreshold: 30,
    },
    // The web part in a real Chromium (tests/browser/browser.ts says which), keyboard only, with axe.
    { ...common, displayName: 'browser', testMatch: ['<rootDir>/tests/browser/**/*.test.ts'], slowTestThreshold: 60 },
  ],
  testTimeout: 120000,
  // Longest files first, from recorded durations, so the workers finish together (see the file).
  testSequencer: '<rootDir>/tests/support/testSequencer.js',
};
