/**
 * The kit's construction-time error: the same message shape as rule findings
 * (code, problem, construct path, what is allowed, fix).
 */
import * as fs from 'fs';
import { kitCheck } from './kit-checks';
import { formatMessage } from './rules/engine';
import { Severity } from './rules/finding';
import { ALL_RULES } from './rules/index';

export interface KitErrorDetails {
  /** Rule or error code, e.g. ECS-TD-01 or KIT-TASK-MEMORY. */
  readonly code: string;
  /** What is wrong, naming the property and the bad value. */
  readonly problem: string;
  /** Construct path of the construct being built. */
  readonly path: string;
  /** What is allowed. */
  readonly allowed: string;
  /** How to fix it. */
  readonly fix: string;
}

const KIT_ERROR = Symbol.for('cdk-ecs-kit.EcsKitError');

/**
 * Thrown by the kit's constructs for a configuration ECS would reject or
 * that cannot run. jsii cannot export a subclass of Error, so users test for
 * it with `EcsKitErrors.isEcsKitError(e)` and read `EcsKitErrors.codeOf(e)`.
 */
export class EcsKitError extends Error {
  /** Rule or construct check id, e.g. ECS-TD-01 or KIT-SERVICE-PORT. */
  public readonly code: string;
  /** What is wrong, naming the property and the bad value. */
  public readonly problem: string;
  /** Construct path of the construct being built. */
  public readonly path: string;
  /** What is allowed. */
  public readonly allowed: string;
  /** How to fix it. */
  public readonly fix: string;
  constructor(details: KitErrorDetails) {
    super(formatMessage(details.code, details.path, details));
    this.name = 'EcsKitError';
    this.code = details.code;
    this.problem = details.problem;
    this.path = details.path;
    this.allowed = details.allowed;
    this.fix = details.fix;
    Object.defineProperty(this, KIT_ERROR, { value: true });
  }
}

/**
 * Recognise the kit's construction errors, as aws-cdk-lib's `Errors` does
 * for its own: `try { ... } catch (e) { if (EcsKitErrors.codeOf(e) === 'ECS-TD-01') ... }`.
 */
export class EcsKitErrors {
  /** Whether `x` is an error thrown by a kit construct (works across copies of the package). */
  public static isEcsKitError(x: any): boolean {
    return x !== null && typeof x === 'object' && x[KIT_ERROR] === true;
  }

  /** The rule id (ECS-...) or construct check id (KIT-...) of a kit error, undefined for anything else. */
  public static codeOf(x: any): string | undefined {
    return EcsKitErrors.isEcsKitError(x) ? String(x.code) : undefined;
  }

  /**
   * Every kit id (ECS-*, ORG-*, KIT-*) an error reports: the code of a kit construct's error, or, for the error a
   * synth throws when a check fails (aws-cdk-lib's "Validation failed" text, whose findings start `[ECS-JB-01] ...`),
   * each id in it, once, in order. Outside jest aws-cdk-lib's text only names the validation report file: the ids are
   * then read from that file. Empty for any other error. For tests: `expect(EcsKitErrors.codesOf(e)).toContain('ECS-JB-01')`.
   */
  public static codesOf(x: any): string[] {
    const code = EcsKitErrors.codeOf(x);
    if (code !== undefined) return [code];
    const message = x instanceof Error ? x.message : '';
    const ids = (text: string) => [...new Set([...text.matchAll(/\[((?:ECS|ORG|KIT)-[A-Z0-9]+(?:-[A-Z0-9]+)*)\] /g)].map((m) => m[1]))];
    const found = ids(message);
    const report = /A copy of this report can be found in: (\S+validation-report\.json)/.exec(message)?.[1];
    return found.length > 0 || report === undefined ? found : ids(reportDescriptions(report));
  }

  private constructor() {}
}

/** The violation descriptions of a validation report file, one per line; '' when it cannot be read. */
function reportDescriptions(file: string): string {
  try {
    const report = JSON.parse(fs.readFileSync(file, 'utf8')) as { pluginReports?: { violations?: { description?: unknown }[] }[] };
    return (report.pluginReports ?? []).flatMap((p) => p.violations ?? []).map((v) => `${String(v.description ?? '')}\n`).join('');
  } catch {
    return '';
  }
}

/**
 * The severity a construct must report `code` with: the rule's for an ECS-*
 * id, the construct check's for a KIT-* id (src/kit-checks.ts). An unknown
 * id, or a skipped constraint's, is a programming error.
 */
export function severityOf(code: string): Severity {
  const severity = ALL_RULES.find((r) => r.id === code)?.severity ?? kitCheck(code)?.severity;
  if (severity === undefined) {
    throw new Error(`'${code}' is neither a rule id nor a construct check in src/kit-checks.ts`);
  }
  return severity;
}

/** Throw an EcsKitError: only for a rule or construct check whose severity is error. */
export function fail(details: KitErrorDetails): never {
  const severity = severityOf(details.code);
  if (severity !== Severity.ERROR) {
    throw new Error(`'${details.code}' is a ${severity}: report it as one, not as a thrown error`);
  }
  throw new EcsKitError(details);
}
