/**
 * Test helpers for apps that apply a standard: every finding of every
 * validation plugin as data, and template normalization for snapshots.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Stage } from 'aws-cdk-lib';
import { packageVersion } from '../version';

/** One finding of a validation plugin (EcsChecks, a cdk-nag pack, Control Tower, the built-in validator). */
export interface ValidationFinding {
  /** Plugin name, e.g. `cdk-ecs-kit`, `AwsSolutions`, `cdk-validator-cfnguard`. */
  readonly plugin: string;
  /** Rule id, e.g. `ORG-TAG-01`. */
  readonly ruleId: string;
  /** Construct path of the violating resource (empty when the plugin gave none). */
  readonly path: string;
  /** The plugin's message. */
  readonly message: string;
  /** `error` or `warning`. */
  readonly severity: string;
}

/** A finding acknowledged with `Validations.of(scope).acknowledge()`, with its reason. */
export interface AcknowledgedValidationFinding {
  /** The finding. */
  readonly finding: ValidationFinding;
  /** The reason given to acknowledge(). */
  readonly reason: string;
}

/** Everything the validation plugins reported for one synth. */
export interface ValidationReport {
  /** Findings not acknowledged. */
  readonly findings: ValidationFinding[];
  /** Acknowledged findings with their reasons. */
  readonly acknowledged: AcknowledgedValidationFinding[];
}

interface ReportJson {
  readonly pluginReports?: {
    readonly pluginName: string;
    readonly violations?: ViolationJson[];
    readonly suppressedViolations?: (ViolationJson & { reason?: string })[];
  }[];
}
interface ViolationJson {
  readonly ruleName: string;
  readonly description: string;
  readonly severity?: string;
  readonly violatingConstructs?: { readonly constructPath?: string }[];
}

/** Test helpers for users' apps. */
export class StandardTesting {
  /**
   * Synthesize the app (or stage) with its validation plugins and return
   * every finding as data, for `expect(report.findings).toEqual([])`.
   * Findings do not throw here: they are returned. The errors of the kit
   * constructs' own checks stop synth before the plugins run: they are
   * returned alone (plugin `cdk-ecs-kit`), without the plugins' findings.
   */
  public static synthReport(app: Stage): ValidationReport {
    const before = console.error;
    console.error = () => undefined; // the plugins' console report; the data is returned instead
    try {
      app.synth();
    } catch (e) {
      if (!fs.existsSync(path.join(app.outdir, 'validation-report.json'))) {
        const constructChecks = constructCheckFindings(e);
        if (constructChecks.length === 0) throw e;
        return { findings: constructChecks, acknowledged: [] };
      }
    } finally {
      console.error = before;
    }
    const file = path.join(app.outdir, 'validation-report.json');
    if (!fs.existsSync(file)) return { findings: [], acknowledged: [] };
    const report = JSON.parse(fs.readFileSync(file, 'utf8')) as ReportJson;
    const findings: ValidationFinding[] = [];
    const acknowledged: AcknowledgedValidationFinding[] = [];
    for (const plugin of report.pluginReports ?? []) {
      for (const v of plugin.violations ?? []) findings.push(...toFindings(plugin.pluginName, v));
      for (const v of plugin.suppressedViolations ?? []) {
        for (const finding of toFindings(plugin.pluginName, v)) acknowledged.push({ finding, reason: v.reason ?? '' });
      }
    }
    return { findings, acknowledged };
  }

  /** `synthReport(app).findings`. */
  public static synthFindings(app: Stage): ValidationFinding[] {
    return StandardTesting.synthReport(app).findings;
  }

  /**
   * A copy of a synthesized template (or any JSON) with asset hashes and the
   * kit's version replaced by placeholders, so snapshot tests stay stable
   * across kit upgrades and asset rebuilds.
   */
  public static normalizeTemplate(template: any): any {
    const version = packageVersion();
    const walk = (value: unknown): unknown => {
      if (typeof value === 'string') {
        let s = value.replace(/[0-9a-f]{64}/g, '<asset-hash>');
        if (version !== '0.0.0') s = s.replace(new RegExp(`(?<![\\d.])${version.replace(/\./g, '\\.')}(?![\\d.])`, 'g'), '<kit-version>');
        return s;
      }
      if (Array.isArray(value)) return value.map(walk);
      if (value && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [walk(k) as string, walk(v)]));
      }
      return value;
    };
    return walk(template);
  }

  private constructor() {}
}

/** `  [Stack/Task] [ECS-TD-01] ...`: one line of aws-cdk-lib's "Validation failed with the following errors" per construct check. */
const CONSTRUCT_CHECK_LINE = /^\s*\[([^\]]+)\] (\[((?:ECS|ORG|KIT)-[A-Z0-9-]+)\] .*)$/;

/**
 * The kit's construct-check errors in a failed synth's error, as findings; none when the error is anything else or
 * also holds another construct's error (which must still throw).
 */
function constructCheckFindings(error: unknown): ValidationFinding[] {
  const text = error instanceof Error ? error.message : '';
  if (!text.startsWith('Validation failed with the following errors')) return [];
  const entries = text.split('\n').filter((line) => /^\s*\[[^\]]+\] /.test(line));
  const findings = entries.flatMap((line) => {
    const m = CONSTRUCT_CHECK_LINE.exec(line);
    return m ? [{ plugin: 'cdk-ecs-kit', ruleId: m[3], path: m[1], message: m[2], severity: 'error' }] : [];
  });
  return findings.length === entries.length ? findings : [];
}

function toFindings(plugin: string, v: ViolationJson): ValidationFinding[] {
  return (v.violatingConstructs?.length ? v.violatingConstructs : [{}]).map((c) => ({
    plugin, ruleId: v.ruleName, path: c.constructPath ?? '', message: v.description, severity: v.severity ?? 'error',
  }));
}
