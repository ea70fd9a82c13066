/**
 * The kit's constructs against plain aws-cdk-lib at the same shape: N ALB
 * Fargate services as ecs-patterns ApplicationLoadBalancedFargateService
 * (`plain`) or the kit's FargateTask + WebService (`kit`), on the same plain
 * VPC and cluster, at N = 1, 10, 100 and 1,000. No validation plugin; the
 * kit's construct-time rule checks run (they are part of its synth).
 *
 *   npx projen bench:constructs [-- --services 1,10,100,1000 --repeat 3 --paths off --validator off]
 */
import * as path from 'path';
import { kitSource } from './kit';
import { arg, fmt, listArg, machine, markdownTable, median, OUT, runJson, transpile } from './lib';

interface Run {
  buildMs: number; synthMs: number; cpuMs: number; kitLoadMs: number; peakRssMiB: number; resources: number; serviceResources: number; stacks: number;
}

const services = listArg('services', '1,10,100,1000').map(Number);
const repeat = Number(arg('repeat', '3'));
const paths = arg('paths', 'off');
const validator = arg('validator', 'off');
const kinds = ['plain', 'kit'];

transpile();
const runs = new Map<string, Run[]>();
const started = Date.now();
for (let round = 1; round <= repeat; round++) {
  for (const n of services) {
    for (const kind of kinds) {
      const r = runJson<Run>([path.join(OUT, 'bench', 'scenario.js'), '--app', kind, '--plugin', 'none', '--paths', paths,
        '--services', String(n)], validator === 'off' ? { CDK_VALIDATION: 'false' } : {});
      runs.set(`${n}|${kind}`, [...runs.get(`${n}|${kind}`) ?? [], r]);
    }
  }
  process.stderr.write(`round ${round}/${repeat} done after ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}

console.log(`\nKit constructs vs plain aws-cdk-lib, median of ${repeat} interleaved runs, path metadata ${paths}, built-in validator ${validator}`);
console.log(`Machine: ${machine()}\nKit: ${kitSource()}\n`);
console.log('Synth = build + app.synth() wall time in the process. Resources per service: resources outside the shared Network stack (VPC, cluster) / N; the kit adds one KMS key (container logs) per stack.\n');
const rows: (string | number)[][] = [];
const verdicts: string[] = [];
/** kit / plain of a per-run figure per resource, with the target's verdict. */
const verdict = (kit: number, plain: number) => `${fmt(kit / plain, 2)}x ${kit / plain <= 1.1 ? 'met' : 'NOT met'}`;
for (const n of services) {
  const at = (kind: string) => runs.get(`${n}|${kind}`)!;
  const perResource = (kind: string, figure: (r: Run) => number, pick = median) => pick(at(kind).map(figure)) / at(kind)[0].resources;
  const wall = (r: Run) => r.buildMs + r.synthMs;
  for (const kind of kinds) {
    const rs = at(kind);
    rows.push([fmt(n), kind, rs[0].resources, fmt(rs[0].serviceResources / n, 2), fmt(median(rs.map((r) => r.buildMs))),
      kind === 'kit' ? fmt(median(rs.map((r) => r.kitLoadMs)), 1) : '', fmt(median(rs.map((r) => r.synthMs))), fmt(median(rs.map(wall))),
      fmt(perResource(kind, wall), 2), fmt(median(rs.map((r) => r.cpuMs))), fmt(median(rs.map((r) => r.peakRssMiB)))]);
  }
  const ratio = (figure: (r: Run) => number, pick = median) => verdict(perResource('kit', figure, pick), perResource('plain', figure, pick));
  verdicts.push(`| ${fmt(n)} | ${ratio(wall)} | ${ratio((r) => wall(r) - r.kitLoadMs)} | ${ratio(wall, (xs) => Math.min(...xs))} | ${ratio((r) => r.cpuMs)} |`);
}
console.log(markdownTable(['services', 'app', 'resources', 'resources / service', 'build ms', 'of it loading the kit, ms', 'synth ms', 'total ms',
  'ms / resource', 'CPU ms', 'peak RSS MiB'], rows));
console.log('\nTarget: kit synth time per resource <= 1.1x plain aws-cdk-lib (the kit app loads the kit in its build; the plain app '
  + 'loads the aws-cdk-lib modules it uses in its build too). Medians unless said; the fastest run of each is the least moved '
  + 'by a busy host, CPU time (user + system, all threads) the least moved by steal time.\n');
console.log('| services | kit / plain ms per resource (<= 1.1x) | without loading the kit | fastest runs | CPU time |');
console.log('| --- | ---: | ---: | ---: | ---: |');
console.log(verdicts.join('\n'));
