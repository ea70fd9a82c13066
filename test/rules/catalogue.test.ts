/**
 * The rule catalogue as a whole: stable ids and default severities (a golden
 * list: changing one is a deliberate, reviewed edit), complete metadata, a
 * test naming every rule, and no overlap with the skipped constraints.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ALL_RULES } from '../../src/rules';
import { SKIPPED_CONSTRAINTS } from '../../src/rules/skipped';

const GOLDEN = [
  'ECS-TD-01 error', 'ECS-TD-02 error', 'ECS-TD-03 error', 'ECS-TD-04 error', 'ECS-TD-05 error', 'ECS-TD-06 error',
  'ECS-TD-07 error', 'ECS-TD-08 error', 'ECS-TD-09 error', 'ECS-TD-10 error', 'ECS-TD-11 error', 'ECS-TD-12 error',
  'ECS-TD-14 error', 'ECS-TD-15 error', 'ECS-TD-16 error', 'ECS-TD-17 error', 'ECS-TD-18 error', 'ECS-TD-21 error',
  'ECS-TD-22 error', 'ECS-TD-23 error', 'ECS-TD-24 error', 'ECS-TD-25 error', 'ECS-TD-26 error', 'ECS-TD-28 error', 'ECS-TD-29 error', 'ECS-TD-30 error', 'ECS-TD-31 error', 'ECS-TD-32 error', 'ECS-CT-01 error',
  'ECS-CT-02 error', 'ECS-CT-03 error', 'ECS-CT-04 warning', 'ECS-CT-05 error', 'ECS-CT-06 error', 'ECS-CT-07 error',
  'ECS-CT-08 error', 'ECS-CT-09 error', 'ECS-CT-11 error', 'ECS-CT-12 error', 'ECS-CT-13 error', 'ECS-CT-14 error',
  'ECS-CT-15 error', 'ECS-CT-16 error', 'ECS-CT-17 error', 'ECS-CT-18 error', 'ECS-CT-19 error', 'ECS-CT-20 error',
  'ECS-CT-21 error', 'ECS-CT-22 warning', 'ECS-CT-23 warning', 'ECS-CT-24 warning', 'ECS-CT-25 error', 'ECS-CT-26 warning', 'ECS-CT-27 error', 'ECS-CT-28 error', 'ECS-CT-29 warning', 'ECS-CT-30 error', 'ECS-CT-31 error', 'ECS-CT-32 error', 'ECS-CT-33 error', 'ECS-CT-34 warning', 'ECS-CT-35 error', 'ECS-CT-36 error', 'ECS-CT-37 warning',
  'ECS-PM-01 error', 'ECS-PM-02 error', 'ECS-PM-04 error', 'ECS-PM-05 error', 'ECS-PM-06 error', 'ECS-PM-07 error',
  'ECS-PM-08 error', 'ECS-PM-09 error', 'ECS-PM-10 error', 'ECS-PM-11 error', 'ECS-PM-12 error',
  'ECS-DP-01 error', 'ECS-DP-02 warning', 'ECS-DP-03 error', 'ECS-DP-04 error', 'ECS-DP-05 error', 'ECS-DP-06 error', 'ECS-DP-07 error',
  'ECS-EX-02 warning', 'ECS-JB-01 error', 'ECS-JB-02 warning', 'ECS-JB-03 error', 'ECS-JB-04 error', 'ECS-LT-01 error', 'ECS-LT-02 error', 'ECS-LT-03 error', 'ECS-SC-01 error', 'ECS-SC-02 error',
  'ECS-SC-03 error', 'ECS-SC-04 error', 'ECS-SC-05 error', 'ECS-SC-06 error', 'ECS-SC-08 error', 'ECS-SC-09 error',
  'ECS-SC-10 error', 'ECS-SC-11 error', 'ECS-SC-12 error', 'ECS-SC-13 error', 'ECS-SC-14 error', 'ECS-SC-15 error',
  'ECS-SV-01 error', 'ECS-SV-02 error', 'ECS-SV-03 error', 'ECS-SV-04 error', 'ECS-SV-05 error', 'ECS-SV-07 error',
  'ECS-SV-08 warning', 'ECS-SV-09 error', 'ECS-SV-10 error', 'ECS-SV-12 error', 'ECS-SV-13 error', 'ECS-SV-14 error',
  'ECS-SV-15 error', 'ECS-SV-16 error', 'ECS-SV-17 error', 'ECS-SV-18 error', 'ECS-SV-19 error', 'ECS-SV-23 error',
  'ECS-SV-24 error', 'ECS-SV-26 error', 'ECS-SV-27 error', 'ECS-SV-28 error', 'ECS-SV-29 error', 'ECS-SV-31 error', 'ECS-SV-32 error', 'ECS-SV-33 error', 'ECS-SV-34 error', 'ECS-SV-35 warning', 'ECS-SV-36 error', 'ECS-SV-37 error', 'ECS-SV-38 error', 'ECS-SV-39 error', 'ECS-SV-40 error', 'ECS-SV-41 error', 'ECS-SV-42 error',
  'ECS-MI-01 error', 'ECS-MI-02 error', 'ECS-MI-06 error',
  'ECS-XM-01 error', 'ECS-XM-02 error', 'ECS-XM-03 error', 'ECS-XM-04 error', 'ECS-XM-05 error', 'ECS-XM-06 error',
  'ECS-XM-07 error', 'ECS-XM-08 error', 'ECS-XM-09 error', 'ECS-XM-10 error', 'ECS-CP-01 error',
  'ECS-CP-02 error', 'ECS-CP-03 error', 'ECS-CP-04 error', 'ECS-CP-05 error', 'ECS-CP-06 error', 'ECS-CP-09 error',
  'ECS-MI-03 error', 'ECS-MI-04 error', 'ECS-MI-05 error', 'ECS-MI-07 error',
  'ECS-SV-30 error', 'ECS-EX-03 error', 'ECS-ER-01 error', 'ECS-ER-02 error', 'ECS-ER-03 error', 'ECS-ER-04 error',
  'ECS-ER-05 error', 'ECS-ER-06 error', 'ECS-ER-07 error', 'ECS-ER-08 error', 'ECS-ER-09 error', 'ECS-ER-10 error',
  'ECS-ER-13 error', 'ECS-ER-14 warning', 'ECS-ER-15 error', 'ECS-ER-17 error', 'ECS-ER-18 error', 'ECS-ER-19 error', 'ECS-ER-20 warning',
  'ECS-CP-07 error', 'ECS-QT-01 error', 'ECS-QT-02 error',
  'ECS-QT-03 error', 'ECS-QT-04 warning', 'ECS-QT-05 warning', 'ECS-QT-06 error', 'ECS-QT-07 error',
  'ECS-QT-08 warning', 'ECS-QT-09 error', 'ECS-QT-10 error', 'ECS-SC-07 error', 'ECS-SV-06 error', 'ECS-SV-20 error', 'ECS-SV-21 error', 'ECS-SV-25 error',
  'ECS-TD-19 error', 'ECS-TD-20 error', 'ECS-TD-27 error',
  'ECS-RC-01 error', 'ECS-RC-02 error', 'ECS-RC-03 error', 'ECS-RC-09 error', 'ECS-RC-10 error', 'ECS-RC-13 error', 'ECS-RC-15 warning', 'ECS-RC-16 error', 'ECS-RC-17 warning', 'ECS-RC-18 error', 'ECS-RC-19 error', 'ECS-RC-20 warning', 'ECS-RC-21 error', 'ECS-RC-22 error', 'ECS-RC-26 warning', 'ECS-RC-27 warning',
  'ECS-RC-04 error', 'ECS-RC-05 error', 'ECS-RC-06 error', 'ECS-RC-07 error', 'ECS-RC-08 error', 'ECS-RC-11 warning', 'ECS-RC-12 error', 'ECS-RC-14 warning', 'ECS-RC-23 error', 'ECS-RC-24 error', 'ECS-RC-25 error',
  'ECS-CF-01 warning', 'ECS-CF-02 error',
];

/** All test source under test/rules and test/quotas, to find the tests that name each rule. */
function testSources(): string {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      // This file's golden list names every id: it must not count as a test of them.
      else if (p.endsWith('.ts') && p !== __filename) out.push(fs.readFileSync(p, 'utf8'));
    }
  };
  walk(path.join(__dirname));
  walk(path.join(__dirname, '..', 'quotas'));
  return out.join('\n');
}

