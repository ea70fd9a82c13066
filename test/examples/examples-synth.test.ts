/**
 * Every file under examples/ is synthesized by a test: either it is an entry
 * of example-entries.ts (synthesized here, or by the compliance test it names),
 * or an entry imports it. A new examples/*.ts that nothing reaches fails here.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Validations } from 'aws-cdk-lib';
import { EXAMPLE_ENTRIES, EXAMPLE_RUNNERS } from './example-entries';
import { EcsChecks, StandardTesting } from '../../src';
import { appliedStandard } from '../../src/standards/applied-standard';

const ROOT = path.join(__dirname, '..', '..');
const EXAMPLES = path.join(ROOT, 'examples');

/** Every .ts file under examples/, relative, with `/`. */
function exampleFiles(dir = EXAMPLES): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name.endsWith('cdk.out') ? [] : exampleFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path.relative(EXAMPLES, p).split(path.sep).join('/')] : [];
  }).sort();
}

/** The examples/ files a file imports (relative imports that land in examples/). */
function localImports(file: string): string[] {
  const text = fs.readFileSync(path.join(EXAMPLES, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)'(\.[^']+)'/g)].map((m) => m[1]);
  const found: string[] = [];
  for (const spec of specifiers) {
    const base = path.resolve(path.dirname(path.join(EXAMPLES, file)), spec);
    const target = [`${base}.ts`, path.join(base, 'index.ts'), base].find((c) => c.endsWith('.ts') && fs.existsSync(c));
    if (target && target.startsWith(EXAMPLES + path.sep)) found.push(path.relative(EXAMPLES, target).split(path.sep).join('/'));
  }
  return found;
}

/** The entries and every examples/ file they import, transitively. */
function reachable(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...localImports(file));
  }
  return seen;
}

describe('examples/', () => {
  test('every example file is an entry, a runner of an entry, or imported by an entry', () => {
    const files = exampleFiles();
    expect(files.length).toBeGreaterThan(3);
    const covered = reachable(EXAMPLE_ENTRIES.map((e) => e.file));
    const runners = Object.keys(EXAMPLE_RUNNERS);
    const uncovered = files.filter((f) => !covered.has(f) && !runners.includes(f));
    expect(uncovered).toEqual([]); // add the app to test/examples/example-entries.ts
    // Entries and runners name files that exist, and each runner imports the entry it runs.
    expect([...EXAMPLE_ENTRIES.map((e) => e.file), ...runners].filter((f) => !files.includes(f))).toEqual([]);
    for (const [runner, entry] of Object.entries(EXAMPLE_RUNNERS)) expect(localImports(runner)).toContain(entry);
  });

  test('the import walk finds helper modules through the apps that use them', () => {
    expect([...reachable(['app.ts'])]).toEqual(expect.arrayContaining(['app.ts', 'hardened-vpc.ts']));
    expect([...reachable(['org-standard/app/orders-app.ts'])]).toEqual(expect.arrayContaining(['org-standard/platform/index.ts', 'hardened-vpc.ts']));
    expect([...reachable(['hardened-vpc.ts'])]).toEqual(['hardened-vpc.ts']);
  });

  test('examples/tsconfig.json type-checks every example file (as tsconfig.typecheck.json does)', () => {
    const typecheck = JSON.parse(fs.readFileSync(path.join(ROOT, 'tsconfig.typecheck.json'), 'utf8'));
    expect(typecheck.include).toContain('examples/**/*.ts');
    const local = JSON.parse(fs.readFileSync(path.join(EXAMPLES, 'tsconfig.json'), 'utf8'));
    expect(local.include).toContain('**/*.ts');
  });

  for (const entry of EXAMPLE_ENTRIES.filter((e) => e.synthesizedBy)) {
    test(`${entry.file} is synthesized by ${entry.synthesizedBy!.join(', ')}`, () => {
      const module = `examples/${entry.file.replace(/\.ts$/, '')}`;
      for (const test of entry.synthesizedBy!) {
        const text = fs.readFileSync(path.join(ROOT, test), 'utf8');
        expect(text).toContain(`'../../${module}'`);
      }
    });
  }

  for (const entry of EXAMPLE_ENTRIES.filter((e) => !e.synthesizedBy)) {
    test(`${entry.file} synthesizes, env-agnostic, with no error findings`, () => {
      const previous = process.env.CDK_VALIDATION;
      delete process.env.CDK_VALIDATION; // as users run cdk synth
      try {
        const app = new App({
          outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-kit-example-')),
          context: { '@aws-cdk/core:validationReportJson': true },
        });
        entry.build(app);
        // An app that applies a DeploymentStandard already runs EcsChecks (and its packs).
        if (!appliedStandard(app)) Validations.of(app).addPlugins(new EcsChecks());
        const report = StandardTesting.synthReport(app);
        expect(report.findings.filter((f) => f.severity === 'error').map((f) => `${f.plugin} ${f.ruleId} ${f.path}`)).toEqual([]);
        const stacks = app.synth().stacks;
        expect(stacks.length).toBeGreaterThan(0);
        for (const s of stacks) expect(Object.keys(s.template.Resources ?? {}).length).toBeGreaterThan(0);
      } finally {
        if (previous === undefined) delete process.env.CDK_VALIDATION;
        else process.env.CDK_VALIDATION = previous;
      }
    });
  }
});
