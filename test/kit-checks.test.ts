/**
 * One validation path: every id a construct reports is either a rule (ECS-*),
 * reported with the rule's severity, or a documented construct check (KIT-*,
 * src/kit-checks.ts). Skipped constraints have no rule, so constructs never
 * reuse their ids.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fail, severityOf } from '../src/errors';
import { ALL_KIT_CHECKS, KIT_CHECKS } from '../src/kit-checks';
import { ALL_RULES } from '../src/rules';
import { Severity } from '../src/rules/finding';
import { SKIPPED_CONSTRAINTS } from '../src/rules/skipped';

const SRC = path.join(__dirname, '..', 'src');
const ID = "'((?:ECS|KIT)-[A-Z0-9]+(?:-[A-Z0-9]+)*)'";

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return p === path.join(SRC, 'rules') ? [] : sourceFiles(p);
    return e.name.endsWith('.ts') && p !== path.join(SRC, 'kit-checks.ts') ? [p] : [];
  });
}

/** How the construct code reports each id: thrown / failed at synth (error) or annotated (warning). */
function reportedIds(): { id: string; severity: Severity; where: string }[] {
  const found: { id: string; severity: Severity; where: string }[] = [];
  // Table rows (`code: '...'` inside src/rules/tables) are thrown by constructs too.
  const files = [...sourceFiles(SRC), ...fs.readdirSync(path.join(SRC, 'rules', 'tables')).map((f) => path.join(SRC, 'rules', 'tables', f))];
  for (const file of files) {
    fs.readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
      const where = `${path.relative(SRC, file)}:${i + 1}`;
      if (line.trim().startsWith('*') || line.trim().startsWith('//')) return;
      const warning = /addWarningV2\(|warnUnseen\(/.test(line);
      const patterns = [`code: ${ID}`, `formatMessage\\(${ID}`, `checkRange\\([^,]+, ${ID}`, `addWarningV2\\(${ID}`, `warnUnseen\\([^,]+, ${ID}`, `\\? ${ID} : ${ID}`];
      for (const p of patterns) {
        for (const m of line.matchAll(new RegExp(p, 'g'))) {
          for (const id of m.slice(1).filter(Boolean)) found.push({ id, severity: warning ? Severity.WARNING : Severity.ERROR, where });
        }
      }
      for (const m of line.matchAll(/(?:code: |formatMessage\(|addWarningV2\()KIT_CHECKS\.([A-Z_]+)\.id/g)) {
        const check = (KIT_CHECKS as Record<string, { id: string }>)[m[1]];
        found.push({ id: check?.id ?? `KIT_CHECKS.${m[1]}`, severity: warning ? Severity.WARNING : Severity.ERROR, where });
      }
    });
  }
  return found;
}

describe('construct checks and rules agree', () => {
  const reported = reportedIds();

  test('the scan finds the construct checks (it cannot pass vacuously)', () => {
    const ids = new Set(reported.map((r) => r.id));
    expect(ids.size).toBeGreaterThan(40);
    for (const id of ['ECS-SV-21', 'ECS-TD-02', 'KIT-SERVICE-PORT', 'KIT-TASK-HOST-NETWORK', 'ECS-CT-07']) expect(ids).toContain(id);
  });

  test('every id a construct reports is a rule or a documented construct check, with the same severity', () => {
    const mismatches = reported.filter((r) => {
      try {
        return severityOf(r.id) !== r.severity;
      } catch {
        return true;
      }
    }).map((r) => `${r.where}: ${r.id} reported as ${r.severity}`);
    expect(mismatches).toEqual([]);
  });

  test('shared checks: each ECS id a construct throws is an error rule (a warning rule is reported through validateWithRules)', () => {
    const shared = [...new Set(reported.filter((r) => r.id.startsWith('ECS-')).map((r) => r.id))].sort();
    expect(shared.length).toBeGreaterThan(10);
    for (const id of shared) {
      const rule = ALL_RULES.find((r) => r.id === id);
      expect({ id, severity: rule?.severity }).toEqual({ id, severity: Severity.ERROR });
    }
  });

  test('no construct reuses the id of a skipped constraint', () => {
    const skipped = new Set(SKIPPED_CONSTRAINTS.map((s) => `ECS-${s.id}`));
    expect(reported.filter((r) => skipped.has(r.id)).map((r) => `${r.where}: ${r.id}`)).toEqual([]);
  });

  test('construct check ids are unique, KIT-prefixed, and never a rule id', () => {
    const ids = ALL_KIT_CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^KIT-[A-Z]+(-[A-Z0-9]+)+$/);
    const ruleIds = new Set(ALL_RULES.map((r) => r.id));
    expect(ids.filter((id) => ruleIds.has(id))).toEqual([]);
  });

  test('every documented construct check is used by some construct', () => {
    const used = new Set(reported.map((r) => r.id));
    expect(ALL_KIT_CHECKS.filter((c) => !used.has(c.id)).map((c) => c.id)).toEqual([]);
  });

  test('fail() refuses an unknown id, a skipped constraint id and a warning rule id', () => {
    const details = { path: 'Stack/X', problem: 'p', allowed: 'a', fix: 'f' };
    expect(() => fail({ ...details, code: 'KIT-NOPE' })).toThrow(/neither a rule id nor a construct check/);
    expect(() => fail({ ...details, code: 'ECS-SV-11' })).toThrow(/neither a rule id nor a construct check/);
    expect(() => fail({ ...details, code: 'ECS-SV-08' })).toThrow(/is a warning: report it as one/);
    expect(() => fail({ ...details, code: KIT_CHECKS.SERVICE_PORT.id })).toThrow(/^\[KIT-SERVICE-PORT\] p at Stack\/X; allowed: a\. f\.$/);
  });
});
