import { awscdk, javascript } from 'projen';

// Versions are pinned: the kit is tested against exactly these.
const CDK_VERSION = '2.276.0';

const project = new awscdk.AwsCdkConstructLibrary({
  name: 'cdk-ecs-kit',
  description:
    'AWS CDK constructs for Amazon ECS that catch deploy-time ECS errors at synth, check quotas, and pass the cdk-nag and Control Tower packs by default.',
  author: 'cdk-ecs-kit maintainers',
  authorAddress: 'maintainers@cdk-ecs-kit.invalid',
  repositoryUrl: 'https://example.invalid/cdk-ecs-kit.git',
  license: 'Apache-2.0',
  keywords: ['cdk', 'aws-cdk', 'ecs', 'fargate', 'ecr', 'cdk-nag', 'compliance'],
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  minNodeVersion: '20.0.0',

  cdkVersion: CDK_VERSION,
  cdkVersionPinning: false,
  constructsVersion: '10.5.1',
  jsiiVersion: '~6.0.0',
  typescriptVersion: '~6.0.0',

  // The kit ships compliance presets built on cdk-nag 3. The Control Tower
  // validator is an optional peer: only standards with controlTower load it
  // (it ships cfn-guard binaries), and apply() also accepts one passed in.
  peerDeps: ['cdk-nag@^3.0.2', '@cdklabs/cdk-validator-cfnguard@^0.0.62'],
  devDeps: [
    `aws-cdk-lib@${CDK_VERSION}`,
    'cdk-nag@3.0.2',
    '@cdklabs/cdk-validator-cfnguard@0.0.62',
    'fast-check@4.10.2',
    '@types/sarif@2.1.7',
    '@types/js-yaml@4.0.9',
    'esbuild@0.28.2',
  ],
  // Plain npm packages must be bundled for jsii.
  bundledDeps: ['commander@14.0.3', 'yaml@2.9.1', 'js-yaml@4.3.2'],

  bin: { 'cdk-ecs-kit': 'lib/cli/main.js' },

  // Nothing below works offline, so it is off.
  github: false,
  release: false,
  depsUpgrade: false,
  buildWorkflow: false,
  pullRequestTemplate: false,
  autoApproveUpgrades: false,
  publishTasks: false,
  package: true,

  docgen: true,
  jest: true,
  jestOptions: {
    // --ci: snapshots never update silently.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      setupFiles: ['<rootDir>/test/jest.setup.ts'],
      maxWorkers: 2,
      testTimeout: 120_000,
      collectCoverage: false,
      testPathIgnorePatterns: ['/node_modules/', '/cdk.out/'],
      modulePathIgnorePatterns: ['<rootDir>/cdk.out/', '<rootDir>/lib/', '<rootDir>/dist/'],
    },
  },
  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'examples', 'bench', 'scripts', 'projenrc'],
  },
  gitignore: ['cdk.out/', 'bench/out/', '*.cdk.out/', '.cdk.staging/', '.scratch/'],
  // docs/ and examples/ ship: the README links them (issue 13).
  npmIgnoreOptions: { ignorePatterns: ['bench/', '.ci/', 'cdk.out/', '*.cdk.out/', 'scripts/', '.scratch/', '/tsconfig.typecheck.json'] },
});

project.package.addField('peerDependenciesMeta', { '@cdklabs/cdk-validator-cfnguard': { optional: true } });

// ts-jest runs with isolatedModules (no type check): type-check tests,
// examples, bench and scripts before jest.
const typecheck = project.addTask('typecheck', {
  description: 'Type-check tests, examples, bench and scripts',
  exec: 'tsc --noEmit -p tsconfig.typecheck.json',
});
project.testTask.prependSpawn(typecheck);

// Keep the API usable from every jsii language: warnings (e.g. C# reserved
// words) fail the build instead of being silenced.
project.compileTask.reset('jsii --fail-on-warnings');
// One file per entry point, exports loaded on first use: `new EcsChecks()` in a plain app loaded ~680 files (the kit's
// 396, cdk-nag's) in 225 ms, and loads the bundle in 39 ms (scripts/bundle-lib.ts, bench/load.ts).
project.compileTask.exec('ts-node --transpile-only --project scripts/tsconfig.json scripts/bundle-lib.ts');

// The README's main job: synthesize the example app and print its check report.
project.addTask('demo', {
  description: 'Synthesize the example app into cdk.out/ and print its check report',
  exec: 'ts-node --transpile-only --project examples/tsconfig.json examples/demo.ts',
});

// Regenerate docs/rules.md from the rules' own metadata.
const rulesDoc = project.addTask('docs:rules', {
  description: 'Generate docs/rules.md from the rule metadata',
  exec: 'ts-node --transpile-only --project scripts/tsconfig.json scripts/gen-rules-doc.ts',
});
project.postCompileTask.spawn(rulesDoc);

// Pin the example apps' templates for the upgrade check (test/examples/golden-upgrade.test.ts).
project.addTask('update-golden', {
  description: 'Write the example apps\' synthesized templates to test/golden/example-app/ (--check: only compare)',
  exec: 'ts-node --transpile-only --project scripts/tsconfig.json scripts/update-golden.ts',
  receiveArgs: true,
});

// Synthesize a ServiceFleet of N web services (1,000 by default) and print stack counts, time and peak RSS (docs/fleet.md).
project.addTask('fleet', {
  description: 'Synthesize examples/fleet.ts (--services N, default 1000; --checks also runs the kit checks) and print time and peak RSS',
  exec: 'ts-node --transpile-only --project examples/tsconfig.json examples/fleet.ts',
  receiveArgs: true,
});

project.addTask('bench', {
  description: 'Print synth time and peak memory figures (see bench/README.md)',
  exec: 'ts-node --transpile-only --project bench/tsconfig.json bench/run.ts',
  receiveArgs: true,
});
project.addTask('bench:plugins', {
  description: 'Print synth time, peak RSS and time per resource at 1-1,000 services: no plugin, EcsChecks, cdk-nag; path metadata and built-in validator on/off (see bench/README.md)',
  exec: 'ts-node --transpile-only --project bench/tsconfig.json bench/plugins.ts',
  receiveArgs: true,
});
project.addTask('bench:constructs', {
  description: 'Print synth time, peak RSS and time per resource of the kit WebService against plain ecs-patterns at 1-1,000 services (see bench/README.md)',
  exec: 'ts-node --transpile-only --project bench/tsconfig.json bench/constructs.ts',
  receiveArgs: true,
});
project.addTask('bench:cli', {
  description: 'Print wall time and peak RSS of cdk-ecs-kit check/quotas processes on 1-1,000-service assemblies; run compile first (see bench/README.md)',
  exec: 'ts-node --transpile-only --project bench/tsconfig.json bench/cli.ts',
  receiveArgs: true,
});
project.addTask('bench:rules', {
  description: 'Print the rule pass time per rule area against the JSON parse time (see bench/README.md)',
  exec: 'ts-node --transpile-only --project bench/tsconfig.json bench/rule-pass.ts',
  receiveArgs: true,
});

// Logs of local runs (git ignores them) must not ship in the package either.
project.addPackageIgnore('*.log');

project.synth();
