/** Shared helpers of the benchmark scripts: build, run, medians, Markdown tables. */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';

export const ROOT = path.join(__dirname, '..');
/** Transpiled copies of src/ and bench/ (gitignored; BENCH_OUT to use another directory), so each run starts plain node, not ts-node. */
export const OUT = process.env.BENCH_OUT ?? path.join(ROOT, 'bench', 'out');

/** A `--name value` argument, or the fallback. */
export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

/** A comma-separated `--name a,b` argument. */
export function listArg(name: string, fallback: string): string[] {
  return arg(name, fallback).split(',').map((s) => s.trim()).filter(Boolean);
}

/** Transpile src/ and bench/ to bench/out (no type check: `npx tsc -p tsconfig.typecheck.json` does that). */
export function transpile(): void {
  const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'out' ? [] : walk(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
  for (const file of [...walk(path.join(ROOT, 'src')), ...walk(path.join(ROOT, 'bench'))]) {
    const out = path.join(OUT, path.relative(ROOT, file)).replace(/\.ts$/, '.js');
    const { outputText } = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      fileName: file,
    });
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, outputText);
  }
}

/** Run a node script; returns its last stdout line parsed as JSON. */
export function runJson<T>(args: string[], env: NodeJS.ProcessEnv = {}): T {
  const r = spawnSync(process.execPath, args, { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** A Markdown table, ready to paste into docs/performance.md. */
export function markdownTable(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

export const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The machine and versions, as the docs table header. */
export function machine(): string {
  const pkg = (name: string) => {
    try {
      // From the bench's own resolution, so a copy of the repository elsewhere still finds them.
      return JSON.parse(fs.readFileSync(path.join(path.dirname(require.resolve(name)).split(`node_modules/${name}`)[0], 'node_modules', name, 'package.json'), 'utf8')).version;
    } catch {
      return '?';
    }
  };
  return `${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), load ${os.loadavg().map((l) => l.toFixed(1)).join('/')}, `
    + `Node ${process.version}, aws-cdk-lib ${pkg('aws-cdk-lib')}, cdk-nag ${pkg('cdk-nag')}, ${os.platform()} ${os.release()}`;
}
