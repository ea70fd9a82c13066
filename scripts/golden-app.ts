/**
 * The apps whose templates are pinned for upgrade safety: the example app
 * (EcsKitNetwork, EcsKitServices) and the org-standard Orders app. Shared by
 * scripts/update-golden.ts and the tests in test/examples/.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { buildExampleApp } from '../examples/app';
import { buildOrdersApp } from '../examples/org-standard/app/orders-app';

/** Where the golden assembly lives, from the repository root. */
export const GOLDEN_DIR = path.join('test', 'golden', 'example-app');

/** How to refresh it. */
export const UPDATE_GOLDEN_COMMAND = 'npx projen update-golden';

/** One synthesized stack. */
export interface SynthStack {
  readonly name: string;
  /** aws://account/region from the cloud assembly manifest. */
  readonly environment: string;
  readonly template: Record<string, any>;
}

/** The synthesized apps: one cdk.out directory per app, and their stacks. */
export interface ExampleSynth {
  readonly outdirs: string[];
  readonly stacks: SynthStack[];
}

/**
 * Synthesize both apps into fresh cdk.out directories under `root`. Path
 * metadata is on, as the CDK CLI sets it, so the replacement guard pairs
 * renamed logical ids by construct path. CDK_VALIDATION is off as in the
 * unit tests: it checks templates, it does not change them.
 */
export function synthExampleApps(root = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-kit-golden-'))): ExampleSynth {
  if (process.env.CDK_VALIDATION === undefined) process.env.CDK_VALIDATION = 'false';
  const builders: [string, (app: App) => unknown][] = [['example', buildExampleApp], ['orders', buildOrdersApp]];
  const outdirs: string[] = [];
  const stacks: SynthStack[] = [];
  for (const [name, build] of builders) {
    const app = new App({ outdir: path.join(root, `${name}.cdk.out`), context: { 'aws:cdk:enable-path-metadata': true } });
    build(app);
    const assembly = app.synth();
    outdirs.push(assembly.directory);
    for (const s of assembly.stacks) stacks.push({ name: s.stackName, environment: s.environment.name, template: s.template });
  }
  return { outdirs, stacks };
}

/** `Stack/LogicalId Type` for every resource, sorted. */
export function resourceList(stacks: readonly SynthStack[]): string[] {
  return stacks.flatMap((s) => Object.entries<any>(s.template.Resources ?? {}).map(([id, r]) => `${s.name}/${id} ${r.Type}`)).sort();
}

/**
 * Write a minimal cloud assembly the CLI's loader reads: manifest.json with
 * one aws:cloudformation:stack artifact per stack, and the templates.
 */
export function writeGoldenAssembly(dir: string, stacks: readonly SynthStack[]): void {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const artifacts: Record<string, unknown> = {};
  for (const s of stacks) {
    const templateFile = `${s.name}.template.json`;
    fs.writeFileSync(path.join(dir, templateFile), `${JSON.stringify(s.template, undefined, 1)}\n`);
    artifacts[s.name] = { type: 'aws:cloudformation:stack', environment: s.environment, properties: { templateFile }, displayName: s.name };
  }
  const manifest = { version: '55.0.0', artifacts };
  fs.writeFileSync(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, undefined, 2)}\n`);
}

/** The golden stacks as committed. */
export function readGoldenStacks(dir: string): SynthStack[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  return Object.entries<any>(manifest.artifacts).map(([name, art]) => ({
    name,
    environment: art.environment,
    template: JSON.parse(fs.readFileSync(path.join(dir, art.properties.templateFile), 'utf8')),
  }));
}

/** Stack names whose golden template differs from today's synth (added and removed stacks too). */
export function driftedStacks(golden: readonly SynthStack[], today: readonly SynthStack[]): string[] {
  const names = new Set([...golden, ...today].map((s) => s.name));
  return [...names].filter((n) => {
    const a = golden.find((s) => s.name === n);
    const b = today.find((s) => s.name === n);
    return !a || !b || JSON.stringify(a.template) !== JSON.stringify(b.template);
  }).sort();
}
