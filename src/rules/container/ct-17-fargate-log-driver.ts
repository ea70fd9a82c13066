import { ResourceRule, RuleIssue, Severity } from '../rule';
import { fargateRunnerLabel, undeclaredFargateServices } from '../task/service-facts';
import { requiresFargate, TASK_DEFINITION } from '../task/task-facts';
import { toObject, toStr } from '../values';
import { containerLabel, containerPath, containers } from './container-facts';

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
    let declared: boolean | undefined;
    let runner: string | undefined;
    const issues: RuleIssue[] = [];
    for (const { index, def } of containers(task)) {
      if (def.LogConfiguration === undefined) continue;
      const logConfig = toObject(def.LogConfiguration);
      const driver = toStr(logConfig?.LogDriver);
      if (driver === undefined || FARGATE_LOG_DRIVERS.includes(driver)) continue;
      declared ??= requiresFargate(task) === true;
      let who: string | undefined;
      if (declared) {
        who = `Fargate ${containerLabel(def, index)}`;
      } else {
        if (runner === undefined) {
          const services = undeclaredFargateServices(task, context);
          runner = services.length > 0 ? fargateRunnerLabel(services) : '';
        }
        if (!runner) continue;
        who = `${containerLabel(def, index)} of a task definition ${runner}`;
      }
      issues.push({
        property: containerPath(index, 'LogConfiguration', 'LogDriver'),
        value: logConfig?.LogDriver,
        problem: `${who} uses log driver ${driver}`,
        allowed: FARGATE_LOG_DRIVERS.join(', '),
        fix: `Use awslogs, or awsfirelens with a FireLens router to reach ${driver} destinations.`,
        ...(declared ? { builtInOverlap: 'E3048' } : {}),
      });
    }
    return issues;
  },
};
