/** scripts/bundle-lib.ts: class names survive esbuild, and a form it cannot restore fails the build. */
import { buildSync } from 'esbuild';
import { keepClassNames } from '../../scripts/bundle-lib';

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
