import { ResourceRule, RuleIssue, Severity } from '../rule';
import { containerLabel, containerPath, containers } from './container-facts';
import { TASK_DEFINITION } from '../task/task-facts';
import { runsWindows } from '../task/task-os';

export const CT04_WINDOWS_MEMORY_RESERVATION: ResourceRule = {
  id: 'ECS-CT-04',
  title: 'MemoryReservation is not supported for Windows containers',
  area: 'container',
  severity: Severity.WARNING,
  description: 'Checks containers of Windows task definitions: RuntimePlatform declares a Windows family, or (on EC2) every service and scheduled target runs the task only on capacity with an ECS-optimized Windows AMI. RegisterTaskDefinition accepts MemoryReservation, but Docker on Windows refuses it unless the agent drops it (ECS_ENABLE_MEMORY_UNBOUNDED_WINDOWS_WORKAROUND with no Memory set).',
  deployError: 'Tasks may fail with CannotCreateContainerError: "Windows does not support MemoryReservation".',
  fix: 'Use Memory (a hard limit) for Windows containers.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html#ECS-Type-ContainerDefinition-memoryReservation',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['ContainerDefinitions/*/MemoryReservation'],
  check(task, ctx): RuleIssue[] {
    if (!runsWindows(task, ctx)) return [];
    const issues: RuleIssue[] = [];
    for (const { index, def } of containers(task)) {
      if (def.MemoryReservation === undefined) continue;
      issues.push({
        property: containerPath(index, 'MemoryReservation'),
        value: def.MemoryReservation,
        problem: `Windows ${containerLabel(def, index)} sets MemoryReservation`,
        allowed: 'Memory only, for Windows containers',
        fix: `Replace the MemoryReservation of ${containerLabel(def, index)} with Memory.`,
      });
    }
    return issues;
  },
};
