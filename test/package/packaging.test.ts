/**
 * Issue 13: the package as users get it. `npm pack`, install the tarball into
 * a temporary app (offline: aws-cdk-lib, constructs and cdk-nag are linked
 * from this repo's node_modules), synthesize one stack through the package
 * root, run the CLI bin, and check that the README's links resolve inside the
 * package. A broken files/main/types/bin/peer setup fails here.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BUNDLE_MARK, BUNDLED_ENTRIES, bundleLib } from '../../scripts/bundle-lib';
import * as kit from '../../src';

const ROOT = path.join(__dirname, '..', '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * lib/ must exist, be newer than src/ and hold the bundled entry points, as `npx projen compile` leaves it (CI
 * compiles first); otherwise compile with tsc and bundle as the compile task does.
 */
function ensureCompiled(): void {
  const lib = path.join(ROOT, 'lib');
  const entry = path.join(lib, 'index.js');
  const newestSrc = newest(path.join(ROOT, 'src'));
  if (fs.existsSync(entry) && fs.statSync(entry).mtimeMs >= newestSrc) {
    if (!isBundle(entry)) bundleLib(lib);
    return;
  }
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.json')], { cwd: ROOT, stdio: 'pipe' });
  } catch (e) {
    throw new Error(`lib/ is missing or older than src/, and compiling it failed; run \`npx projen compile\` first.\n${(e as { stdout?: Buffer }).stdout ?? e}`);
  }
  bundleLib(lib);
}

function isBundle(file: string): boolean {
  return fs.readFileSync(file, 'utf8').slice(0, 500).includes(BUNDLE_MARK);
}

