/** Shared check for a health check field with an allowed range (ECS-CT-05 to ECS-CT-08). */
import { TemplateResource } from '../model';
import { RuleIssue } from '../rule';
import { toNumber, toObject } from '../values';
import { containerLabel, containerPath, containers } from './container-facts';

export function healthCheckOutOfRange(
  task: TemplateResource, field: 'Retries' | 'StartPeriod' | 'Interval' | 'Timeout', min: number, max: number, unit: string,
): RuleIssue[] {
  const issues: RuleIssue[] = [];
  for (const { index, def } of containers(task)) {
    if (def.HealthCheck === undefined) continue;
    const hc = toObject(def.HealthCheck);
    const value = toNumber(hc?.[field]);
    if (value === undefined || (Number.isInteger(value) && value >= min && value <= max)) continue;
    const label = containerLabel(def, index);
    issues.push({
      property: containerPath(index, 'HealthCheck', field),
      value: hc?.[field],
      problem: `${label} HealthCheck.${field} ${value} is out of range`,
      allowed: `whole numbers from ${min} to ${max}${unit}`,
      fix: `Set HealthCheck.${field} of ${label} to ${value < min ? min : max}${unit} or a value in between.`,
    });
  }
  return issues;
}
