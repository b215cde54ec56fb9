// Three tiers: pure unit tests, integration tests on real private engines, and end-to-end runs of dist/.
// Engine tests share two cores, so they run one file at a time.
const tsJest = {
  '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', diagnostics: false }]
}
const common = {
  preset: 'ts-jest/presets/default-esm',
  extensionsToTreatAsEsm: ['.ts'],
  resolver: 'ts-jest-resolver',
  transform: tsJest,
  testEnvironment: 'node'
}
export default {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/__tests__/unit/**/*.test.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/__tests__/integration/**/*.test.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/__tests__/e2e/**/*.test.ts'] }
  ],
  // One temp folder per run, removed at the end (see __tests__/support/temp-root-setup.js).
  globalSetup: '<rootDir>/__tests__/support/temp-root-setup.js',
  globalTeardown: '<rootDir>/__tests__/support/temp-root-teardown.js',
  maxWorkers: 1,
  testTimeout: 180000,
  verbose: true
}
