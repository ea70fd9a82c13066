import { ResourceRule, RuleIssue, Severity } from '../rule';
import { healthCheckOutOfRange } from './health-check-range';
import { HEALTH_CHECK_RANGES } from '../tables/health-check-limits';
import { TASK_DEFINITION } from '../task/task-facts';

export const CT07_HEALTH_CHECK_RETRIES: ResourceRule = {
  id: 'ECS-CT-07',
  title: 'Container health check retries must be 1-10',
  area: 'container',
  severity: Severity.ERROR,
  description: 'Checks HealthCheck.Retries of every container definition. aws-cdk-lib does not range-check it.',
  deployError: 'RegisterTaskDefinition fails: health check retries must be between 1 and 10.',
  fix: 'Use 1 to 10 retries (the default is 3).',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['ContainerDefinitions/*/HealthCheck'],
  check(task): RuleIssue[] {
    const { min, max } = HEALTH_CHECK_RANGES.retries;
    return healthCheckOutOfRange(task, 'Retries', min, max, '');
  },
};
