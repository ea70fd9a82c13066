/**
 * The kit as the benchmark apps load it: the package as it ships (lib/index.js, the bundle that
 * `npx projen compile` builds) when it exists, else the transpiled sources (bench/out/src). Loaded on first
 * call, inside the timed build, so a run pays for loading what it uses, as an app does.
 */
import * as fs from 'fs';
import * as path from 'path';
import type * as kit from '../src';

/** lib/index.js of the repository, found from bench/ and from bench/out/bench/ alike. */
export const SHIPPED = ((): string => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, '.projenrc.ts')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, 'lib', 'index.js');
})();

/** Another build's bundle for an A/B run (BENCH_KIT_LIB=/path/to/other/lib/index.js), else this repository's. */
const bundle = () => process.env.BENCH_KIT_LIB ?? SHIPPED;

/** The shipped bundle, unless it is not compiled or BENCH_KIT=src asks for the sources. */
const useShipped = () => fs.existsSync(bundle()) && process.env.BENCH_KIT !== 'src';

let loaded: typeof kit | undefined;
/** Milliseconds the first loadKit() took (0 before it). */
export let kitLoadMs = 0;

export function loadKit(): typeof kit {
  if (loaded) return loaded;
  const t = process.hrtime.bigint();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pkg: typeof kit = useShipped() ? require(bundle()) : require('../src');
  // The exports the benchmark apps use, so lazy exports are loaded here too.
  void [pkg.EcsChecks, pkg.FargateTask, pkg.WebService];
  kitLoadMs = Number(process.hrtime.bigint() - t) / 1e6;
  return loaded = pkg;
}

/** Which copy loadKit() loads, for the printed figures. */
export function kitSource(): string {
  return useShipped() ? (process.env.BENCH_KIT_LIB ? `${process.env.BENCH_KIT_LIB} (BENCH_KIT_LIB)` : 'lib/ (as shipped)') : 'bench/out/src (transpiled files)';
}
