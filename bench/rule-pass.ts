/**
 * The rule pass alone, in-process, at N = 1, 10, 100 and 1,000 plain ALB
 * Fargate services (each N in its own process): JSON.parse of the
 * synthesized templates (the floor), the engine over them (a new model each
 * run, so the per-assembly indexes are built inside the measured time), and
 * EcsChecks.validate() as a synth calls it (reading the templates, paths,
 * report), with path metadata on and off. Median CPU time of --repeat runs
 * after --warmup runs (the steady state), and the engine's first run (cold).
 *
 *   npx projen bench:rules [-- --services 1,10,100,1000 --repeat 21 --warmup 100 --areas]
 *
 * `--areas` adds the engine time per rule area at the largest N.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, IPolicyValidationContext } from 'aws-cdk-lib';
import { BENCH_QUOTA_OVERRIDES, buildApp } from './apps';
import { arg, fmt, listArg, machine, markdownTable, OUT, runJson, transpile } from './lib';
import { EcsChecks, QuotaProfile } from '../src';
import { ALL_RULES } from '../src/rules';
import { loadCloudAssembly } from '../src/rules/assembly-loader';
import { runRules } from '../src/rules/engine';
import { AssemblyModel } from '../src/rules/model';
import { Rule } from '../src/rules/rule';

const BENCH_QUOTAS = QuotaProfile.current().withOverrides(BENCH_QUOTA_OVERRIDES);

const repeat = Number(arg('repeat', '21'));
const warmup = Number(arg('warmup', '100'));

/** CPU ms (user + system) of one call. */
function cpu(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * Median CPU ms of `repeat` runs after `warmup` runs (and 2 s): the steady state, once
 * the JIT has compiled the code (its background threads count in CPU time, so
 * fewer warm-up runs measure compilation too). CPU time, not wall time: on a
 * shared machine it does not count the time other processes hold the cores.
 */
function time(run: () => void): number {
  // At least `warmup` runs and 2 s: small assemblies run in well under a millisecond, and the
  // JIT's background compilation (counted in CPU time) goes on for a while after 100 such runs.
  const until = Date.now() + 2000;
  for (let i = 0; i < warmup || Date.now() < until; i++) run();
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) times.push(cpu(run));
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

interface Figures {
  services: number;
  stacks: number;
  resources: number;
  parseMs: number;
  rulesMs: number;
  /** The engine's first run in the process: interpreted code, as a synth or a CLI run pays it. */
  firstRulesMs: number;
  validatePathsOnMs: number;
  validatePathsOffMs: number;
  /** JSON.parse and the engine in a process that holds only the templates, as `cdk-ecs-kit check` runs. */
  bareParseMs: number;
  bareRulesMs: number;
  areas: Record<string, number>;
}

/** Parse and engine CPU ms over an assembly directory, in this (otherwise empty) process. */
function bare(dir: string): { parseMs: number; rulesMs: number } {
  const stacks = loadCloudAssembly(dir)[0].stacks;
  const texts = stacks.map((s) => fs.readFileSync(s.file!, 'utf8'));
  return {
    parseMs: time(() => texts.forEach((t) => JSON.parse(t))),
    rulesMs: time(() => runRules(new AssemblyModel(stacks), { rules: ALL_RULES, quotas: BENCH_QUOTAS })),
  };
}

/** One N, measured in this process. */
function worker(services: number, areas: boolean): Figures {
  const synth = (paths: boolean) => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'bench-rules-')), context: paths ? { 'aws:cdk:enable-path-metadata': true } : {} });
    buildApp(app, services);
    const assembly = app.synth();
    // What aws-cdk-lib hands a validation plugin.
    const context: IPolicyValidationContext = {
      templatePaths: assembly.stacks.map((s) => s.templateFullPath),
      stackTemplates: assembly.stacks.map((s) => ({
        stackConstructPath: s.hierarchicalId, templatePath: s.templateFullPath, accountId: s.environment.account, region: s.environment.region,
      })),
      appConstruct: app,
    } as IPolicyValidationContext;
    return { app, dir: assembly.directory, context };
  };
  const on = synth(true);
  const off = synth(false);
  const stacks = loadCloudAssembly(on.dir)[0].stacks;
  const texts = stacks.map((s) => fs.readFileSync(s.file!, 'utf8'));
  const checks = new EcsChecks({ quotas: BENCH_QUOTAS });
  // The same templates in a fresh process: no synthesized app on the heap for the garbage collector to trace.
  const clean = runJson<{ parseMs: number; rulesMs: number }>([__filename, '--bare', on.dir, '--repeat', String(repeat), '--warmup', String(warmup)]);
  const pass = (rules: readonly Rule[]) => time(() => runRules(new AssemblyModel(stacks), { rules, quotas: BENCH_QUOTAS }));
  const firstRulesMs = cpu(() => runRules(new AssemblyModel(stacks), { rules: ALL_RULES, quotas: BENCH_QUOTAS }));
  const figures: Figures = {
    firstRulesMs,
    services,
    stacks: stacks.length,
    resources: stacks.reduce((n, s) => n + Object.keys(s.template.Resources ?? {}).length, 0),
    parseMs: time(() => texts.forEach((t) => JSON.parse(t))),
    rulesMs: pass(ALL_RULES),
    validatePathsOnMs: time(() => checks.validate(on.context)),
    validatePathsOffMs: time(() => checks.validate(off.context)),
    bareParseMs: clean.parseMs,
    bareRulesMs: clean.rulesMs,
    areas: {},
  };
  if (areas) {
    for (const area of [...new Set(ALL_RULES.map((r) => r.area))]) figures.areas[area] = pass(ALL_RULES.filter((r) => r.area === area));
  }
  for (const d of [on.dir, off.dir]) fs.rmSync(d, { recursive: true, force: true });
  return figures;
}

