/**
 * Every check id the README, the guides and the API docs name exists: a rule
 * (ECS-*, the replacement guard ECS-RP-01 included), a construct check (KIT-*)
 * or a DeploymentStandard rule (ORG-*).
 * Catalogue ids without the ECS- prefix (CT-10) are not checked: rules.md
 * lists the ones no rule implements, with the reason.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ALL_KIT_CHECKS } from '../../src/kit-checks';
import { ALL_RULES } from '../../src/rules';
import { REPLACEMENT_RULE_ID } from '../../src/rules/replacement/replacement-guard';
import { ORG_RULES } from '../../src/standards/rules';

const ROOT = path.join(__dirname, '..', '..');

function docs(): string[] {
  const walk = (dir: string): string[] => fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return walk(rel);
    return e.name.endsWith('.md') ? [rel] : [];
  });
  return ['README.md', 'API.md', ...walk('docs'), ...walk('examples')];
}

/** Ids named in a file: ECS-XX-NN, KIT-NAME-PARTS, ORG-XX-NN (a trailing `..NN` range names its first id). */
export function idsIn(text: string): string[] {
  return [...text.matchAll(/\b(?:ECS-[A-Z]{2}-\d{2}|ORG-[A-Z]+-\d{2}|KIT-[A-Z]+(?:-[A-Z]+)*)\b/g)].map((m) => m[0]);
}

describe('check ids in the docs', () => {
  const known = new Set([...ALL_RULES.map((r) => r.id), ...ALL_KIT_CHECKS.map((c) => c.id), ...ORG_RULES.map((r) => r.id), REPLACEMENT_RULE_ID]);

  test('the id pattern finds each kind and nothing else', () => {
    expect(idsIn('ECS-TD-01, KIT-TASK-MEMORY and ORG-FG-01; not CT-10 or ECS-TD or KIT-')).toEqual(['ECS-TD-01', 'KIT-TASK-MEMORY', 'ORG-FG-01']);
  });

  test.each(docs())('%s names only ids that exist', (file) => {
    const unknown = [...new Set(idsIn(fs.readFileSync(path.join(ROOT, file), 'utf8')))].filter((id) => !known.has(id));
    expect(unknown).toEqual([]);
  });
});
