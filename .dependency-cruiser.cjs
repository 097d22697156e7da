// The arrows of the house (docs/architecture.md): edges (server, cli, channels) → app → core and
// store; core imports nothing outside core; nothing forms a cycle. `npm run arrows` checks them and
// CI runs it with the tests, so a wrong arrow fails the build.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'Modules that import each other cannot be understood or changed one at a time.',
      from: { path: '^(src|web/src)/' },
      to: { circular: true },
    },
    {
      name: 'core-is-pure',
      severity: 'error',
      comment: 'core is the domain: pure functions and data; it imports nothing outside core.',
      from: { path: '^src/core/' },
      to: { path: '^src/(?!core/)' },
    },
    {
      name: 'core-no-io',
      severity: 'error',
      comment: 'core does no I/O: no database, network, process or file modules.',
      // core/data-files.ts reads the data that ships with core (rule profiles, NLU training text,
      // default answers) at start-up, as an import of a JSON file would; nothing else in core
      // touches I/O.
      from: { path: '^src/core/', pathNot: '(\\.test\\.ts$|^src/core/data-files\\.ts$)' },
      to: {
        dependencyTypes: ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-bundled', 'npm-no-pkg'],
        path: '^(node:)?(fs|net|http|https|child_process|worker_threads|cluster|dgram|dns|tls)$|drizzle-orm|@electric-sql|^pg$|ioredis|fastify',
      },
    },
    {
      name: 'store-below-app',
      severity: 'error',
      comment: 'store holds the schema and the database; it knows nothing of use cases or edges.',
      from: { path: '^src/store/' },
      to: { path: '^src/(app|server|channels|cli)/' },
    },
    {
      name: 'app-not-edges',
      severity: 'error',
      comment: 'Use cases do not know the HTTP server, the channels or the command line.',
      from: { path: '^src/app/' },
      to: { path: '^src/(server|channels|cli)/' },
    },
    {
      name: 'edges-not-store',
      severity: 'error',
      comment: 'Routes, channels and commands call the app; they do not query the store.',
      from: { path: '^src/(server|channels|cli)/' },
      to: { path: '^src/store/' },
    },
    {
      name: 'routes-not-routes',
      severity: 'error',
      comment: 'A route file does not import another: shared behaviour belongs in the app.',
      from: { path: '^src/server/routes/([^/]+)\\.ts$' },
      to: { path: '^src/server/routes/', pathNot: '^src/server/routes/$1\\.ts$' },
    },
    {
      name: 'channels-apart',
      severity: 'error',
      comment:
        'Each channel is an adapter of its own; channels do not import each other. Documented exception: ' +
        'src/channels/files is not a channel but the toolkit for marketplace export files (decoding, CSV/TSV, ' +
        'cells, header names, XLSX) that the order and review importers share.',
      from: { path: '^src/channels/([^/]+)/' },
      to: { path: '^src/channels/', pathNot: '^src/channels/($1|files)/' },
    },
    {
      name: 'files-toolkit-is-no-channel',
      severity: 'error',
      comment: 'The export-file toolkit serves the channels and imports none of them.',
      from: { path: '^src/channels/files/' },
      to: { path: '^src/channels/(?!files/)' },
    },
    {
      name: 'web-only-contract',
      severity: 'error',
      comment: 'The workbench shares only the contract (and pure core helpers) with the server.',
      from: { path: '^web/src/' },
      to: { path: '^src/(?!core/)' },
    },
    {
      name: 'no-test-code-in-product',
      severity: 'error',
      comment: 'Product code never imports tests or test helpers.',
      from: { path: '^(src|web/src)/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '(^test/|\\.test\\.tsx?$|/fixtures?/)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|web/dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.js', '.mjs'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
