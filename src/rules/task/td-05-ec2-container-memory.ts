import { ResourceRule, RuleIssue, Severity } from '../rule';
import { containerLabel, containers, requiresFargate, TASK_DEFINITION } from './task-facts';

export const TD05_EC2_CONTAINER_MEMORY: ResourceRule = {
  id: 'ECS-TD-05',
  title: 'Without task-level memory, every container needs Memory or MemoryReservation',
  area: 'task',
  severity: Severity.ERROR,
  description: 'Flags containers with neither Memory nor MemoryReservation in a task definition without task-level Memory (EC2 and EXTERNAL tasks; Fargate task definitions need task memory anyway, ECS-TD-04).',
  deployError: "RegisterTaskDefinition fails: \"Invalid setting for container '...'. At least one of 'memory' or 'memoryReservation' must be specified.\"",
  fix: 'Set MemoryReservation (soft limit) or Memory (hard limit) on the container, or Memory on the task definition.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html#ECS-Type-ContainerDefinition-memory',
  resourceTypes: [TASK_DEFINITION],
  check(task): RuleIssue[] {
    // A Fargate task without Memory is ECS-TD-04's finding, whose fix (task memory) also settles this;
    // unresolved compatibilities may be Fargate, so they are skipped too.
    if (task.properties.Memory !== undefined || requiresFargate(task) !== false) return [];
    return containers(task).flatMap(({ index, def }) => {
      if (def.Memory !== undefined || def.MemoryReservation !== undefined) return [];
      return [{
        property: `Properties/ContainerDefinitions/${index}`,
        value: { Memory: undefined, MemoryReservation: undefined },
        problem: `${containerLabel(def, index)} has neither Memory nor MemoryReservation and the task definition has no Memory`,
        allowed: 'Memory or MemoryReservation on each container, or task-level Memory',
        fix: `Set MemoryReservation on ${containerLabel(def, index)} (e.g. 256), or Memory on the task definition.`,
      }];
    });
  },
};
