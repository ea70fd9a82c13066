import { ResourceRule, RuleIssue, Severity } from '../rule';
import { TASK_DEFINITION } from '../task/task-facts';
import { toObject, toStr } from '../values';
import { containerPath, containers } from './container-facts';
import { fargateContainerNamer } from './fargate-containers';

const FARGATE_LOG_DRIVERS = ['awslogs', 'splunk', 'awsfirelens'];

export const CT17_FARGATE_LOG_DRIVER: ResourceRule = {
  id: 'ECS-CT-17',
  title: 'Fargate supports only the awslogs, splunk and awsfirelens log drivers',
  area: 'container',
  severity: Severity.ERROR,
  description: 'Checks LogConfiguration.LogDriver of containers in task definitions that require FARGATE or that a Fargate service runs. The built-in validator reports the first case as E3048.',
  deployError: 'RegisterTaskDefinition fails: the log driver is not supported on Fargate; a Fargate service cannot run such a task definition.',
  fix: 'Use awslogs, splunk, or awsfirelens (FireLens routes to fluentd, Elasticsearch and others).',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-logging',
  resourceTypes: [TASK_DEFINITION],
  check(task, context): RuleIssue[] {
    const fargate = fargateContainerNamer(task, context);
    const issues: RuleIssue[] = [];
    for (const { index, def } of containers(task)) {
      if (def.LogConfiguration === undefined) continue;
      const logConfig = toObject(def.LogConfiguration);
      const driver = toStr(logConfig?.LogDriver);
      if (driver === undefined || FARGATE_LOG_DRIVERS.includes(driver)) continue;
      const who = fargate.name(def, index);
      if (who === undefined) continue;
      issues.push({
        property: containerPath(index, 'LogConfiguration', 'LogDriver'),
        value: logConfig?.LogDriver,
        problem: `${who} uses log driver ${driver}`,
        allowed: FARGATE_LOG_DRIVERS.join(', '),
        fix: `Use awslogs, or awsfirelens with a FireLens router to reach ${driver} destinations.`,
        ...(fargate.declared ? { builtInOverlap: 'E3048' } : {}),
      });
    }
    return issues;
  },
};
