/**
 * Bundles the compiled package entry points (lib/index.js, lib/cli/main.js) into one file each, in place, after jsii
 * has compiled src/ to lib/. Two costs of loading the kit, measured by bench/load.ts in a plain app's process:
 * - Node's loader costs about 0.3 ms per file on a 2-core machine, and the kit is about 400 files.
 * - The package root loaded every module it re-exports, so `import { EcsChecks } from 'cdk-ecs-kit'` also loaded
 *   the constructs, the deployment standards and, through them, cdk-nag (about 270 files).
 * So lib/index.js becomes one file whose exports are getters that load their module on first use (as aws-cdk-lib's
 * own root does), and each module is initialized once, from the bundle. Packages (aws-cdk-lib, constructs, cdk-nag,
 * commander, yaml) stay outside, so the app's copies are used; requires inside functions stay lazy (the CLI still
 * starts without aws-cdk-lib). The lib/ files of modules the index bundle holds become stubs that hand out the bundle's
 * module, so a deep import gets the same classes as the root; the .d.ts files stay as jsii wrote them.
 *
 * Usage: bundle-lib [LIB_DIR]   (default: lib/ next to this folder)
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildSync } from 'esbuild';

/** The entry points bundled, relative to lib/. */
export const BUNDLED_ENTRIES = ['index.js', path.join('cli', 'main.js')];

/**
 * Bundle each entry of `libDir` over itself; returns the bundled files. Every other file of lib/ that the index bundle
 * holds becomes a stub that hands out the bundle's copy of its module, so a deep import (`cdk-ecs-kit/lib/task`) gets
 * the same classes as the package root, as it did before the bundle (`instanceof`, the services' task checks).
 */
export function bundleLib(libDir: string): string[] {
  const files = BUNDLED_ENTRIES.map((entry) => path.join(libDir, entry));
  for (const file of files) {
    if (!fs.existsSync(file)) throw new Error(`bundle-lib: ${file} does not exist; compile first (npx projen compile)`);
    // A file bundled before would bundle its old code again: jsii rewrites every file on each compile, so refuse.
    if (fs.readFileSync(file, 'utf8').includes(BUNDLE_MARK)) throw new Error(`bundle-lib: ${file} is already a bundle; compile again first`);
  }
  const stubs = jsFiles(libDir).filter((f) => fs.readFileSync(f, 'utf8').includes(STUB_MARK));
  if (stubs.length > 0) throw new Error(`bundle-lib: ${stubs[0]} is a stub of an earlier bundle; compile again first`);
  const [index, cli] = files;
  const lazy = lazyIndex(index);
  const common = {
    absWorkingDir: path.dirname(libDir),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    banner: { js: BUNDLE_MARK },
    logLevel: 'warning',
  } as const;
  // The CLI first, from the files jsii wrote (the stubs below would bring the index bundle into it).
  writeBundle(cli, buildSync({ ...common, entryPoints: [cli], write: false, outfile: cli }).outputFiles[0].text);
  const stdin = (contents: string) => ({ contents, resolveDir: libDir, sourcefile: 'index.js', loader: 'js' as const });
  // The index twice: once to learn which modules it holds, then with a table of them for the stubs.
  const { metafile } = buildSync({ ...common, stdin: stdin(lazy), write: false, metafile: true });
  const held = Object.keys(metafile.inputs).map((input) => path.resolve(common.absWorkingDir, input))
    .filter((f) => f.startsWith(libDir + path.sep) && f.endsWith('.js') && !files.includes(f));
  writeBundle(index, buildSync({ ...common, stdin: stdin(lazy + moduleTable(libDir, held)), write: false, outfile: index }).outputFiles[0].text);
  for (const file of held) fs.writeFileSync(file, stub(libDir, file));
  return files;
}

function writeBundle(file: string, code: string): void {
  fs.writeFileSync(file, keepClassNames(code, file));
}

/** Key of the function on the index bundle's exports that returns one of its modules by path below lib/. */
const MODULES_KEY = 'cdk-ecs-kit.modules';

/** The modules of the bundle by their path below lib/, for the stubs (required lazily, as the exports are). */
function moduleTable(libDir: string, held: readonly string[]): string {
  const id = (file: string) => path.relative(libDir, file).split(path.sep).join('/');
  return [
    'const MODULES = {',
    ...held.map((file) => `  ${JSON.stringify(id(file))}: () => require(${JSON.stringify(`./${id(file)}`)}),`),
    '};',
    `Object.defineProperty(exports, Symbol.for(${JSON.stringify(MODULES_KEY)}), { value: (id) => MODULES[id]() });`,
    '',
  ].join('\n');
}

/** A file of lib/ whose module lives in the index bundle: it exports the bundle's copy. */
function stub(libDir: string, file: string): string {
  const id = path.relative(libDir, file).split(path.sep).join('/');
  const index = path.relative(path.dirname(file), path.join(libDir, 'index.js')).split(path.sep).join('/');
  return [
    '"use strict";',
    `${STUB_MARK} lib/index.js holds this module; a deep import gets that one copy.`,
    `module.exports = require(${JSON.stringify(index.startsWith('.') ? index : `./${index}`)})[Symbol.for(${JSON.stringify(MODULES_KEY)})](${JSON.stringify(id)});`,
    '',
  ].join('\n');
}

function jsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? jsFiles(p) : e.name.endsWith('.js') ? [p] : [];
  });
}

/**
 * esbuild turns `class X {}` into `var X = class {}` (the name comes from the variable), or `var X = class _X {}` when
 * the class refers to itself, whose `.name` is then `_X`: `EcsChecks.name`, `console.log(checks)` and stack traces
 * ("at _FargateSize.of") would change. A static block gives each such class its name back. This is what esbuild's
 * `keepNames` does for these classes; that option also names every function (about 900 calls at load, 5 % of the
 * kit's load time), which no other name here needs. Fails when a class named `_X` is left, so a change in esbuild's
 * output cannot pass unnoticed.
 */
export function keepClassNames(code: string, file = 'bundle'): string {
  const fixed = code.replace(/^((\s*)var (\w+) = class _\3(?: extends [^{\n]+)? \{)$/gm,
    (_line, head: string, indent: string, name: string) => `${head}\n${indent}  static { Object.defineProperty(this, "name", { value: ${JSON.stringify(name)}, configurable: true }); }`);
  const left = [...fixed.matchAll(/\bclass (_\w+)[^\n]*\n(\s*static \{ Object\.defineProperty\(this, "name")?/g)]
    .filter((m) => m[2] === undefined).map((m) => m[1]);
  if (left.length > 0) throw new Error(`bundle-lib: ${file}: classes whose name esbuild changed and keepClassNames did not restore: ${left.join(', ')}`);
  return fixed;
}

/**
 * The package root as lazy getters: each name lib/index.js exports, from the deepest module that defines it (the
 * file of WebService, not the service/ index, which would load every service and what each imports). Fails when a
 * name has no such module, so the bundle exports exactly what jsii compiled.
 */
export function lazyIndex(indexFile: string): string {
  const dir = path.dirname(indexFile);
  /* eslint-disable-next-line @typescript-eslint/no-require-imports */
  const eager: Record<string, unknown> = require(indexFile);
  const names = new Map<string, string[]>();
  for (const name of Object.keys(eager)) {
    const from = definingModule(indexFile, name, eager[name]);
    if (!from) throw new Error(`bundle-lib: no module that ${indexFile} requires exports ${name}`);
    const id = `./${path.relative(dir, from).split(path.sep).join('/').replace(/\.js$/, '')}`;
    names.set(id, [...names.get(id) ?? [], name]);
  }
  const modulesUsed = [...names];
  return [
    '"use strict";',
    // Registers this copy of the package at load, as the eager root did (DeploymentStandard.apply() warns about two copies).
    'require("./internal/kit-copies");',
    'Object.defineProperty(exports, "__esModule", { value: true });',
    '/** An object whose properties load the module on first read. */',
    'function lazy(load) {',
    '  let loaded;',
    '  return new Proxy({}, { get: (_, name) => (loaded ??= load())[name] });',
    '}',
    ...modulesUsed.map(([id], i) => `const m${i} = lazy(() => require(${JSON.stringify(id)}));`),
    // Written out one by one, in the form Node's cjs-module-lexer reads, so `import { EcsChecks } from 'cdk-ecs-kit'`
    // works from ES modules too (Node reads every export there, so those apps load everything, as before).
    ...modulesUsed.flatMap(([, list], i) => list.map((name) =>
      `Object.defineProperty(exports, ${JSON.stringify(name)}, { enumerable: true, get: function () { return m${i}.${name}; } });`)),
    '',
  ].join('\n');
}

/** The deepest module below `file`, following its relative requires, that exports `value` as `name`. */
function definingModule(file: string, name: string, value: unknown): string | undefined {
  for (const [, id] of fs.readFileSync(file, 'utf8').matchAll(/require\("(\.[^"]+)"\)/g)) {
    const child = require.resolve(path.join(path.dirname(file), id));
    /* eslint-disable-next-line @typescript-eslint/no-require-imports */
    const exports = require(child) as Record<string, unknown>;
    if (Object.prototype.hasOwnProperty.call(exports, name) && exports[name] === value) return definingModule(child, name, value) ?? child;
  }
  return undefined;
}

/** First line of a bundle (after a hashbang). */
export const BUNDLE_MARK = '// cdk-ecs-kit bundle: built by scripts/bundle-lib.ts from the files jsii compiled.';

/** Second line of a stub. */
export const STUB_MARK = '// cdk-ecs-kit stub (scripts/bundle-lib.ts):';

if (require.main === module) {
  const libDir = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'lib'));
  for (const file of bundleLib(libDir)) console.log(`bundled ${path.relative(process.cwd(), file)} (${Math.round(fs.statSync(file).size / 1024)} KiB)`);
}