const workerArg = arg('worker', '');
const bareArg = arg('bare', '');
if (bareArg) {
  console.log(JSON.stringify(bare(bareArg)));
} else if (workerArg) {
  console.log(JSON.stringify(worker(Number(workerArg), process.argv.includes('--areas'))));
} else {
  const services = listArg('services', '1,10,100,1000').map(Number);
  transpile();
  const all = services.map((n) => runJson<Figures>([path.join(OUT, 'bench', 'rule-pass.js'), '--worker', String(n), '--repeat', String(repeat), '--warmup', String(warmup),
    ...process.argv.includes('--areas') && n === Math.max(...services) ? ['--areas'] : []]));
  console.log(`\nRule pass, in-process median CPU time of ${repeat} runs after ${warmup} warm-up runs (first run: the engine's first call in the process),`
    + ' plain ecs-patterns ALB Fargate services');
  console.log(`Machine: ${machine()}\n`);
  console.log(markdownTable(
    ['services', 'stacks', 'resources', 'JSON.parse ms', `engine, ${ALL_RULES.length} rules, ms`, 'engine / parse', 'µs / resource',
      'engine first run, ms', 'EcsChecks.validate() paths on, ms', 'paths off, ms', 'fresh process: parse / engine ms', 'engine / parse'],
    all.map((f) => [fmt(f.services), f.stacks, fmt(f.resources), fmt(f.parseMs, 1), fmt(f.rulesMs, 1), `${fmt(f.rulesMs / f.parseMs, 1)}x`,
      fmt((1000 * f.rulesMs) / f.resources, 1), fmt(f.firstRulesMs, 1), fmt(f.validatePathsOnMs, 1), fmt(f.validatePathsOffMs, 1),
      `${fmt(f.bareParseMs, 1)} / ${fmt(f.bareRulesMs, 1)}`, `${fmt(f.bareRulesMs / f.bareParseMs, 1)}x`]),
  ));
  console.log('\nTarget: rule pass <= 3x the JSON parse time of the same templates.\n');
  const verdict = (r: number) => `${fmt(r, 1)}x ${r <= 3 ? 'met' : 'NOT met'}`;
  console.log(all.map((f) => `${fmt(f.services)} services: ${verdict(f.rulesMs / f.parseMs)} in the process that synthesized the apps, `
    + `${verdict(f.bareRulesMs / f.bareParseMs)} in a fresh process`).join('\n'));
  const last = all[all.length - 1];
  if (Object.keys(last.areas).length > 0) {
    console.log(`\nEngine time per rule area at ${fmt(last.services)} services:\n`);
    console.log(markdownTable(['area', 'rules', 'ms'], Object.entries(last.areas).map(([area, ms]) => [area, ALL_RULES.filter((r) => r.area === area).length, fmt(ms, 2)])));
  }
}
