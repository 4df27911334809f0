// Test layers as jest projects: `npx jest --selectProjects unit` runs one layer alone.
const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2020', transform: { react: { runtime: 'automatic' } } } },
  ],
};
// `@contract/x` is types/x (tsconfig.json paths; the Taro build and esbuild read the same alias).
const moduleNameMapper = { '^@contract/(.*)$': '<rootDir>/types/$1' };
const base = { transform, moduleNameMapper, testEnvironment: 'node', moduleFileExtensions: ['ts', 'tsx', 'js', 'json'] };
module.exports = {
  // Per-project testTimeout is ignored by jest 30: one generous global bound (browser tests need it).
  testTimeout: 120000,
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    { ...base, displayName: 'emulator', testMatch: ['<rootDir>/test/emulator/**/*.test.ts'] },
    { ...base, displayName: 'functions', testMatch: ['<rootDir>/test/functions/**/*.test.ts'] },
    { ...base, displayName: 'mp', testMatch: ['<rootDir>/test/mp/**/*.test.ts'], testEnvironment: 'jsdom' },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
  ],
};