function newest(dir: string): number {
  let latest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    latest = Math.max(latest, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return latest;
}

const APP = `
const { App, Stack, Validations } = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecs = require('aws-cdk-lib/aws-ecs');
const { EcsChecks, EcsCluster, FargateTask, WorkerService } = require('cdk-ecs-kit');
const app = new App({ outdir: 'cdk.out' });
Validations.of(app).addPlugins(new EcsChecks());
const stack = new Stack(app, 'UserStack');
const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
const cluster = new EcsCluster(stack, 'Cluster', { vpc });
const task = new FargateTask(stack, 'Task', { container: { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/busybox:1.36') } });
new WorkerService(stack, 'Worker', { cluster, task });
const assembly = app.synth();
console.log(JSON.stringify({
  resources: Object.keys(assembly.getStackByName('UserStack').template.Resources).length,
  exports: Object.keys(require('cdk-ecs-kit')).sort(),
  renamed: Object.entries(require('cdk-ecs-kit')).filter(([n, v]) => typeof v === 'function' && v.name !== n).map(([n, v]) => n + ' is ' + v.name),
}));
`;

describe('the packed package', () => {
  let work: string;
  beforeAll(() => {
    ensureCompiled();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-ecs-kit-pack-'));
  });
  afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  test('installs from its tarball into a fresh app, synthesizes a stack, runs its CLI, and ships the docs the README links', () => {
    const packed = JSON.parse(execFileSync(NPM, ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: ROOT, stdio: 'pipe' }).toString());
    const tarball = path.join(work, packed[0].filename);
    const files: string[] = packed[0].files.map((f: { path: string }) => f.path);
    expect(files).toEqual(expect.arrayContaining(['lib/index.js', 'lib/index.d.ts', 'lib/cli/main.js', 'README.md', 'docs/rules.md']));

    const appDir = path.join(work, 'app');
    fs.mkdirSync(path.join(appDir, 'node_modules'), { recursive: true });
    fs.writeFileSync(path.join(appDir, 'package.json'), JSON.stringify({ name: 'user-app', version: '9.9.9', private: true }));
    // (Not the kit's version: `--version` below must read the kit's own package.json.)
    // Bundled dependencies are in the tarball; the peers come from this repo, so nothing needs the registry.
    execFileSync(NPM, ['install', '--offline', '--no-audit', '--no-fund', '--legacy-peer-deps', '--ignore-scripts', '--no-save', tarball],
      { cwd: appDir, stdio: 'pipe' });
    for (const peer of ['aws-cdk-lib', 'constructs', 'cdk-nag']) {
      fs.symlinkSync(path.join(ROOT, 'node_modules', peer), path.join(appDir, 'node_modules', peer), 'dir');
    }

    fs.writeFileSync(path.join(appDir, 'app.js'), APP);
    const out = execFileSync(process.execPath, ['app.js'], { cwd: appDir, stdio: 'pipe', env: { ...process.env, CDK_VALIDATION: 'false' } }).toString();
    const synth = JSON.parse(out.trim().split('\n').pop()!);
    expect(synth.resources).toBeGreaterThan(20);

    // The entry points ship as bundles (scripts/bundle-lib.ts) that export what src/index.ts exports.
    const installed = path.join(appDir, 'node_modules', 'cdk-ecs-kit');
    for (const entry of BUNDLED_ENTRIES) expect(isBundle(path.join(installed, 'lib', entry))).toBe(true);
    expect(synth.exports).toEqual(Object.keys(kit).sort());
    // Classes keep their names through the bundle (EcsChecks.name, console.log, stack traces).
    expect(synth.renamed).toEqual([]);

    // The CLI bin, installed as users run it, checks the synthesized app without loading aws-cdk-lib, cdk-nag or
    // constructs, and finds the package's version from the bundle in lib/cli/.
    const cli = path.join(appDir, 'node_modules', '.bin', 'cdk-ecs-kit');
    expect(fs.existsSync(cli)).toBe(true);
    const loaded = path.join(work, 'loaded.json');
    fs.writeFileSync(path.join(work, 'trace.js'),
      `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(loaded)}, JSON.stringify(Object.keys(require.cache))));`);
    execFileSync(process.execPath, ['-r', path.join(work, 'trace.js'), fs.realpathSync(cli), 'check', 'cdk.out'], { cwd: appDir, stdio: 'pipe' });
    const modules: string[] = JSON.parse(fs.readFileSync(loaded, 'utf8'));
    expect(modules.some((m) => m.includes(path.join('cdk-ecs-kit', 'lib', 'cli', 'main.js')))).toBe(true);
    expect(modules.filter((m) => /node_modules[\\/](aws-cdk-lib|cdk-nag|constructs)[\\/]/.test(m))).toEqual([]);
    // The root's exports load on first use: a plain app that only adds EcsChecks loads neither cdk-nag nor the constructs.
    const pluginOnly = execFileSync(process.execPath, ['-e', [
      "const { EcsChecks } = require('cdk-ecs-kit');",
      'new EcsChecks();',
      'console.log(JSON.stringify(Object.keys(require.cache)));',
    ].join('\n')], { cwd: appDir, stdio: 'pipe' }).toString();
    const pluginModules: string[] = JSON.parse(pluginOnly.trim().split('\n').pop()!);
    expect(pluginModules.filter((m) => /node_modules[\\/]cdk-nag[\\/]/.test(m))).toEqual([]);
    expect(pluginModules.filter((m) => /aws-cdk-lib[\\/]aws-(ecs-patterns|s3|kms|scheduler|vpclattice)[\\/]/.test(m))).toEqual([]);

    // Deep imports get the root's classes (lib/ files of bundled modules are stubs of the bundle): a task made from a
    // deep import runs in a service from the root, which checks its task with instanceof.
    const deep = execFileSync(process.execPath, ['-e', [
      "const { App, Stack } = require('aws-cdk-lib');",
      "const ecs = require('aws-cdk-lib/aws-ecs');",
      "const root = require('cdk-ecs-kit');",
      "const { FargateTask } = require('cdk-ecs-kit/lib/task');",
      "const same = [FargateTask === root.FargateTask, require('cdk-ecs-kit/lib/plugin/ecs-checks').EcsChecks === root.EcsChecks,",
      "  require('cdk-ecs-kit/lib/standards').DeploymentStandard === root.DeploymentStandard];",
      "const stack = new Stack(new App(), 'Deep');",
      "const cluster = new ecs.Cluster(stack, 'Cluster');",
      "const task = new FargateTask(stack, 'Task', { container: { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/busybox:1.36') } });",
      "new root.WorkerService(stack, 'Worker', { cluster, task });",
      'console.log(JSON.stringify(same));',
    ].join('\n')], { cwd: appDir, stdio: 'pipe', env: { ...process.env, CDK_VALIDATION: 'false' } }).toString();
    expect(JSON.parse(deep.trim().split('\n').pop()!)).toEqual([true, true, true]);

    // ES modules see the same named exports (Node reads them from the bundle's export statements).
    fs.writeFileSync(path.join(appDir, 'esm.mjs'), "import { EcsChecks, WebService, FargateSize } from 'cdk-ecs-kit';\n"
      + 'console.log([EcsChecks, WebService, FargateSize].map((e) => typeof e).join(" "));\n');
    expect(execFileSync(process.execPath, ['esm.mjs'], { cwd: appDir, stdio: 'pipe' }).toString().trim()).toBe('function function function');

    const version = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8')).version;
    expect(execFileSync(process.execPath, [fs.realpathSync(cli), '--version'], { cwd: appDir, stdio: 'pipe' }).toString().trim()).toBe(version);

    // Every relative link of the installed README and docs resolves inside the package.
    const docs = ['README.md', ...fs.readdirSync(path.join(installed, 'docs')).map((f) => `docs/${f}`)];
    const dead: string[] = [];
    for (const doc of docs) {
      const text = fs.readFileSync(path.join(installed, doc), 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        if (/^[a-z]+:/.test(target)) continue; // http(s), mailto
        if (!fs.existsSync(path.join(installed, path.dirname(doc), target))) dead.push(`${doc} -> ${target}`);
      }
    }
    expect(dead).toEqual([]);
  });
});
