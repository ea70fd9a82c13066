/**
 * Validation plugins against plain synth, at N = 1, 10, 100 and 1,000 plain
 * ALB Fargate services: no plugin, EcsChecks, cdk-nag AwsSolutions, each with
 * path metadata on (as `cdk synth`) and off (app.synth() in jest), and the
 * built-in CloudFormation validator on and off (CDK_VALIDATION=false).
 * Each run is its own process; runs are interleaved and medians printed.
 *
 *   npx projen bench:plugins [-- --services 1,10,100,1000 --repeat 3
 *     --plugins none,ecs-checks,cdk-nag --paths on,off --validator off,on
 *     --nag-max 100 --validator-max 100]
 *
 * By default cdk-nag runs up to 100 services and the built-in validator (seconds
 * per synth) up to 100; `--nag-max 1000 --validator-max 1000` runs everything.
 */
import * as path from 'path';
import { arg, fmt, listArg, machine, markdownTable, median, OUT, runJson, transpile } from './lib';

interface Run { buildMs: number; synthMs: number; pluginMs: number; peakRssMiB: number; resources: number }
interface Config { services: number; paths: string; validator: string; plugin: string }

const services = listArg('services', '1,10,100,1000').map(Number);
const repeat = Number(arg('repeat', '3'));
const plugins = listArg('plugins', 'none,ecs-checks,cdk-nag');
const pathModes = listArg('paths', 'on,off');
const validatorModes = listArg('validator', 'off,on');
const nagMax = Number(arg('nag-max', '100'));
const validatorMax = Number(arg('validator-max', '100'));

const configs: Config[] = [];
for (const n of services) {
  for (const validator of validatorModes) {
    if (validator === 'on' && n > validatorMax) continue;
    for (const paths of pathModes) {
      for (const plugin of plugins) {
        if (plugin === 'cdk-nag' && n > nagMax) continue;
        configs.push({ services: n, paths, validator, plugin });
      }
    }
  }
}
const key = (c: Config) => `${c.services}|${c.paths}|${c.validator}|${c.plugin}`;

transpile();
const runs = new Map<string, Run[]>();
const started = Date.now();
// Interleaved: one run of every configuration per round, so load spikes spread over all of them.
for (let round = 1; round <= repeat; round++) {
  for (const c of configs) {
    const r = runJson<Run>([path.join(OUT, 'bench', 'scenario.js'), '--app', 'plain', '--plugin', c.plugin,
      '--paths', c.paths, '--services', String(c.services)], c.validator === 'off' ? { CDK_VALIDATION: 'false' } : {});
    runs.set(key(c), [...runs.get(key(c)) ?? [], r]);
  }
  process.stderr.write(`round ${round}/${repeat} done after ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}

const med = (c: Config) => {
  const rs = runs.get(key(c));
  if (!rs) return undefined;
  return {
    totalMs: median(rs.map((r) => r.buildMs + r.synthMs)),
    pluginMs: median(rs.map((r) => r.pluginMs)),
    peakRssMiB: median(rs.map((r) => r.peakRssMiB)),
    resources: rs[0].resources,
  };
};

console.log(`\nValidation plugins, plain ecs-patterns ALB Fargate services, median of ${repeat} interleaved runs`);
console.log(`Machine: ${machine()}\n`);
console.log('Synth = build + app.synth() wall time in the process; plugin = time inside its validate(); added = plugin / plain synth of the same mode.\n');
const rows: (string | number)[][] = [];
const verdicts: string[] = [];
for (const n of services) {
  for (const validator of validatorModes) {
    for (const paths of pathModes) {
      const plain = med({ services: n, paths, validator, plugin: 'none' });
      for (const plugin of plugins) {
        const m = med({ services: n, paths, validator, plugin });
        if (!m) continue;
        rows.push([
          fmt(n), m.resources, paths, validator, plugin, fmt(m.totalMs), fmt(m.totalMs / m.resources, 2), fmt(m.peakRssMiB),
          plugin === 'none' ? '' : fmt(m.pluginMs, 1),
          plugin === 'none' || !plain ? '' : `${fmt((100 * m.pluginMs) / plain.totalMs, 1)}%`,
        ]);
      }
      const ecs = med({ services: n, paths, validator, plugin: 'ecs-checks' });
      const nag = med({ services: n, paths, validator, plugin: 'cdk-nag' });
      if (ecs && plain) {
        const pct = (100 * ecs.pluginMs) / plain.totalMs;
        const ratio = nag ? nag.pluginMs / Math.max(ecs.pluginMs, 0.001) : undefined;
        verdicts.push(`| ${fmt(n)} | ${paths} | ${validator} | ${fmt(pct, 1)}% ${pct <= 3 ? 'met' : 'NOT met'} | `
          + `${ratio === undefined ? 'not run' : `${fmt(ratio, 1)}x ${ratio >= 15 ? 'met' : 'NOT met'}`} |`);
      }
    }
  }
}
console.log(markdownTable(['services', 'resources', 'path metadata', 'built-in validator', 'plugin', 'synth ms', 'ms / resource', 'peak RSS MiB', 'plugin ms', 'added'], rows));
console.log('\nTarget: EcsChecks adds <= 3% of plain synth and >= 15x less than cdk-nag.\n');
console.log('| services | path metadata | built-in validator | EcsChecks added (<= 3%) | cdk-nag / EcsChecks (>= 15x) |');
console.log('| --- | --- | --- | ---: | ---: |');
console.log(verdicts.join('\n'));
console.log(`\n(${configs.length} configurations x ${repeat} runs in ${((Date.now() - started) / 1000).toFixed(0)} s)`);
