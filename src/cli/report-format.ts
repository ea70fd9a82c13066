/** Text and JSON renderings of findings for the CLI. */
import type { AcknowledgedFinding } from './acknowledgements';
import { Finding } from '../rules/rule';

export interface CheckedFinding extends Finding {
  /** Template file the finding is in, when known. */
  readonly file?: string;
  /** The file is a task definition JSON file: `property` is a path in it, not below Resources. */
  readonly taskDefinitionJson?: boolean;
}

/** `--format json`: {"findings":[{ruleId, severity, stack, logicalId, path, property, value, message}]} */
export function formatJson(findings: readonly CheckedFinding[], acknowledged: readonly AcknowledgedFinding[] = []): string {
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

/** `--format text`: one block per finding, then a summary line. */
export function formatText(findings: readonly CheckedFinding[], stackCount: number, acknowledged: readonly AcknowledgedFinding[] = []): string {
  const lines: string[] = [];
  const sorted = [...findings].sort((a, b) =>
    (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || a.stack.localeCompare(b.stack) || a.ruleId.localeCompare(b.ruleId));
  for (const f of sorted) {
    const at = location(f);
    lines.push(`${f.severity.toUpperCase().padEnd(7)} ${f.ruleId}  ${f.path}${at ? `  (${at})` : ''}`);
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
