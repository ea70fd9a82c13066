/**
 * Prints synth time and peak memory for an app of N ALB Fargate services
 * built with plain aws-cdk-lib, the time CDK itself spends running any
 * validation plugin (a no-op one), and the time EcsChecks and cdk-nag's
 * AwsSolutions pack add to it. Each run is a separate process; the median of
 * REPEAT runs is reported.
 * Usage: npx projen bench [-- --services 100 --repeat 3 --validation off|on]
 */
import * as path from 'path';
import { arg, median, OUT, runJson, transpile } from './lib';

const services = arg('services', '100');
const repeat = Number(arg('repeat', '3'));
// The built-in CloudFormation validator costs seconds per synth and is the
// same in every scenario; off by default so the differences stand out.
const validation = arg('validation', 'off');

interface Run { scenario: string; buildMs: number; synthMs: number; pluginMs: number; peakRssMiB: number }

function runScenario(scenario: string): Run {
  return runJson<Run>([path.join(OUT, 'bench', 'scenario.js'), '--app', 'plain', '--plugin', scenario === 'plain' ? 'none' : scenario.replace('-plugin', ''),
    '--paths', 'on', '--services', services], { CDK_VALIDATION: validation === 'on' ? 'true' : 'false' });
}

transpile();

const scenarios = ['plain', 'noop-plugin', 'ecs-checks', 'cdk-nag'];
const all = new Map<string, Run[]>(scenarios.map((s) => [s, []]));
// Interleaved rounds, so load spikes on a shared machine spread over every scenario.
for (let round = 0; round < repeat; round++) for (const s of scenarios) all.get(s)!.push(runScenario(s));
const results: Record<string, Run> = {};
for (const scenario of scenarios) {
  const runs = all.get(scenario)!;
  results[scenario] = {
    scenario,
    buildMs: median(runs.map((r) => r.buildMs)),
    synthMs: median(runs.map((r) => r.synthMs)),
    pluginMs: median(runs.map((r) => r.pluginMs)),
    peakRssMiB: median(runs.map((r) => r.peakRssMiB)),
  };
}

const plain = results.plain;
const total = (r: Run) => r.buildMs + r.synthMs;
console.log(`Benchmark: ${services} ALB Fargate services (aws-cdk-lib ecs-patterns), median of ${repeat} interleaved runs, built-in validator ${validation}`);
console.log('scenario      build ms   synth ms   plugin ms   peak RSS MiB');
for (const r of Object.values(results)) {
  console.log(`${r.scenario.padEnd(12)} ${r.buildMs.toFixed(0).padStart(9)} ${r.synthMs.toFixed(0).padStart(10)} ${r.pluginMs.toFixed(0).padStart(11)} ${r.peakRssMiB.toFixed(0).padStart(14)}`);
}
const ecs = results['ecs-checks'];
const nag = results['cdk-nag'];
const noop = results['noop-plugin'];
console.log(`EcsChecks adds ${ecs.pluginMs.toFixed(0)} ms = ${(100 * ecs.pluginMs / total(plain)).toFixed(2)}% of plain build+synth (${total(plain).toFixed(0)} ms)`);
console.log(`CDK's own cost of running any validation plugin (noop-plugin synth - plain synth): ${(noop.synthMs - plain.synthMs).toFixed(0)} ms`);
console.log(`Whole app with EcsChecks vs plain (build+synth): ${(total(ecs) - total(plain)).toFixed(0)} ms = ${(100 * (total(ecs) - total(plain)) / total(plain)).toFixed(1)}%`);
console.log(`cdk-nag AwsSolutions adds ${nag.pluginMs.toFixed(0)} ms = ${(100 * nag.pluginMs / total(plain)).toFixed(2)}% of plain build+synth`);
console.log(`cdk-nag / EcsChecks added time: ${(nag.pluginMs / Math.max(ecs.pluginMs, 0.001)).toFixed(1)}x`);
