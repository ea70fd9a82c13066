/**
 * Test helpers for apps that apply a standard: every finding of every
 * validation plugin as data, and template normalization for snapshots.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Stage } from 'aws-cdk-lib';
import * as cxapi from 'aws-cdk-lib/cx-api';

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
   * every finding as data, for `expect(report.findings).toEqual([])`: the
   * plugins' findings, then the kit's warning annotations (KIT-* construct
   * warnings, and rule warnings when EcsChecks is not registered) that are
   * not acknowledged. Findings do not throw here: they are returned. The errors of the kit
   * constructs' own checks stop synth before the plugins run: they are
   * returned alone (plugin `cdk-ecs-kit`), without the plugins' findings.
   */
  public static synthReport(app: Stage): ValidationReport {
    const before = console.error;
    console.error = () => undefined; // the plugins' console report; the data is returned instead
    let warnings: ValidationFinding[] = [];
    try {
      warnings = kitWarnings(app.synth().stacksRecursively);
    } catch (e) {
      if (!fs.existsSync(path.join(app.outdir, 'validation-report.json'))) {
        const constructChecks = constructCheckFindings(e);
        if (constructChecks.length === 0) throw e;
        return { findings: constructChecks, acknowledged: [] };
      }
      // A plugin error failed synth after the assembly was written: its annotations are on disk.
      warnings = kitWarnings(new cxapi.CloudAssembly(app.outdir).stacksRecursively);
    } finally {
      console.error = before;
    }
    const file = path.join(app.outdir, 'validation-report.json');
    const report = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) as ReportJson : {};
    const findings: ValidationFinding[] = [];
    const acknowledged: AcknowledgedValidationFinding[] = [];
    for (const plugin of report.pluginReports ?? []) {
      for (const v of plugin.violations ?? []) findings.push(...toFindings(plugin.pluginName, v));
      for (const v of plugin.suppressedViolations ?? []) {
        for (const finding of toFindings(plugin.pluginName, v)) acknowledged.push({ finding, reason: v.reason ?? '' });
      }
    }
    // Construct warnings (KIT-*, and rule warnings when EcsChecks is not registered) are annotations, not plugin findings.
    const seen = new Set(findings.map((f) => `${f.ruleId} ${f.path}`));
    return { findings: [...findings, ...warnings.filter((w) => !seen.has(`${w.ruleId} ${w.path}`))], acknowledged };
  }

  /** `synthReport(app).findings`. */
  public static synthFindings(app: Stage): ValidationFinding[] {
    return StandardTesting.synthReport(app).findings;
  }

  /**
   * A copy of a synthesized template (or any JSON) with asset hashes replaced by a placeholder, so snapshot tests
   * stay stable across asset rebuilds. Only hashes in asset positions are replaced: an object key (`<hash>.zip`,
   * `<hash>.json`), a CDK asset image tag (`...container-assets...:<hash>`), `asset.<hash>` paths and legacy
   * `AssetParameters<hash>` names. Your own values (an image digest `@sha256:...`, any other string) are kept, so a
   * changed digest still shows in the snapshot diff.
   */
  public static normalizeTemplate(template: any): any {
    const walk = (value: unknown): unknown => {
      if (typeof value === 'string') return normalizeAssetHashes(value);
      if (Array.isArray(value)) return value.map(walk);
      if (value && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [ASSET_HASH_KEY.test(k) ? ASSET_HASH : normalizeAssetHashes(k), walk(v)]));
      }
      return value;
    };
    return walk(template);
  }

  private constructor() {}
}

const ASSET_HASH = '<asset-hash>';
/** An object key that is an asset hash (asset manifests key assets by hash). */
const ASSET_HASH_KEY = /^[0-9a-f]{64}$/;
/** Asset hashes where CDK writes them: file keys, asset image tags, asset paths, legacy parameter names. */
const ASSET_HASH_SPOTS = /[0-9a-f]{64}(?=\.(?:zip|json|tar|tgz)\b)|(?<=asset\.)[0-9a-f]{64}|(?<=AssetParameters)[0-9a-f]{64}|(?<=container-assets\S*:)[0-9a-f]{64}/g;

function normalizeAssetHashes(text: string): string {
  return text.replace(ASSET_HASH_SPOTS, ASSET_HASH);
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

/** The kit's warning annotations (`[KIT-...] ...`, `[ECS-...] ...`) of the synthesized stacks, as findings. */
function kitWarnings(stacks: readonly cxapi.CloudFormationStackArtifact[]): ValidationFinding[] {
  const out: ValidationFinding[] = [];
  for (const stack of stacks) {
    for (const m of stack.messages) {
      const text = typeof m.entry.data === 'string' ? m.entry.data : '';
      const id = m.level === 'warning' ? /^\[((?:ECS|ORG|KIT)-[A-Z0-9-]+)\] /.exec(text)?.[1] : undefined;
      if (id) out.push({ plugin: 'cdk-ecs-kit', ruleId: id, path: m.id.replace(/^\//, ''), message: text, severity: 'warning' });
    }
  }
  return out;
}

function toFindings(plugin: string, v: ViolationJson): ValidationFinding[] {
  return (v.violatingConstructs?.length ? v.violatingConstructs : [{}]).map((c) => ({
    plugin, ruleId: v.ruleName, path: c.constructPath ?? '', message: v.description, severity: v.severity ?? 'error',
  }));
}
