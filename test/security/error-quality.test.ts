/**
 * Error quality: every construct validation error the kit raises names the
 * construct path, the property, the bad value, what is allowed and the fix,
 * in the one message shape `[CODE] problem at path; allowed: ... . fix`.
 * Each error id the construct code reports as an error has a trigger here
 * (test/security/error-triggers-*.ts), except the ones listed below.
 */
import { ErrorTrigger } from './error-triggers';
import { DEPLOYMENT_TRIGGERS } from './error-triggers-deploy';
import { ECS_TRIGGERS } from './error-triggers-ecs';
import { KIT_TRIGGERS } from './error-triggers-kit';
import { MI_TRIGGERS } from './error-triggers-mi';
import { EcsKitErrors } from '../../src';
import { ALL_KIT_CHECKS } from '../../src/kit-checks';
import { Severity } from '../../src/rules/finding';
import { reportedIds } from '../fixtures/reported-ids';

/**
 * Error ids with no trigger, and why. Empty today: every error id the
 * construct code reports can be reached from the public API. An id added
 * here needs a reason it cannot be.
 */
const UNTRIGGERABLE: Record<string, string> = {};

interface Parts {
  readonly code: string;
  readonly message: string;
  readonly problem: string;
  readonly path: string;
  readonly allowed: string;
  readonly fix: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Run the trigger: the thrown EcsKitError, or the kit message a synth-time validation failed with. */
function raise(row: ErrorTrigger): Parts {
  try {
    row.trigger();
  } catch (e) {
    if (EcsKitErrors.isEcsKitError(e)) {
      const k = e as any;
      return { code: k.code, message: k.message, problem: k.problem, path: k.path, allowed: k.allowed, fix: k.fix };
    }
    // A synth-time check fails app.synth() with its formatted message on a line of its own.
    const message = String((e as Error).message);
    const line = message.split('\n').map((l) => l.replace(/^.*?(?=\[(?:KIT|ECS)-)/, '')).find((l) => l.startsWith(`[${row.code}] `));
    if (!line) throw e;
    const m = new RegExp(`^\\[${escape(row.code)}\\] (.+) at (\\S+); allowed: (.+?)\\. (.+)$`).exec(line);
    if (!m) return { code: row.code, message: line, problem: '', path: '', allowed: '', fix: '' };
    return { code: row.code, message: line, problem: m[1], path: m[2], allowed: m[3], fix: m[4] };
  }
  throw new Error(`${row.code}: the trigger raised nothing`);
}

const squash = (s: string) => s.replace(/[\s_-]/g, '').toLowerCase();
const TRIGGERS = [...KIT_TRIGGERS, ...DEPLOYMENT_TRIGGERS, ...ECS_TRIGGERS, ...MI_TRIGGERS];

describe.each(TRIGGERS.map((row, i) => [`${row.code} #${i} (${row.prop}: ${row.bad})`, row] as const))('%s', (_name, row) => {
  test('names the construct path, the property, the bad value, what is allowed and the fix', () => {
    const e = raise(row);
    expect(e.code).toBe(row.code);
    expect(e.message).toMatch(new RegExp(`^\\[${escape(row.code)}\\] .+ at \\S+; allowed: .+\\. .+`, 's'));
    expect(e.path.length).toBeGreaterThan(0);
    expect(e.message).toContain(` at ${e.path}; allowed: `);
    if (row.path instanceof RegExp) expect(e.path).toMatch(row.path);
    else expect(e.path.startsWith(row.path ?? 'S/') || e.path === row.path).toBe(true);
    expect(e.allowed.trim().length).toBeGreaterThan(0);
    expect(e.fix.trim().length).toBeGreaterThan(0);
    expect({ problem: e.problem, names: squash(e.problem).includes(squash(row.prop)) }).toEqual({ problem: e.problem, names: true });
    expect(e.problem).toContain(row.bad);
  });
});

describe('completeness', () => {
  const triggered = new Set(TRIGGERS.map((t) => t.code));
  const reported = reportedIds();

  test('every ERROR-severity KIT-* id in src/kit-checks.ts has a trigger', () => {
    const missing = ALL_KIT_CHECKS.filter((c) => c.severity === Severity.ERROR && !triggered.has(c.id) && !(c.id in UNTRIGGERABLE)).map((c) => c.id);
    expect(missing).toEqual([]);
  });

  test('every ECS-* id a construct throws has a trigger', () => {
    const thrown = [...new Set(reported.filter((r) => r.severity === Severity.ERROR && r.id.startsWith('ECS-')).map((r) => r.id))]
      .filter((id) => !(id in UNTRIGGERABLE));
    expect(thrown.length).toBeGreaterThan(20);
    expect(thrown.filter((id) => !triggered.has(id)).sort()).toEqual([]);
  });

  test('every trigger is for an id the construct code reports as an error, and the exclusions are still needed', () => {
    const errors = new Set(reported.filter((r) => r.severity === Severity.ERROR).map((r) => r.id));
    expect([...triggered].filter((id) => !errors.has(id))).toEqual([]);
    expect(Object.keys(UNTRIGGERABLE).filter((id) => triggered.has(id))).toEqual([]);
  });
});
