// Lint: TypeScript-aware rules (with type information, so promises and assertions are checked), React hooks;
// layer boundaries are checked by dependency-cruiser, formatting by prettier.
module.exports = {
  root: true,
  parser: '@typescript-eslint/parser',
  parserOptions: {
    ecmaVersion: 2022,
    sourceType: 'module',
    ecmaFeatures: { jsx: true },
    project: './tsconfig.json',
    tsconfigRootDir: __dirname,
  },
  plugins: ['@typescript-eslint'],
  extends: ['eslint:recommended', 'plugin:@typescript-eslint/recommended'],
  env: { node: true, es2022: true, browser: true, jest: true },
  ignorePatterns: ['dist/', '.build/', 'node_modules/', 'cloudfunctions/*/index.js', '*.d.ts'],
  rules: {
    '@typescript-eslint/no-explicit-any': 'error',
    '@typescript-eslint/no-unused-vars': [
      'error',
      { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
    ],
    '@typescript-eslint/no-require-imports': 'off',
    '@typescript-eslint/no-var-requires': 'off',
    // A promise nobody awaits loses its error (a write that failed, a page that did not open): await it, or say `void`
    // where the callee handles its own failure (useSubmit, useResource, Taro navigation between typed routes).
    '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }],
    // Handlers may be async (React and Taro ignore their result; every submit path catches inside useSubmit);
    // a promise used as a condition or spread is still an error.
    '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
    '@typescript-eslint/await-thenable': 'error',
    '@typescript-eslint/no-unnecessary-type-assertion': 'error',
    '@typescript-eslint/switch-exhaustiveness-check': 'error',
    'no-console': 'off',
  },
  overrides: [
    {
      // React code only: elsewhere a `use…` function is not a hook (mingo's useOperators, the tests' useTestEmulator).
      files: ['src/**/*.{ts,tsx}'],
      plugins: ['react-hooks'],
      extends: ['plugin:react-hooks/recommended'],
      rules: { 'react-hooks/exhaustive-deps': 'error' },
    },
  ],
};
