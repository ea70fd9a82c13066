/**
 * scripts/bundle-lib.ts: class names survive esbuild (a form it cannot restore fails the build), deep imports get the
 * bundle's modules, and stale output is refused.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildSync } from 'esbuild';
import { bundleLib, keepClassNames, STUB_MARK } from '../../scripts/bundle-lib';

/** esbuild's bundle of one CommonJS module, with the options bundle-lib uses. */
function bundle(code: string): string {
  return buildSync({ stdin: { contents: code, loader: 'js' }, bundle: true, write: false, platform: 'node', target: 'node20', format: 'cjs' })
    .outputFiles[0].text;
}

const SOURCE = `
class Size { static of() { return new Size(); } }
class Base {}
class Checks extends Base { static make() { return new Checks(); } }
class Plain { static of() { return 1; } }
exports.Size = Size; exports.Checks = Checks; exports.Plain = Plain;
`;

/** Run bundled code as a module and return its exports. */
function load(code: string): Record<string, { name: string; of?: () => unknown; make?: () => unknown }> {
  const module = { exports: {} };
  new Function('exports', 'module', 'require', code)(module.exports, module, require);
  return module.exports as never;
}

test('esbuild renames classes that refer to themselves; keepClassNames gives them their names back', () => {
  const raw = bundle(SOURCE);
  expect(raw).toMatch(/var Size = class _Size \{/); // the esbuild behaviour this guards against
  expect(load(raw).Size.name).toBe('_Size');

  const fixed = load(keepClassNames(raw));
  expect([fixed.Size.name, fixed.Checks.name, fixed.Plain.name]).toEqual(['Size', 'Checks', 'Plain']);
  // Self-references still reach the class itself.
  expect((fixed.Size.of!() as object).constructor).toBe(fixed.Size);
  expect((fixed.Checks.make!() as object).constructor.name).toBe('Checks');
});

test('a renamed class in a form keepClassNames does not know fails the build, naming it', () => {
  expect(() => keepClassNames('let Size = class _Size {\n};\n', 'lib/x.js'))
    .toThrow('bundle-lib: lib/x.js: classes whose name esbuild changed and keepClassNames did not restore: _Size');
});

describe('bundleLib on a compiled lib/', () => {
  let lib: string;
  const write = (file: string, code: string) => {
    fs.mkdirSync(path.dirname(path.join(lib, file)), { recursive: true });
    fs.writeFileSync(path.join(lib, file), code);
  };
  const compiled = () => {
    write('index.js', '"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\n'
      + 'var a = require("./task/a");\nObject.defineProperty(exports, "Task", { enumerable: true, get: function () { return a.Task; } });\n');
    write('task/a.js', '"use strict";\nclass Task { static of() { return new Task(); } }\nexports.Task = Task;\n');
    write('task/index.js', '"use strict";\nexports.Task = require("./a").Task;\n');
    write('internal/kit-copies.js', '"use strict";\n');
    write('cli/main.js', '#!/usr/bin/env node\n"use strict";\nconsole.log(require("../task/a").Task.name);\n');
  };
  beforeEach(() => {
    lib = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-lib-'));
    compiled();
  });
  afterEach(() => fs.rmSync(lib, { recursive: true, force: true }));

  test('deep imports get the bundle\'s copy of a module, not a second one', () => {
    bundleLib(lib);
    expect(fs.readFileSync(path.join(lib, 'task', 'a.js'), 'utf8')).toContain(STUB_MARK);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const root = require(path.join(lib, 'index.js'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect([require(path.join(lib, 'task', 'a.js')).Task, require(path.join(lib, 'task')).Task]).toEqual([root.Task, root.Task]);
    expect(root.Task.name).toBe('Task');
    // The CLI was bundled from the files jsii wrote, before they became stubs.
    expect(fs.readFileSync(path.join(lib, 'cli', 'main.js'), 'utf8')).not.toContain(STUB_MARK);
  });

  test('refuses to bundle a bundle, or stubs of an earlier bundle', () => {
    bundleLib(lib);
    expect(() => bundleLib(lib)).toThrow(/index\.js is already a bundle; compile again first/);
    write('index.js', '"use strict";\nexports.Task = require("./task/a").Task;\n');
    write('cli/main.js', '"use strict";\n');
    expect(() => bundleLib(lib)).toThrow(/\.js is a stub of an earlier bundle; compile again first/);
  });
});
