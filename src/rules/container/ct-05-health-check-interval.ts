import { ResourceRule, RuleIssue, Severity } from '../rule';
import { healthCheckOutOfRange } from './health-check-range';
import { HEALTH_CHECK_RANGES } from '../tables/health-check-limits';
import { TASK_DEFINITION } from '../task/task-facts';

export const CT05_HEALTH_CHECK_INTERVAL: ResourceRule = {
  id: 'ECS-CT-05',
  title: 'Container health check interval must be 5-300 seconds',
  area: 'container',
  severity: Severity.ERROR,
  description: 'Checks HealthCheck.Interval of every container definition (L1 templates, escape hatches and the CLI; aws-cdk-lib L2 containers throw).',
  deployError: 'RegisterTaskDefinition fails: health check interval must be between 5 and 300 seconds.',
  fix: 'Use a health check interval of 5 to 300 seconds.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['ContainerDefinitions/*/HealthCheck'],
  check(task): RuleIssue[] {
    const { min, max } = HEALTH_CHECK_RANGES.interval;
    return healthCheckOutOfRange(task, 'Interval', min, max, ' s');
  },
};
