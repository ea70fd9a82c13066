/**
 * The rule pass alone: the engine over the parsed templates of the bench app
 * (N ALB Fargate services), per rule area, against the time to JSON.parse
 * the same templates. `npx projen bench:rules -- --services 100`.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { buildPlainApp } from './apps';
import { ALL_RULES } from '../src/rules';
import { loadCloudAssembly } from '../src/rules/assembly-loader';
import { runRules } from '../src/rules/engine';
import { AssemblyModel } from '../src/rules/model';
import { Rule } from '../src/rules/rule';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const services = arg('services', 100);
const repeat = arg('repeat', 41);

const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'bench-rules-')) });
buildPlainApp(app, services);
const dir = app.synth().directory;
const stacks = loadCloudAssembly(dir)[0].stacks;
const texts = stacks.map((s) => fs.readFileSync(s.file!, 'utf8'));
const resources = stacks.reduce((n, s) => n + Object.keys(s.template.Resources ?? {}).length, 0);

/** Median ms of `repeat` runs, after as many warm-up runs (the JIT settles). */
function median(run: () => void): number {
  for (let i = 0; i < repeat; i++) run();
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const start = process.hrtime.bigint();
    run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

// A new model each run, so per-assembly indexes are built inside the measured time.
const pass = (rules: readonly Rule[]) => median(() => runRules(new AssemblyModel(stacks), { rules }));
const parse = median(() => texts.forEach((t) => JSON.parse(t)));
console.log(`Rule pass over ${stacks.length} templates, ${resources} resources (${services} services), median of ${repeat} runs`);
console.log(`JSON.parse of the templates: ${parse.toFixed(1)} ms`);
const all = pass(ALL_RULES);
console.log(`all ${ALL_RULES.length} rules: ${all.toFixed(1)} ms = ${(all / parse).toFixed(1)}x parse`);
for (const area of [...new Set(ALL_RULES.map((r) => r.area))]) {
  const rules = ALL_RULES.filter((r) => r.area === area);
  console.log(`  ${area.padEnd(10)} ${String(rules.length).padStart(3)} rules ${pass(rules).toFixed(2).padStart(7)} ms`);
}
