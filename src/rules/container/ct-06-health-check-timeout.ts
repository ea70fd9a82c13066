import { ResourceRule, RuleIssue, Severity } from '../rule';
import { healthCheckOutOfRange } from './health-check-range';
import { HEALTH_CHECK_RANGES } from '../tables/health-check-limits';
import { TASK_DEFINITION } from '../task/task-facts';

export const CT06_HEALTH_CHECK_TIMEOUT: ResourceRule = {
  id: 'ECS-CT-06',
  title: 'Container health check timeout must be 2-120 seconds',
  area: 'container',
  severity: Severity.ERROR,
  description: 'Checks HealthCheck.Timeout of every container definition (L1 templates, escape hatches and the CLI; aws-cdk-lib L2 containers throw).',
  deployError: 'RegisterTaskDefinition fails: health check timeout must be between 2 and 120 seconds.',
  fix: 'Use a health check timeout of 2 to 120 seconds.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['ContainerDefinitions/*/HealthCheck'],
  check(task): RuleIssue[] {
    const { min, max } = HEALTH_CHECK_RANGES.timeout;
    return healthCheckOutOfRange(task, 'Timeout', min, max, ' s');
  },
};
