// Layer boundaries of STYLE.md, enforced: contracts stay light, the app and the functions never import each other.
module.exports = {
  forbidden: [
    {
      name: 'types-only-zod',
      severity: 'error',
      comment: 'types/ ships in the mini program bundle: zod and itself only',
      from: { path: '^types/', pathNot: '^types/global\\.d\\.ts$' },
      to: { pathNot: ['^types/', 'node_modules/zod/'] },
    },
    { name: 'app-not-backend', severity: 'error', from: { path: '^src/' }, to: { path: '^(cloudfunctions|emulator)/' } },
    { name: 'functions-not-app', severity: 'error', from: { path: '^cloudfunctions/' }, to: { path: '^(src|emulator)/' } },
    {
      name: 'no-deploy-code-at-runtime',
      severity: 'error',
      comment: 'scripts/ (the deploy, the builds) uses the functions; nothing that ships uses scripts/',
      from: { path: '^(cloudfunctions|src|emulator|types)/' },
      to: { path: '^scripts/' },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'domain rules import neither the SDK nor Taro nor the db layer',
      from: { path: '^cloudfunctions/common/domain/' },
      to: { path: ['@cloudbase', '@tarojs', '^cloudfunctions/common/(db|app|adapters)/'] },
    },
    {
      name: 'use-cases-through-repositories',
      severity: 'error',
      comment:
        'use cases reach the database only through db/ repositories and db/unit-of-work: never the SDK, the driver, the collection names or raw results',
      from: { path: '^cloudfunctions/common/app/' },
      to: {
        path: [
          '@cloudbase',
          '^cloudfunctions/common/cloud\\.ts$',
          '^cloudfunctions/common/db/collections\\.ts$',
          '^cloudfunctions/common/db/db-result\\.ts$',
        ],
      },
    },
    {
      name: 'only-cloud-service-calls-backend',
      severity: 'error',
      comment: 'pages reach the backend through src/services',
      from: { path: '^src/(pages|components|admin)/' },
      to: { path: '^src/services/cloud\\.ts$' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: ['cloudfunctions/[^/]+/index\\.js$', '^dist/'] },
  },
};
