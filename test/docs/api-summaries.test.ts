import * as fs from 'fs';
import * as path from 'path';

/**
 * jsii takes a docstring's first sentence as its summary and ends it at the first ".", ";" or similar:
 * "Instance types; the first is..." shows as "Instance types;" in API.md and in every language's IDE hints.
 */
test('every summary in API.md is a whole sentence (no first sentence cut at ";" or "e.g.")', () => {
  const api = fs.readFileSync(path.join(__dirname, '..', '..', 'API.md'), 'utf8');
  const summaries = [...api.matchAll(/^\| <code><a href="#[^"]+">[^<]+<\/a><\/code> \| <code>[^|]*<\/code> \| (.*) \|$/gm)].map((m) => m[1].trim());
  expect(summaries.length).toBeGreaterThan(500);
  const cut = summaries.filter((s) => s !== '' && (!/[.)!?:`*]$/.test(s) || /\b(e\.g|i\.e|etc|vs)\.$/.test(s)));
  expect(cut).toEqual([]);
});
