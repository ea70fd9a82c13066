/**
 * ECS limits for container health checks (HealthCheck in the
 * RegisterTaskDefinition API reference), as data: the CT rules and the task
 * constructs read this one table. `code` is the id a construct reports: the
 * rule's (ECS-CT-07/08), or KIT-TASK-HEALTH-CHECK where aws-cdk-lib already
 * validates and no rule exists (CT-05/06 are skipped constraints).
 */
export interface HealthCheckRange {
  readonly code: string;
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly unit: string;
}

export const HEALTH_CHECK_RANGES = {
  interval: { code: 'KIT-TASK-HEALTH-CHECK', name: 'interval', min: 5, max: 300, unit: 's' },
  // The API reference said 2-60 s in 2023; newer text and aws-cdk-lib accept 120.
  timeout: { code: 'KIT-TASK-HEALTH-CHECK', name: 'timeout', min: 2, max: 120, unit: 's' },
  retries: { code: 'ECS-CT-07', name: 'retries', min: 1, max: 10, unit: '' },
  startPeriod: { code: 'ECS-CT-08', name: 'startPeriod', min: 0, max: 300, unit: 's' },
} as const satisfies Record<string, HealthCheckRange>;
