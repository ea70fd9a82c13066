/**
 * One benchmark scenario in its own process, so peak memory is its own.
 * Usage: scenario.ts <plain|noop-plugin|ecs-checks|cdk-nag> <services>
 * Prints one JSON line: build ms, synth ms, plugin ms, peak RSS MiB.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, IPolicyValidationPlugin, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { buildPlainApp } from './plain-app';
import { EcsChecks } from '../src';

const [scenario, countArg] = process.argv.slice(2);
const services = Number(countArg ?? '100');

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

const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-kit-bench-'));
const t0 = process.hrtime.bigint();
// As `cdk synth` does: the CDK CLI turns path metadata on by default.
const app = new App({ outdir, context: { 'aws:cdk:enable-path-metadata': true } });
buildPlainApp(app, services);
const plugin = { ms: 0 };
if (scenario === 'ecs-checks') Validations.of(app).addPlugins(timed(new EcsChecks(), plugin));
// CDK's own cost of running any plugin (report, acknowledgements), with a plugin that does nothing.
if (scenario === 'noop-plugin') Validations.of(app).addPlugins(timed({ name: 'noop', validate: () => ({ success: true, violations: [] }) }, plugin));
if (scenario === 'cdk-nag') Validations.of(app).addPlugins(timed(new AwsSolutionsChecks(app), plugin));
const t1 = process.hrtime.bigint();
const consoleError = console.error;
console.error = () => undefined; // cdk-nag's findings report is not the point here
try {
  app.synth();
} catch {
  // cdk-nag fails synth on the plain app's findings; the timing still counts.
} finally {
  console.error = consoleError;
}
const t2 = process.hrtime.bigint();
fs.rmSync(outdir, { recursive: true, force: true });
console.log(JSON.stringify({
  scenario,
  services,
  buildMs: Number(t1 - t0) / 1e6,
  synthMs: Number(t2 - t1) / 1e6,
  pluginMs: plugin.ms,
  peakRssMiB: process.resourceUsage().maxRSS / 1024,
}));
