/**
 * One validation path: every id a construct reports is either a rule (ECS-*),
 * reported with the rule's severity, or a documented construct check (KIT-*,
 * src/kit-checks.ts). Skipped constraints have no rule, so constructs never
 * reuse their ids.
 */
import { fail, severityOf } from '../src/errors';
import { ALL_KIT_CHECKS, KIT_CHECKS } from '../src/kit-checks';
import { ALL_RULES } from '../src/rules';
import { reportedIds } from './fixtures/reported-ids';
import { Severity } from '../src/rules/finding';
import { SKIPPED_CONSTRAINTS } from '../src/rules/skipped';

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
