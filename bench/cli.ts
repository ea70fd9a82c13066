/**
 * `cdk-ecs-kit check` and `cdk-ecs-kit quotas` as whole processes
 * (`node lib/cli/main.js ...`, Node start-up included) on cloud assemblies of
 * N = 1, 10, 100 and 1,000 plain ALB Fargate services (25 per stack, path
 * metadata on as `cdk synth` writes it), against bare `node -e 0`.
 * Run `npx projen compile` first: the CLI runs from lib/.
 *
 *   npx projen bench:cli [-- --services 1,10,100,1000 --repeat 5 --cli lib/cli/main.js --compare OTHER/lib/cli/main.js]
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BENCH_QUOTA_OVERRIDES } from './apps';
import { arg, fmt, listArg, machine, markdownTable, median, OUT, ROOT, runJson, transpile } from './lib';

const services = listArg('services', '1,10,100,1000').map(Number);
const repeat = Number(arg('repeat', '5'));
// --cli: another build of the CLI to compare with (e.g. a checkout of the previous release's lib/cli/main.js).
const cli = path.resolve(arg('cli', path.join(ROOT, 'lib', 'cli', 'main.js')));
if (!fs.existsSync(cli)) throw new Error(`${cli} is missing: run npx projen compile first`);

transpile();
const rssFile = path.join(os.tmpdir(), `bench-cli-rss-${process.pid}`);
const assemblies = new Map<number, { dir: string; resources: number; stacks: number }>();
for (const n of services) {
  const dir = path.join(OUT, `cli-assembly-${n}`);
  fs.rmSync(dir, { recursive: true, force: true });
  const r = runJson<{ resources: number; stacks: number }>([path.join(OUT, 'bench', 'scenario.js'), '--app', 'plain', '--paths', 'on',
    '--services', String(n), '--keep', dir], { CDK_VALIDATION: 'false' });
  assemblies.set(n, { dir, ...r });
}

/** Wall ms and peak RSS of one process. */
function measure(args: string[]): { ms: number; rss: number; status: number | null } {
  fs.rmSync(rssFile, { force: true });
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-r', path.join(OUT, 'bench', 'rss.js'), ...args], {
    env: { ...process.env, BENCH_RSS_FILE: rssFile }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`node ${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  return { ms, rss: Number(fs.readFileSync(rssFile, 'utf8')), status: r.status };
}

// The apps' raised load balancer quota (BENCH_QUOTA_OVERRIDES), as a --quotas file.
const quotasFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-quotas-')), 'quotas.json');
fs.writeFileSync(quotasFile, JSON.stringify({ base: 'current', quotas: BENCH_QUOTA_OVERRIDES }));
const commands: { name: string; args: (dir: string) => string[] }[] = [
  { name: 'node -e 0 (start-up floor)', args: () => ['-e', '0'] },
  { name: 'cdk-ecs-kit check', args: (dir) => [cli, 'check', '--quotas', quotasFile, dir] },
  { name: 'cdk-ecs-kit quotas', args: (dir) => [cli, 'quotas', '--quotas', quotasFile, dir] },
];
// --compare: the same commands with another build, interleaved (e.g. before/after a change).
const compare = arg('compare', '');
if (compare) {
  commands.push({ name: 'check (--compare build)', args: (dir) => [path.resolve(compare), 'check', '--quotas', quotasFile, dir] });
  commands.push({ name: 'quotas (--compare build)', args: (dir) => [path.resolve(compare), 'quotas', '--quotas', quotasFile, dir] });
}
const runs = new Map<string, { ms: number; rss: number; status: number | null }[]>();
for (let round = 1; round <= repeat; round++) {
  for (const n of services) {
    for (const c of commands) {
      const k = `${n}|${c.name}`;
      runs.set(k, [...runs.get(k) ?? [], measure(c.args(assemblies.get(n)!.dir))]);
    }
  }
}
fs.rmSync(rssFile, { force: true });

console.log(`\nCLI processes on cloud assemblies, median of ${repeat} interleaved runs (Node start-up included)`);
console.log(`Machine: ${machine()}\n`);
const rows: (string | number)[][] = [];
const verdicts: string[] = [];
for (const n of services) {
  const { resources, stacks } = assemblies.get(n)!;
  for (const c of commands) {
    const rs = runs.get(`${n}|${c.name}`)!;
    const ms = median(rs.map((r) => r.ms));
    rows.push([fmt(n), stacks, resources, c.name, fmt(ms), fmt((1000 * ms) / resources, 1), fmt(median(rs.map((r) => r.rss))), rs[0].status ?? '']);
    if (n === 1000 && c.name === 'cdk-ecs-kit check') verdicts.push(`cdk-ecs-kit check on 1,000 services: ${fmt(ms)} ms (< 1,500 ms: ${ms < 1500 ? 'met' : 'NOT met'})`);
  }
}
console.log(markdownTable(['services', 'stacks', 'resources', 'command', 'wall ms', 'µs / resource', 'peak RSS MiB', 'exit'], rows));
if (verdicts.length) console.log(`\n${verdicts.join('\n')}`);
