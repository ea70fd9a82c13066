/**
 * Every example under examples/ is synthesized by a test. An example is
 * covered when it is an entry below, or when an entry imports it (directly or
 * through other examples), so helper modules such as hardened-vpc.ts count
 * through the apps that use them. examples-synth.test.ts synthesizes each
 * entry and fails on any examples/*.ts file that no entry reaches.
 *
 * A new example app: export a function that builds its stacks on an App and
 * add one line here, e.g.
 *   { file: 'express.ts', build: (app) => buildExpressApp(app) },
 * A new helper module needs nothing here once an entry imports it.
 */
import { App, Stack } from 'aws-cdk-lib';
import { buildExampleApp } from '../../examples/app';
import { buildFleetApp } from '../../examples/fleet';
import { hardenedVpc } from '../../examples/hardened-vpc';
import { buildWithKit } from '../../examples/migrate/ecs-patterns';
import { buildOrdersApp } from '../../examples/org-standard/app/orders-app';

/** One example app: its file under examples/ and how to build it on an App. */
export interface ExampleEntry {
  /** Path under examples/, with `/`. */
  readonly file: string;
  /** Builds the example's stacks on `app`. */
  readonly build: (app: App) => void;
  /**
   * Tests that already synthesize this example with the compliance packs; the
   * examples test then only checks it is imported there and does not synthesize it again.
   */
  readonly synthesizedBy?: string[];
}

export const EXAMPLE_ENTRIES: ExampleEntry[] = [
  // The demo app (npm run demo): every pack and EcsChecks, in test/examples/example-app.test.ts.
  { file: 'app.ts', build: (app) => buildExampleApp(app), synthesizedBy: ['test/examples/example-app.test.ts'] },
  { file: 'org-standard/app/orders-app.ts', build: (app) => { buildOrdersApp(app); } },
  // 1,000 services by default (npx projen fleet); 60 here, with the checks, in test/examples/fleet.test.ts.
  { file: 'fleet.ts', build: (app) => { buildFleetApp(app, 60); }, synthesizedBy: ['test/examples/fleet.test.ts'] },
  // Both halves (ecs-patterns before, the kit after) and check --baseline in test/examples/migrate-ecs-patterns.test.ts.
  { file: 'migrate/ecs-patterns.ts', build: (app) => { buildWithKit(app); }, synthesizedBy: ['test/examples/migrate-ecs-patterns.test.ts'] },
  { file: 'hardened-vpc.ts', build: (app) => { hardenedVpc(new Stack(app, 'HardenedVpc'), 'Vpc'); } },
];

/**
 * Scripts that run an example rather than define one (not imported by any
 * entry), with the entry they run. The test checks each one imports it.
 */
export const EXAMPLE_RUNNERS: Record<string, string> = {
  'demo.ts': 'app.ts', // npm run demo
};
