/** Text and JSON renderings of findings for the CLI. */
import { Finding } from '../rules/rule';

export interface CheckedFinding extends Finding {
  /** Template file the finding is in, when known. */
  readonly file?: string;
}

/** `--format json`: {"findings":[{ruleId, severity, stack, logicalId, path, property, value, message}]} */
export function formatJson(findings: readonly CheckedFinding[]): string {
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
    })),
  }, undefined, 2);
}

/** `--format text`: one block per finding, then a summary line. */
export function formatText(findings: readonly CheckedFinding[], stackCount: number): string {
  const lines: string[] = [];
  const sorted = [...findings].sort((a, b) =>
    (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || a.stack.localeCompare(b.stack) || a.ruleId.localeCompare(b.ruleId));
  for (const f of sorted) {
    lines.push(`${f.severity.toUpperCase().padEnd(7)} ${f.ruleId}  ${f.path}  (${f.stack}/${f.logicalId} ${f.property})`);
    lines.push(`  ${f.message}`);
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  lines.push(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${stackCount} stack${stackCount === 1 ? '' : 's'}`);
  return lines.join('\n');
}
