/** `--format sarif`: SARIF 2.1.0 for code-scanning UIs. */
import * as crypto from 'crypto';
import * as path from 'path';
import * as url from 'url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { AcknowledgedFinding } from './acknowledgements';
import { CheckedFinding } from './report-format';
import { pathBelow, SourceLines } from './source-lines';
import { KIT_CHECKS } from '../kit-checks';
import { REPLACEMENT_GUARD } from '../rules/replacement/replacement-guard';
import { Rule } from '../rules/rule';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** A PATH the run could not check (`file`, `message`): reported as a tool execution notification. */
export interface InputProblem {
  readonly file: string;
  readonly message: string;
  /** error: the run fails (exit 2); warning: the file was left out of a folder of templates. */
  readonly level: 'error' | 'warning';
}

export function formatSarif(
  open: readonly CheckedFinding[], rules: readonly Rule[], version: string, cwd = process.cwd(), acknowledged: readonly AcknowledgedFinding[] = [],
  problems: readonly InputProblem[] = [],
): string {
  // Acknowledged findings stay in the log as suppressed results, with the reason as justification.
  const reasons = new Map<CheckedFinding, string>(acknowledged.map((a) => [a.finding, a.reason]));
  const findings = [...open, ...acknowledged.map((a) => a.finding)];
  const ids = new Set(findings.map((f) => f.ruleId));
  const descriptors: ReportingDescriptor[] = [
    ...[...rules, REPLACEMENT_GUARD].filter((r) => ids.has(r.id)).map((r) => ({
      id: r.id,
      name: pascalName(r.title),
      shortDescription: { text: r.title },
      fullDescription: { text: r.description },
      help: { text: `${r.fix} Prevents: ${r.deployError}` },
      helpUri: r.source,
      defaultConfiguration: { level: r.severity === 'error' ? 'error' : 'warning' } as const,
    })),
    // Construct checks (KIT-*) reach a cloud assembly as annotations: described from their table.
    ...Object.values(KIT_CHECKS).filter((c) => ids.has(c.id)).map((c) => ({
      id: c.id,
      name: pascalName(c.title),
      shortDescription: { text: c.title },
      fullDescription: { text: `A check of the kit's constructs: ${c.constructOnly}` },
      defaultConfiguration: { level: c.severity === 'error' ? 'error' : 'warning' } as const,
    })),
  ];
  const index = new Map(descriptors.map((d, i) => [d.id, i]));
  const lines = new SourceLines();
  const results: Result[] = findings.map((f) => {
    const result: Result = {
      ruleId: f.ruleId,
      level: f.severity === 'error' ? 'error' : 'warning',
      message: { text: f.message },
      locations: [{
        logicalLocations: [{ name: f.logicalId || f.path, fullyQualifiedName: f.path, kind: f.logicalId ? 'resource' : 'construct' }],
        ...(f.file ? {
          physicalLocation: {
            artifactLocation: { uri: toUri(f.file, cwd) },
            region: { startLine: lines.of(f) ?? 1 },
          },
        } : {}),
      }],
      // Stable across runs and line moves: code scanning matches a result to the one it saw before by these.
      partialFingerprints: { 'cdkEcsKit/v1': fingerprint(f) },
      properties: { stack: f.stack, ...f.property ? { property: f.property } : {}, ...f.value !== '' && f.value !== undefined ? { value: f.value } : {} },
    };
    const i = index.get(f.ruleId);
    if (i !== undefined) result.ruleIndex = i;
    const reason = reasons.get(f);
    if (reason !== undefined) result.suppressions = [{ kind: 'inSource', justification: reason }];
    return result;
  });
  const log: Log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [{
      // No informationUri (optional in SARIF 2.1.0): the package has no public home page yet.
      tool: { driver: { name: 'cdk-ecs-kit', version, rules: descriptors } },
      // Files the run could not read are not silently missing from the results.
      ...problems.length > 0 ? {
        invocations: [{
          executionSuccessful: !problems.some((p) => p.level === 'error'),
          toolExecutionNotifications: problems.map((p) => ({
            level: p.level,
            message: { text: p.message },
            locations: [{ physicalLocation: { artifactLocation: { uri: toUri(p.file, cwd) } } }],
          })),
        }],
      } : {},
      results,
    }],
  };
  return JSON.stringify(log, undefined, 2);
}

function pascalName(title: string): string {
  return title.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''));
}

/** Rule, stack, construct path and property: what identifies a finding, not where its text sits in a file. */
function fingerprint(f: CheckedFinding): string {
  return crypto.createHash('sha256').update([f.ruleId, f.stack, f.path, f.property].join('\u0000')).digest('hex').slice(0, 32);
}

/** Relative to the working directory (the repository root in CI), as code scanning maps it; else a file: URI. */
export function toUri(file: string, cwd: string): string {
  const rel = pathBelow(file, cwd);
  return rel === undefined ? url.pathToFileURL(path.resolve(cwd, file)).href : rel.split(path.sep).join('/');
}
