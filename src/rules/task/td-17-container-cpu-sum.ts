import { ResourceRule, RuleIssue, Severity } from '../rule';
import { parseCpuUnits, toArray, toNumber, toObject } from '../values';
import { containerLabel, TASK_DEFINITION } from './task-facts';

export const TD17_CONTAINER_CPU_SUM: ResourceRule = {
  id: 'ECS-TD-17',
  title: 'The sum of container cpu must not exceed the task cpu',
  area: 'task',
  severity: Severity.ERROR,
  description: 'Re-checks L1 and escape-hatch templates: adds up container Cpu values and compares them with the task-level Cpu. aws-cdk-lib checks this only for its L2 task definitions.',
  deployError: "RegisterTaskDefinition fails: \"The sum of all container 'cpu' values cannot be greater than the value of the task 'cpu'\".",
  fix: 'Lower container cpu values or raise the task cpu.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html#ECS-Type-ContainerDefinition-cpu',
  resourceTypes: [TASK_DEFINITION],
  // Without container Cpu the sum is 0, never over a valid task cpu.
  onlyWith: ['ContainerDefinitions/*/Cpu'],
  check(task): RuleIssue[] {
    const list = toArray(task.properties.ContainerDefinitions);
    if (!list) return [];
    const taskCpu = parseCpuUnits(task.properties.Cpu);
    // A task cpu of 0 or less is ECS-TD-01's finding; a sum compared with it says nothing more.
    if (taskCpu === undefined || taskCpu <= 0) return [];
    let sum = 0;
    for (const c of list) {
      const def = toObject(c);
      if (!def) return [];
      if (def.Cpu === undefined) continue;
      const cpu = toNumber(def.Cpu);
      if (cpu === undefined) return [];
      sum += cpu;
    }
    if (sum <= taskCpu) return [];
    // Over the task cpu: list the parts for the message.
    const parts: string[] = [];
    list.forEach((c, index) => {
      const def = toObject(c)!;
      if (def.Cpu !== undefined) parts.push(`${containerLabel(def, index)} ${toNumber(def.Cpu)}`);
    });
    return [{
      property: 'Properties/ContainerDefinitions',
      value: sum,
      problem: `container Cpu values add up to ${sum} (${parts.join(', ')}), more than task Cpu ${taskCpu}`,
      allowed: `a sum of at most ${taskCpu} CPU units`,
      fix: `Lower the container cpu values by ${sum - taskCpu} units in all, or raise the task cpu.`,
    }];
  },
};
