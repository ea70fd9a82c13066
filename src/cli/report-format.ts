/** Text and JSON renderings of findings for the CLI. */
import type { AcknowledgedFinding } from './acknowledgements';
import { pathBelow, SourceLines } from './source-lines';
import { Finding } from '../rules/rule';

export interface CheckedFinding extends Finding {
  /** Template file the finding is in, when known. */
  readonly file?: string;
  /** The file is a task definition JSON file: `property` is a path in it, not below Resources. */
  readonly taskDefinitionJson?: boolean;
  /** The file is a cloud assembly's generated template (text output names no line in it). */
  readonly generated?: boolean;
}

/** `--format json`: {"findings":[{ruleId, severity, stack, logicalId, path, property, value, message, file?, line?}]}; no line in a cloud assembly. */
export function formatJson(findings: readonly CheckedFinding[], acknowledged: readonly AcknowledgedFinding[] = [], cwd = process.cwd()): string {
  const lines = new SourceLines();
  return JSON.stringify({
    findings: findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      stack: f.stack,
      logicalId: f.logicalId,
      path: f.path,
      property: f.property,
      value: f.value,
      message: f.message,
      // The file the finding is in (a template, a task definition JSON file, or a cloud assembly's template), and its line
      // in a file the user wrote: finding a line parses the file, which costs seconds over a large cdk.out's templates.
      ...f.file ? { file: displayPath(f.file, cwd), ...f.generated ? {} : { line: lines.of(f) } } : {},
    })),
    acknowledged: acknowledged.map((a) => ({
      ruleId: a.finding.ruleId,
      severity: a.finding.severity,
      stack: a.finding.stack,
      path: a.finding.path,
      message: a.finding.message,
      reason: a.reason,
      acknowledgedAt: a.acknowledgedAt,
    })),
  }, undefined, 2);
}

/** Where in the template a finding is; a plain template's path is stack/logicalId already, so it is named once. */
function location(f: Finding): string | undefined {
  if (!f.logicalId) return 'construct check, recorded at synth';
  return f.path === `${f.stack}/${f.logicalId}` ? f.property : `${f.stack}/${f.logicalId}${f.property ? ` ${f.property}` : ''}`;
}

/** The file relative to the working directory when it is below it, else as given. */
function displayPath(file: string, cwd: string): string {
  return pathBelow(file, cwd) ?? file;
}

/**
 * `file:line` of a finding in a file the user wrote (a template, a task definition JSON file), as editors and CI logs
 * link it; none for a cloud assembly's generated template, where the construct path says more.
 */
function sourceOf(f: CheckedFinding, source: SourceLines, cwd: string): string | undefined {
  if (!f.file || !f.logicalId || f.generated) return undefined;
  return `${displayPath(f.file, cwd)}:${source.of(f) ?? 1}`;
}

/** `--format text`: one block per finding, then a summary line. */
export function formatText(
  findings: readonly CheckedFinding[], stackCount: number, acknowledged: readonly AcknowledgedFinding[] = [], cwd = process.cwd(),
): string {
  const source = new SourceLines();
  const lines: string[] = [];
  const sorted = [...findings].sort((a, b) =>
    (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || a.stack.localeCompare(b.stack) || a.ruleId.localeCompare(b.ruleId));
  for (const f of sorted) {
    const at = location(f);
    const file = sourceOf(f, source, cwd);
    lines.push(`${f.severity.toUpperCase().padEnd(7)} ${f.ruleId}  ${f.path}${at ? `  (${at})` : ''}${file ? `  ${file}` : ''}`);
    lines.push(`  ${f.message}`);
  }
  for (const a of acknowledged) {
    // The property tells apart two acknowledged findings of one rule on one resource (two secret-looking variables).
    const at = location(a.finding);
    lines.push(`ACKED   ${a.finding.ruleId}  ${a.finding.path}  (${at ? `${at}; ` : ''}acknowledged at ${a.acknowledgedAt || 'the app'})`);
    lines.push(`  reason: ${a.reason.trim() === '' ? '(none given)' : a.reason}`);
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const acked = acknowledged.length > 0 ? `, ${acknowledged.length} acknowledged` : '';
  lines.push(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${acked} in ${stackCount} stack${stackCount === 1 ? '' : 's'}`);
  return lines.join('\n');
}
