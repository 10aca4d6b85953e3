// Jest runs in native ESM mode (NestJS 12 is pure ESM): see docs/architecture.md#toolchain.
const common = {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^@app/(.*)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true }],
  },
  rootDir: '.',
  setupFiles: ['reflect-metadata'],
};

/** @type {import('jest').Config} */
export default {
  // Integration and end-to-end tests talk to the real broker and database.
  testTimeout: 60000,
  // One worker: the end-to-end files start services in consumer groups of the same name,
  // which must not split partitions between two files running at once.
  maxWorkers: 1,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: [
        '<rootDir>/apps/**/*.integration-spec.ts',
        '<rootDir>/libs/**/*.integration-spec.ts',
      ],
      globalSetup: '<rootDir>/test/global-setup.mjs',
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.mjs',
    },
  ],
};