describe('rule catalogue', () => {
  test('ids and default severities match the golden list', () => {
    expect(ALL_RULES.map((r) => `${r.id} ${r.severity}`)).toEqual(GOLDEN);
  });

  test('every rule has complete metadata', () => {
    for (const r of ALL_RULES) {
      expect({ id: r.id, ok: /^ECS-[A-Z]{2}-\d{2}$/.test(r.id) }).toEqual({ id: r.id, ok: true });
      for (const field of ['title', 'description', 'deployError', 'fix'] as const) {
        expect({ id: r.id, field, long: r[field].trim().length >= 10 }).toEqual({ id: r.id, field, long: true });
      }
      expect({ id: r.id, source: /^https:\/\/docs\.aws\.amazon\.com\//.test(r.source) }).toEqual({ id: r.id, source: true });
    }
  });

  test('every rule is named by at least one test file', () => {
    const sources = testSources();
    const untested = ALL_RULES.map((r) => r.id).filter((id) => !sources.includes(id) && !sources.includes(id.replace(/^ECS-/, '').replace('-', '')));
    expect(untested).toEqual([]);
  });

  test('skipped constraints and rules do not overlap, and each skip has a reason', () => {
    const ruleIds = new Set(ALL_RULES.map((r) => r.id.replace(/^ECS-/, '')));
    for (const s of SKIPPED_CONSTRAINTS) {
      expect({ id: s.id, alsoARule: ruleIds.has(s.id) }).toEqual({ id: s.id, alsoARule: false });
      expect(s.reason.length).toBeGreaterThan(20);
    }
    expect(new Set(SKIPPED_CONSTRAINTS.map((s) => s.id)).size).toBe(SKIPPED_CONSTRAINTS.length);
    for (const s of SKIPPED_CONSTRAINTS.filter((x) => x.coveredBy)) {
      expect({ id: s.id, coveredBy: ALL_RULES.some((r) => r.id === s.coveredBy) }).toEqual({ id: s.id, coveredBy: true });
    }
  });

  test('no constraint is skipped because aws-cdk-lib validates it: the CLI and L1 templates need every decidable one', () => {
    for (const s of SKIPPED_CONSTRAINTS) {
      expect({ id: s.id, reason: /validates at synth|handles it|AUTO/.test(s.reason) }).toEqual({ id: s.id, reason: false });
    }
  });
});
