import { ResourceRule, RuleIssue, Severity } from '../rule';
import { healthCheckOutOfRange } from './health-check-range';
import { HEALTH_CHECK_RANGES } from '../tables/health-check-limits';
import { TASK_DEFINITION } from '../task/task-facts';

export const CT08_HEALTH_CHECK_START_PERIOD: ResourceRule = {
  id: 'ECS-CT-08',
  title: 'Container health check start period must be 0-300 seconds',
  area: 'container',
  severity: Severity.ERROR,
  description: 'Checks HealthCheck.StartPeriod of every container definition. aws-cdk-lib does not range-check it.',
  deployError: 'RegisterTaskDefinition fails: health check startPeriod must be between 0 and 300 seconds.',
  fix: 'Use a start period of 0 to 300 seconds; use the service health check grace period for longer start-ups.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['ContainerDefinitions/*/HealthCheck'],
  check(task): RuleIssue[] {
    const { min, max } = HEALTH_CHECK_RANGES.startPeriod;
    return healthCheckOutOfRange(task, 'StartPeriod', min, max, ' s');
  },
};
