import { ResourceRule, RuleIssue, Severity } from '../rule';
import { linuxFargateSizeIssues } from './fargate-linux-size';
import { isWindows, requiresFargate, TASK_DEFINITION } from './task-facts';

export const TD01_FARGATE_LINUX_SIZE: ResourceRule = {
  id: 'ECS-TD-01',
  title: 'Fargate task cpu/memory must be a valid Linux Fargate size',
  area: 'task',
  severity: Severity.ERROR,
  description: 'Checks Cpu and Memory of Fargate task definitions (Linux) against the Fargate size table, 0.25 to 16 vCPU. Reads numbers, numeric strings and unit strings ("1 vCPU", "2 GB").',
  deployError: "RegisterTaskDefinition fails: \"Invalid 'cpu' setting for task\" / \"No Fargate configuration exists for given values\".",
  fix: 'Pick a cpu/memory pair from the Fargate size table, or use FargateSize.smallestFor().',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size',
  builtInOverlap: ['E3047'],
  resourceTypes: [TASK_DEFINITION],
  check(task): RuleIssue[] {
    if (requiresFargate(task) !== true || isWindows(task) !== false) return [];
    return linuxFargateSizeIssues('Fargate task', task.properties.Cpu, task.properties.Memory);
  },
};
