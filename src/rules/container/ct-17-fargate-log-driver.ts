import { ResourceRule, RuleIssue, Severity } from '../rule';
import { requiresFargate, TASK_DEFINITION } from '../task/task-facts';
import { toObject, toStr } from '../values';
import { containerLabel, containerPath, containers } from './container-facts';

const FARGATE_LOG_DRIVERS = ['awslogs', 'splunk', 'awsfirelens'];

export const CT17_FARGATE_LOG_DRIVER: ResourceRule = {
  id: 'ECS-CT-17',
  title: 'Fargate supports only the awslogs, splunk and awsfirelens log drivers',
  area: 'container',
  severity: Severity.ERROR,
  builtInOverlap: ['E3048'],
  description: 'Checks LogConfiguration.LogDriver of containers in Fargate task definitions.',
  deployError: 'RegisterTaskDefinition fails: the log driver is not supported on Fargate.',
  fix: 'Use awslogs, splunk, or awsfirelens (FireLens routes to fluentd, Elasticsearch and others).',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-logging',
  resourceTypes: [TASK_DEFINITION],
  check(task): RuleIssue[] {
    if (requiresFargate(task) !== true) return [];
    return containers(task).flatMap(({ index, def }) => {
      const logConfig = toObject(def.LogConfiguration);
      const driver = toStr(logConfig?.LogDriver);
      if (driver === undefined || FARGATE_LOG_DRIVERS.includes(driver)) return [];
      return [{
        property: containerPath(index, 'LogConfiguration', 'LogDriver'),
        value: logConfig?.LogDriver,
        problem: `Fargate ${containerLabel(def, index)} uses log driver ${driver}`,
        allowed: FARGATE_LOG_DRIVERS.join(', '),
        fix: `Use awslogs, or awsfirelens with a FireLens router to reach ${driver} destinations.`,
      }];
    });
  },
};
