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
 *
 * Each round also times loading each plugin's package into a plain app's process (bench/load.ts): what a plain
 * aws-cdk-lib app that adds the plugin pays once per synth on top of validate(). The kit as it ships (lib/, run
 * `npx projen compile` first) and, for comparison, as one file per module with an eager root (bench/out/src).
 */
import * as path from 'path';
import { kitSource } from './kit';
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
const loads = new Map<string, number[]>();
const loadTargets = [...plugins.includes('ecs-checks') ? ['package', 'files'] : [], ...plugins.includes('cdk-nag') ? ['cdk-nag'] : []];
const started = Date.now();
// Interleaved: one run of every configuration per round, so load spikes spread over all of them.
for (let round = 1; round <= repeat; round++) {
  for (const c of configs) {
    const r = runJson<Run>([path.join(OUT, 'bench', 'scenario.js'), '--app', 'plain', '--plugin', c.plugin,
      '--paths', c.paths, '--services', String(c.services)], c.validator === 'off' ? { CDK_VALIDATION: 'false' } : {});
    runs.set(key(c), [...runs.get(key(c)) ?? [], r]);
  }
  // The built-in validator's synth leaves a large heap behind, which makes loading slower: timed in each mode.
  for (const validator of validatorModes) {
    for (const target of loadTargets) {
      const r = runJson<{ loadMs: number }>([path.join(OUT, 'bench', 'load.js'), '--package', target], validator === 'off' ? { CDK_VALIDATION: 'false' } : {});
      loads.set(`${target}|${validator}`, [...loads.get(`${target}|${validator}`) ?? [], r.loadMs]);
    }
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
console.log(`Machine: ${machine()}\nKit: ${kitSource()}\n`);
console.log('Synth = build + app.synth() wall time in the process; plugin = time inside its validate(); added = plugin / plain synth of the same mode.\n');
const loadMs = (target: string, validator: string) => median(loads.get(`${target}|${validator}`) ?? [0]);
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
        const verdict = (ecsMs: number, nagMs: number | undefined) => {
          const pct = (100 * ecsMs) / plain.totalMs;
          const ratio = nagMs === undefined ? undefined : nagMs / Math.max(ecsMs, 0.001);
          return `${fmt(pct, 1)}% ${pct <= 3 ? 'met' : 'NOT met'} | `
            + `${ratio === undefined ? 'not run' : `${fmt(ratio, 1)}x ${ratio >= 15 ? 'met' : 'NOT met'}`}`;
        };
        verdicts.push(`| ${fmt(n)} | ${paths} | ${validator} | ${verdict(ecs.pluginMs, nag?.pluginMs)} | `
          + `${verdict(ecs.pluginMs + loadMs('package', validator), nag && nag.pluginMs + loadMs('cdk-nag', validator))} |`);
      }
    }
  }
}
console.log(markdownTable(['services', 'resources', 'path metadata', 'built-in validator', 'plugin', 'synth ms', 'ms / resource', 'peak RSS MiB', 'plugin ms', 'added'], rows));
if (loads.size > 0) {
  console.log(`\nLoading the package into a plain app's process and creating the plugin (bench/load.ts), median of ${repeat} runs:\n`);
  const what: Record<string, string> = {
    'package': 'cdk-ecs-kit as it ships (lib/index.js: one bundle, lazy exports)',
    'files': 'cdk-ecs-kit as one file per module, every export loaded (bench/out/src)',
    'cdk-nag': 'cdk-nag',
  };
  console.log(markdownTable(['package', ...validatorModes.map((v) => `load ms, built-in validator ${v}`)],
    loadTargets.map((t) => [what[t], ...validatorModes.map((v) => fmt(loadMs(t, v), 1))])));
}
console.log('\nTarget: EcsChecks adds <= 3% of plain synth and >= 15x less than cdk-nag. Plugin = validate() only; '
  + 'with load = validate() + loading the package as it ships (a plain app adding the plugin pays both).\n');
console.log('| services | path metadata | built-in validator | EcsChecks added (<= 3%) | cdk-nag / EcsChecks (>= 15x) '
  + '| with load: EcsChecks added | with load: cdk-nag / EcsChecks |');
console.log('| --- | --- | --- | ---: | ---: | ---: | ---: |');
console.log(verdicts.join('\n'));
console.log(`\n(${configs.length} configurations x ${repeat} runs in ${((Date.now() - started) / 1000).toFixed(0)} s)`);
