/** Health-check ranges, checked at construction with the catalogue's ids. */
import { Token } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { fail } from '../../errors';

import { HEALTH_CHECK_RANGES, HealthCheckRange as Range } from '../../rules/tables/health-check-limits';

export { HEALTH_CHECK_RANGES };

function check(range: Range, value: number | undefined, container: string, path: string): void {
  if (value === undefined || Token.isUnresolved(value)) return;
  if (Number.isInteger(value) && value >= range.min && value <= range.max) return;
  fail({
    code: range.code,
    problem: `Health check ${range.name} ${value}${range.unit} of container '${container}' is out of range`,
    path,
    allowed: `${range.min}-${range.max}${range.unit ? ` ${range.unit === 's' ? 'seconds' : range.unit}` : ''}, whole numbers`,
    fix: `Set healthCheck.${range.name} within ${range.min}-${range.max}.`,
  });
}

/**
 * Throws for an out-of-range health check (ECS-CT-05..09). A timeout longer than the interval deploys (CT-10 is skipped),
 * but aws-cdk-lib refuses it when rendering, so it fails here with the values and the fix (KIT-TASK-HEALTH-CHECK-TIMEOUT).
 */
export function validateHealthCheck(hc: ecs.HealthCheck | undefined, container: string, path: string): void {
  if (!hc) return;
  const seconds = (d: { toSeconds(): number } | undefined) => (d && !Token.isUnresolved(d.toSeconds()) ? d.toSeconds() : undefined);
  const interval = seconds(hc.interval);
  const timeout = seconds(hc.timeout);
  check(HEALTH_CHECK_RANGES.interval, interval, container, path);
  check(HEALTH_CHECK_RANGES.timeout, timeout, container, path);
  check(HEALTH_CHECK_RANGES.retries, hc.retries, container, path);
  check(HEALTH_CHECK_RANGES.startPeriod, seconds(hc.startPeriod), container, path);
  if (interval !== undefined && timeout !== undefined && timeout > interval) {
    fail({
      code: 'KIT-TASK-HEALTH-CHECK-TIMEOUT',
      problem: `Health check timeout ${timeout}s of container '${container}' is longer than its interval ${interval}s, which aws-cdk-lib refuses at synth (ECS accepts it)`,
      path,
      allowed: `a timeout of at most the interval (${interval} seconds)`,
      fix: `Set healthCheck.timeout to Duration.seconds(${interval}) or less, or healthCheck.interval to Duration.seconds(${timeout}) or more.`,
    });
  }
  if (hc.command.length === 0) {
    fail({
      code: 'ECS-CT-09',
      problem: `Health check command of container '${container}' is empty ([])`,
      path,
      allowed: 'a command such as ["CMD-SHELL", "curl -f http://localhost/ || exit 1"]',
      fix: 'Give the health check a command.',
    });
  }
}
