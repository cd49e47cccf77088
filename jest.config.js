// Two projects: unit tests are pure and fast; integration tests start the local runtime as a
// child process (from dist/, so `npm test` builds first) and talk HTTP/SMTP to it.
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
  ],
  testTimeout: 120000,
};
