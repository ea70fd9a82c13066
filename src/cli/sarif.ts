/** `--format sarif`: SARIF 2.1.0 for code-scanning UIs. */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as url from 'url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { AcknowledgedFinding } from './acknowledgements';
import { CheckedFinding } from './report-format';
import { sourceLocator } from './yaml-template';
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
  const lineCache = new Map<string, string[]>();
  const locators = new Map<string, ReturnType<typeof sourceLocator> | undefined>();
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
            region: { startLine: propertyLine(f, locators) ?? lineOf(f.file, f.logicalId, lineCache) },
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
  const abs = path.resolve(cwd, file);
  const rel = path.relative(cwd, abs);
  return rel.startsWith('..') || path.isAbsolute(rel) ? url.pathToFileURL(abs).href : rel.split(path.sep).join('/');
}

/**
 * Line of the finding's property in its file: Resources/<logicalId>/<property> in a template, the property path in a
 * task definition JSON file; undefined when it cannot be found (then the resource's line).
 */
function propertyLine(f: CheckedFinding, cache: Map<string, ReturnType<typeof sourceLocator> | undefined>): number | undefined {
  if (!f.file || !f.logicalId) return undefined;
  if (!cache.has(f.file)) {
    let locate: ReturnType<typeof sourceLocator> | undefined;
    try {
      locate = sourceLocator(fs.readFileSync(f.file, 'utf8'));
    } catch {
      locate = undefined;
    }
    cache.set(f.file, locate);
  }
  const locate = cache.get(f.file);
  if (!locate) return undefined;
  const segments = f.property ? f.property.split('/').map((k) => (/^\d+$/.test(k) ? Number(k) : k)) : [];
  return locate(f.taskDefinitionJson ? segments : ['Resources', f.logicalId, ...segments]);
}

/** Line of the resource's logical id key in the file, or 1. */
function lineOf(file: string, logicalId: string, cache: Map<string, string[]>): number {
  if (!logicalId) return 1;
  let lines = cache.get(file);
  if (!lines) {
    try {
      lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
    } catch {
      lines = [];
    }
    cache.set(file, lines);
  }
  const key = new RegExp(`^\\s*"?${logicalId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"?\\s*:`);
  // A property of another resource can have the same name (TaskDefinition: !Ref TaskDefinition): look among
  // the keys directly under Resources first, then anywhere (one-line JSON).
  const inResources = resourceKeyLine(lines, key);
  if (inResources !== undefined) return inResources;
  const i = lines.findIndex((l) => key.test(l));
  return i >= 0 ? i + 1 : 1;
}

/** 1-based line of a key matching `key` at the indentation of the Resources section's own keys. */
function resourceKeyLine(lines: readonly string[], key: RegExp): number | undefined {
  const start = lines.findIndex((l) => /^\s*"?Resources"?\s*:/.test(l));
  if (start < 0) return undefined;
  const indent = (l: string) => l.length - l.trimStart().length;
  const base = indent(lines[start]);
  let child: number | undefined;
  for (let j = start + 1; j < lines.length; j++) {
    const text = lines[j].trim();
    if (text === '' || text.startsWith('#')) continue;
    const at = indent(lines[j]);
    if (at <= base) break;
    child ??= at;
    if (at === child && key.test(lines[j])) return j + 1;
  }
  return undefined;
}
