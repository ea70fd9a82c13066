import { ResourceRule, RuleIssue, Severity } from '../rule';
import { TASK_DEFINITION } from '../task/task-facts';
import { parseMemoryMiB, toNumber } from '../values';
import { containerLabel, containerPath, containers } from './container-facts';

export const CT24_MEMORY_EQUALS_RESERVATION: ResourceRule = {
  id: 'ECS-CT-24',
  title: 'Container MemoryReservation equal to Memory has no effect',
  area: 'container',
  severity: Severity.WARNING,
  description: 'Kit check: the ECS docs say Memory must be greater than MemoryReservation, but RegisterTaskDefinition accepts equal values (aws-cdk-lib too); the soft limit then does nothing and the container is killed at the value it reserves.',
  deployError: 'None at deploy; the reservation is pointless and the container has no headroom above it.',
  fix: 'Set Memory above MemoryReservation for headroom, or drop MemoryReservation.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html#ECS-Type-ContainerDefinition-memoryReservation',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['ContainerDefinitions/*/MemoryReservation'],
  check(task): RuleIssue[] {
    const issues: RuleIssue[] = [];
    const taskMemory = parseMemoryMiB(task.properties.Memory);
    for (const { index, def } of containers(task)) {
      if (def.Memory === undefined || def.MemoryReservation === undefined) continue;
      const hard = toNumber(def.Memory);
      const soft = toNumber(def.MemoryReservation);
      if (hard === undefined || hard !== soft) continue;
      const label = containerLabel(def, index);
      issues.push({
        property: containerPath(index, 'MemoryReservation'),
        value: def.MemoryReservation,
        problem: `${label} MemoryReservation ${soft} MiB equals its Memory ${hard} MiB`,
        allowed: `MemoryReservation below Memory (${hard} MiB), or no MemoryReservation`,
        // Memory cannot go above the task's own memory (ECS-TD-18): then only the reservation can change.
        fix: taskMemory !== undefined && hard >= taskMemory
          ? `Remove the MemoryReservation of ${label}, or lower it below ${hard} MiB: its Memory already takes the task's ${taskMemory} MiB.`
          : `Raise the Memory of ${label} above ${soft} MiB for headroom, or remove its MemoryReservation.`,
      });
    }
    return issues;
  },
};
