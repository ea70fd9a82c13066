import { ResourceRule, RuleIssue, Severity } from '../rule';
import { parseCpuUnits } from '../values';
import { isWindows, requiresFargate, TASK_DEFINITION } from './task-facts';

/** Task-level cpu that RegisterTaskDefinition accepts on EC2, external and Managed Instances capacity. */
export const MIN_TASK_CPU = 128;
export const MAX_TASK_CPU = 196_608;

export const TD29_EC2_TASK_CPU_RANGE: ResourceRule = {
  id: 'ECS-TD-29',
  title: 'Task cpu outside Fargate must be 128 to 196,608 CPU units',
  area: 'task',
  severity: Severity.ERROR,
  description: 'Checks a literal task-level Cpu (units, or a "N vCPU" string) of task definitions that do not require FARGATE (EC2, EXTERNAL, MANAGED_INSTANCES): 128 (0.125 vCPU) to 196,608 (192 vCPU). Fargate sizes are ECS-TD-01/02; Windows tasks are skipped, as ECS ignores their task-level cpu.',
  deployError: 'RegisterTaskDefinition fails (ClientException): "Invalid \'cpu\' setting for task".',
  fix: 'Set the task cpu to 128-196608 CPU units (1024 = 1 vCPU), or leave it unset on EC2 to let containers share the instance.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html#ECS-RegisterTaskDefinition-request-cpu',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['Cpu'],
  check(task): RuleIssue[] {
    const cpu = parseCpuUnits(task.properties.Cpu);
    if (cpu === undefined || (cpu >= MIN_TASK_CPU && cpu <= MAX_TASK_CPU)) return [];
    if (requiresFargate(task) !== false || isWindows(task) !== false) return [];
    return [{
      property: 'Properties/Cpu',
      value: task.properties.Cpu,
      problem: `task cpu ${cpu} is outside what ECS accepts for a task definition that does not require FARGATE`,
      allowed: `${MIN_TASK_CPU} to ${MAX_TASK_CPU} CPU units (0.125 to 192 vCPU)`,
      fix: cpu < MIN_TASK_CPU ? `Use cpu ${MIN_TASK_CPU} or more (1024 = 1 vCPU).` : `Use cpu ${MAX_TASK_CPU} or less, or split the task.`,
    }];
  },
};
