/**
 * ECS limits for container health checks (HealthCheck in the
 * RegisterTaskDefinition API reference), as data: the CT rules and the task
 * constructs read this one table. `code` is the rule id (ECS-CT-05..08) a
 * construct reports an out-of-range value with.
 */
export interface HealthCheckRange {
  readonly code: string;
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly unit: string;
}

export const HEALTH_CHECK_RANGES = {
  interval: { code: 'ECS-CT-05', name: 'interval', min: 5, max: 300, unit: 's' },
  // The API reference said 2-60 s in 2023; newer text and aws-cdk-lib accept 120.
  timeout: { code: 'ECS-CT-06', name: 'timeout', min: 2, max: 120, unit: 's' },
  retries: { code: 'ECS-CT-07', name: 'retries', min: 1, max: 10, unit: '' },
  startPeriod: { code: 'ECS-CT-08', name: 'startPeriod', min: 0, max: 300, unit: 's' },
} as const satisfies Record<string, HealthCheckRange>;
