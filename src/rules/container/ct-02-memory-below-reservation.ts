import { ResourceRule, RuleIssue, Severity } from '../rule';
import { TASK_DEFINITION } from '../task/task-facts';
import { toNumber } from '../values';
import { containerLabel, containerPath, containers } from './container-facts';

export const CT02_MEMORY_BELOW_RESERVATION: ResourceRule = {
  id: 'ECS-CT-02',
  title: 'Container Memory must not be less than MemoryReservation',
  area: 'container',
  severity: Severity.ERROR,
  description: 'Re-checks L1 and escape-hatch templates: a container hard limit (Memory) below its soft limit (MemoryReservation). aws-cdk-lib rejects this only for its L2 containers. Equal values are reported by ECS-CT-24.',
  deployError: 'RegisterTaskDefinition fails (memory must be greater than memoryReservation); Docker refuses a memory limit below the reservation.',
  fix: 'Raise Memory above MemoryReservation, or lower the reservation.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html#ECS-Type-ContainerDefinition-memory',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['ContainerDefinitions/*/MemoryReservation'],
  check(task): RuleIssue[] {
    const issues: RuleIssue[] = [];
    for (const { index, def } of containers(task)) {
      if (def.Memory === undefined || def.MemoryReservation === undefined) continue;
      const hard = toNumber(def.Memory);
      const soft = toNumber(def.MemoryReservation);
      if (hard === undefined || soft === undefined || hard >= soft) continue;
      const label = containerLabel(def, index);
      issues.push({
        property: containerPath(index, 'Memory'),
        value: def.Memory,
        problem: `${label} Memory ${hard} MiB is less than its MemoryReservation ${soft} MiB`,
        allowed: `Memory greater than MemoryReservation (${soft} MiB)`,
        fix: `Raise the Memory of ${label} above ${soft} MiB, or lower its MemoryReservation below ${hard} MiB.`,
      });
    }
    return issues;
  },
};
