/**
 * Every TypeScript snippet in README.md is code a test compiles and runs: its
 * text (imports, comments and whitespace aside) appears in a region of a test
 * file marked `// --- README ... ---` ... `// --- end ---`. A `// ...` line in
 * a snippet stands for code the reader supplies; the parts around it must each
 * appear. Edit the README and the test region together.
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');

function testFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return e.name === '__snapshots__' ? [] : testFiles(rel);
    return rel.endsWith('.ts') ? [rel] : [];
  });
}

/** Code without imports, line comments and layout. */
export function normalize(code: string): string {
  return code.split('\n')
    .filter((l) => !/^\s*import\s/.test(l) && !/^\s*\/\//.test(l))
    .map((l) => l.replace(/\s+\/\/\s.*$/, ''))
    .join(' ')
    .replace(/\s+/g, ' ')
    .replace(/\s*([(){}[\],;:])\s*/g, '$1')
    .trim();
}

/** The marked README regions of the test files, normalized. */
function testedRegions(): string[] {
  const regions: string[] = [];
  for (const file of testFiles('test')) {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    for (const m of text.matchAll(/\/\/ --- README[^\n]*\n([\s\S]*?)\/\/ --- end ---/g)) regions.push(normalize(m[1]));
  }
  return regions;
}

/** README ```ts blocks, each split at `// ...` lines into the parts that must be tested. */
export function snippetParts(markdown: string): string[][] {
  return [...markdown.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1].split(/^\s*\/\/ \.\.\..*$/m).map(normalize).filter((p) => p.length > 0));
}

export function untested(markdown: string, regions: string[]): string[] {
  return snippetParts(markdown).flat().filter((part) => !regions.some((r) => r.includes(part)));
}

test('every TypeScript snippet of the README is compiled and run by a test', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const regions = testedRegions();
  expect(snippetParts(readme).length).toBeGreaterThanOrEqual(8);
  expect(untested(readme, regions)).toEqual([]);
});

test('a snippet that no test runs is reported; comments, imports and layout do not matter', () => {
  const regions = [normalize('const a = f(1, 2); // why\nconst b = g({ x: 1 });')];
  const md = '```ts\nimport { f } from \'x\';\nconst a = f(1,\n  2);\n// ... more ...\nconst b = g({x: 1}); // other comment\n```\n```ts\nconst c = h();\n```\n';
  expect(untested(md, regions)).toEqual(['const c = h();']);
});
