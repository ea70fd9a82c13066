import { containerLabel, containerPath, containers } from './container-facts';
import { ResourceRule, RuleIssue, Severity } from '../rule';
import { TASK_DEFINITION } from '../task/task-facts';
import { runsWindows } from '../task/task-os';
import { toObject, toStr } from '../values';

export const CT36_WINDOWS_FIRELENS: ResourceRule = {
  id: 'ECS-CT-36',
  title: 'FireLens is for Linux tasks: Windows containers do not support it',
  area: 'container',
  severity: Severity.ERROR,
  description: 'Flags a FirelensConfiguration (a log router container) and the awsfirelens log driver on the containers of a Windows task: one '
    + 'whose RuntimePlatform declares a Windows family, or, on EC2 where RuntimePlatform is usually left out, one that every service and scheduled '
    + 'target runs only on capacity with an ECS-optimized Windows AMI. FireLens is supported for Linux tasks on Fargate and EC2 only. '
    + 'aws-cdk-lib\'s LogDrivers.firelens adds a log router running the Linux AWS for Fluent Bit image.',
  deployError: 'The tasks do not start or their logs go nowhere: ECS has no FireLens log routing for Windows containers, and the Linux AWS for '
    + 'Fluent Bit image aws-cdk-lib adds cannot run on a Windows host; a service never reaches a steady state.',
  fix: 'Log Windows containers with awslogs (the kit\'s default logging), or run FireLens only in Linux tasks.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_firelens.html',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['ContainerDefinitions/*/FirelensConfiguration', 'ContainerDefinitions/*/LogConfiguration/LogDriver'],
  check(task, ctx): RuleIssue[] {
    const set = containers(task).filter(({ def }) => def.FirelensConfiguration !== undefined || logsToFirelens(def));
    // Deciding the OS may walk the services and capacity: only for tasks that use FireLens.
    if (set.length === 0 || !runsWindows(task, ctx)) return [];
    const family = toStr(toObject(task.properties.RuntimePlatform)?.OperatingSystemFamily);
    const on = family ? `a Windows task definition (${family})` : 'a task definition that runs on Windows instances';
    return set.map(({ index, def }) => {
      const label = containerLabel(def, index);
      return def.FirelensConfiguration !== undefined
        ? {
          property: containerPath(index, 'FirelensConfiguration'),
          value: def.FirelensConfiguration,
          problem: `${label} is a FireLens log router (FirelensConfiguration) in ${on}; Windows containers do not support FireLens`,
          allowed: 'FireLens log routers in Linux tasks only',
          fix: `Remove ${label} and log the Windows containers with awslogs, or run FireLens in a Linux task.`,
        }
        : {
          property: containerPath(index, 'LogConfiguration', 'LogDriver'),
          value: 'awsfirelens',
          problem: `${label} logs with the awsfirelens log driver in ${on}; Windows containers do not support FireLens`,
          allowed: 'awslogs (or another log driver Windows supports) on Windows containers; awsfirelens in Linux tasks only',
          fix: `Log ${label} with awslogs (in the kit, leave logging unset for the default awslogs; in aws-cdk-lib, ecs.LogDrivers.awsLogs).`,
        };
    });
  },
};

function logsToFirelens(def: Record<string, unknown>): boolean {
  return toStr(toObject(def.LogConfiguration)?.LogDriver) === 'awsfirelens';
}
