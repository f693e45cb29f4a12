// The shape of the code, checked by `npm run depcheck` (in .ci/run): no circular imports, no stage importing
// another stage, the core importing no stage, shared/ importing nothing of server/ or client/. See
// docs/ARCHITECTURE.md "Shape".
const stage = '(collection|screening|sessions|ballots|live|implementation|ratings|files|portal|publication|evaluation|supervision)';
// The hall is one stage (API.md's `vote`): sessions, their ballots and their live channel belong together.
const sameStage = { sessions: 'sessions|ballots|live', ballots: 'sessions|ballots|live', live: 'sessions|ballots|live' };
const stageRules = ['collection', 'screening', 'sessions', 'ballots', 'live', 'implementation', 'ratings', 'files', 'portal', 'publication', 'evaluation', 'supervision'].map((s) => ({
  name: `stage-${s}-imports-no-other-stage`,
  comment: `${s}/ may import shared/ and the core (core, db, audit, projects, bodies, http, auth, outbox), never another stage: stages talk by events (server/wiring.ts); departments/ (承办单位 as a list) is core too`,
  severity: 'error',
  from: { path: `^server/${s}/` },
  to: { path: `^server/${stage}/`, pathNot: `^server/(${sameStage[s] ?? s})/` },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Modules import each other in a circle',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...stageRules,
    {
      name: 'core-imports-no-stage',
      comment: 'The core (core, db, audit, projects, departments, bodies, http, auth, outbox, context, secrets) is what every stage may use: it imports no stage',
      severity: 'error',
      from: { path: '^server/(core|db|audit|projects|departments|bodies|http|auth|outbox)/|^server/(context|secrets)\\.ts$' },
      to: { path: `^server/(${stage.slice(1, -1)}|demo)/|^server/(app|server|main|routes|wiring)\\.ts$` },
    },
    {
      name: 'shared-is-pure',
      comment: 'shared/ (counting, digests, schemas, rules) is bundled into the client and used by the verifier: it imports nothing of server/, client/, scripts/ or Node',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(server|client|scripts|tests)/|^node:', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'shared-no-node',
      comment: 'shared/ runs in browsers too: no Node built-in',
      severity: 'error',
      from: { path: '^shared/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'client-imports-no-server-code',
      comment: 'The client may read the server\'s types (its response types come from the route definitions), never its code',
      severity: 'error',
      from: { path: '^client/' },
      to: { path: '^(server|scripts)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'tests-take-helpers-from-tests',
      comment: 'A test imports from scripts/ only the tool it tests (the verifier, the fuzzer, the chaos harness, the city and province seeds, the demo session, the API reference); its helpers live in tests/helpers',
      severity: 'error',
      from: { path: '^tests/' },
      to: { path: '^scripts/', pathNot: '^scripts/(verify-lib|reliability/|city/|province/|demo-session|docs/)' },
    },
    {
      name: 'server-imports-no-script',
      comment: 'scripts/ (verifier, benchmarks, seeds) use the server, not the other way round; tests take helpers from tests/helpers',
      severity: 'error',
      from: { path: '^(server|shared|client)/' },
      to: { path: '^scripts/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|data|data-city|data-province|\\.bench)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
