/**
 * Writes test/golden/example-app/: the example app's and the Orders app's
 * templates as they synthesize today, in a minimal cdk.out the CLI reads with
 * `check --baseline`. Run it (npx projen update-golden) after a release, or
 * when test/examples/golden-upgrade.test.ts says the templates drifted and the
 * drift is intended. It synthesizes twice and refuses to write templates that
 * differ between runs (an unstable hash would make the golden useless).
 *
 * Usage: update-golden [--check]   (--check: exit 1 when the golden is out of date, write nothing)
 */
import * as fs from 'fs';
import * as path from 'path';
import { driftedStacks, GOLDEN_DIR, readGoldenStacks, synthExampleApps, writeGoldenAssembly } from './golden-app';

function main(argv: readonly string[]): number {
  const root = path.resolve(__dirname, '..');
  const dir = path.join(root, GOLDEN_DIR);
  const first = synthExampleApps();
  const second = synthExampleApps();
  const unstable = driftedStacks(first.stacks, second.stacks);
  if (unstable.length > 0) {
    process.stderr.write(`Templates differ between two synths of the same code: ${unstable.join(', ')}. Normalize what changes before pinning them.\n`);
    return 1;
  }
  const drift = fs.existsSync(path.join(dir, 'manifest.json')) ? driftedStacks(readGoldenStacks(dir), first.stacks) : first.stacks.map((s) => s.name);
  if (argv.includes('--check')) {
    process.stdout.write(drift.length === 0 ? 'Golden templates are up to date.\n' : `Golden templates differ from today's synth: ${drift.join(', ')}\n`);
    return drift.length === 0 ? 0 : 1;
  }
  writeGoldenAssembly(dir, first.stacks);
  process.stdout.write(`Wrote ${first.stacks.length} templates to ${path.relative(root, dir)} (changed: ${drift.join(', ') || 'none'}).\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
