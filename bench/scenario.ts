/**
 * One benchmark run in its own process, so peak memory is its own.
 * Usage: scenario.ts --app plain|kit --plugin none|noop|ecs-checks|cdk-nag
 *   --paths on|off --validator on|off --services N [--keep DIR]
 * Prints one JSON line: build ms, synth ms, ms inside the plugin's
 * validate(), ms loading the kit (part of build ms), peak RSS MiB, resources (all, and outside the Network stack) and stacks.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, IPolicyValidationPlugin, Validations } from 'aws-cdk-lib';
import { AppKind, BENCH_QUOTA_OVERRIDES, buildApp } from './apps';
import { kitLoadMs, loadKit } from './kit';

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const kind = flag('app', 'plain') as AppKind;
const pluginName = flag('plugin', 'none');
const paths = flag('paths', 'on') === 'on';
const services = Number(flag('services', '100'));
const keep = flag('keep', '');
// The built-in validator runs unless CDK_VALIDATION is 'false' (the parent sets it).

/** Wrap a plugin so the time spent inside validate() is measured. */
function timed(plugin: IPolicyValidationPlugin, sink: { ms: number }): IPolicyValidationPlugin {
  const validate = plugin.validate.bind(plugin);
  (plugin as { validate: typeof validate }).validate = (ctx) => {
    const t = process.hrtime.bigint();
    try {
      return validate(ctx);
    } finally {
      sink.ms += Number(process.hrtime.bigint() - t) / 1e6;
    }
  };
  return plugin;
}

const outdir = keep || fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-kit-bench-'));
const t0 = process.hrtime.bigint();
const cpu0 = process.cpuUsage();
// `cdk synth` turns path metadata on; outside the CLI (jest, app.synth()) it is off.
const app = new App({ outdir, context: paths ? { 'aws:cdk:enable-path-metadata': true } : {} });
buildApp(app, services, kind);
const plugin = { ms: 0 };
// Each plugin's package is loaded here, inside the timed build, as an app that adds it pays for it.
if (pluginName === 'ecs-checks') {
  const kitPkg = loadKit();
  Validations.of(app).addPlugins(timed(new kitPkg.EcsChecks({ quotas: kitPkg.QuotaProfile.current().withOverrides(BENCH_QUOTA_OVERRIDES) }), plugin));
}
// CDK's own cost of running any plugin (report, acknowledgements), with a plugin that does nothing.
if (pluginName === 'noop') Validations.of(app).addPlugins(timed({ name: 'noop', validate: () => ({ success: true, violations: [] }) }, plugin));
// eslint-disable-next-line @typescript-eslint/no-require-imports
if (pluginName === 'cdk-nag') Validations.of(app).addPlugins(timed(new (require('cdk-nag') as typeof import('cdk-nag')).AwsSolutionsChecks(app), plugin));
const t1 = process.hrtime.bigint();
const consoleError = console.error;
const consoleWarn = console.warn;
console.error = () => undefined; // the validation reports are not the point here
console.warn = () => undefined;
let failed = false;
try {
  app.synth();
} catch {
  // cdk-nag fails synth on the plain app's findings; the timing still counts.
  failed = true;
} finally {
  console.error = consoleError;
  console.warn = consoleWarn;
}
const t2 = process.hrtime.bigint();
// CPU time of build + synth (all threads): less moved than wall time by a busy host.
const cpu = process.cpuUsage(cpu0);
let resources = 0;
let stacks = 0;
let serviceResources = 0; // outside the shared Network stack
for (const file of fs.readdirSync(outdir).filter((f) => f.endsWith('.template.json'))) {
  stacks++;
  const count = Object.keys(JSON.parse(fs.readFileSync(path.join(outdir, file), 'utf8')).Resources ?? {}).length;
  resources += count;
  if (!file.startsWith('Network.')) serviceResources += count;
}
if (!keep) fs.rmSync(outdir, { recursive: true, force: true });
console.log(JSON.stringify({
  app: kind,
  plugin: pluginName,
  paths,
  services,
  buildMs: Number(t1 - t0) / 1e6,
  synthMs: Number(t2 - t1) / 1e6,
  cpuMs: (cpu.user + cpu.system) / 1000,
  pluginMs: plugin.ms,
  kitLoadMs,
  peakRssMiB: process.resourceUsage().maxRSS / 1024,
  resources,
  serviceResources,
  stacks,
  failed,
}));
