import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { fail } from '../../errors';
import { KIT_CHECKS } from '../../kit-checks';
import { MAX_TASK_CPU, MIN_TASK_CPU } from '../../rules/task/td-29-ec2-task-cpu-range';

/** Docker's smallest container memory: a task must hold at least one such container. */
export const MIN_CONTAINER_MEMORY_MIB = 6;

/**
 * Task-level memoryMiB of an EC2 or Managed Instances task: a whole number of MiB that holds at least one
 * container, and not on Windows, where ECS ignores it (KIT-TASK-MEMORY).
 */
export function checkTaskMemory(scope: IConstruct, memoryMiB: number | undefined, windows: boolean): number | undefined {
  if (memoryMiB === undefined || Token.isUnresolved(memoryMiB)) return memoryMiB;
  const problem = windows ? `memoryMiB ${memoryMiB} is set on a Windows task, where ECS ignores task-level memory`
    : !Number.isInteger(memoryMiB) || memoryMiB < MIN_CONTAINER_MEMORY_MIB ? `memoryMiB ${memoryMiB} is not a whole number of MiB of at least ${MIN_CONTAINER_MEMORY_MIB}` : undefined;
  if (problem === undefined) return memoryMiB;
  return fail({
    code: KIT_CHECKS.TASK_MEMORY.id,
    path: scope.node.path,
    problem,
    allowed: `a whole number of MiB, at least ${MIN_CONTAINER_MEMORY_MIB} (Docker's smallest container), on a Linux task`,
    fix: windows ? 'Remove memoryMiB and give each container memoryLimitMiB.' : `Use a whole number of MiB of ${MIN_CONTAINER_MEMORY_MIB} or more, such as 1024.`,
  });
}

/**
 * Task-level cpu of an Ec2Task: CPU units ECS accepts outside Fargate (ECS-TD-29), and not on Windows, where ECS
 * ignores it (KIT-TASK-CPU).
 */
export function checkTaskCpu(scope: IConstruct, cpu: number | undefined, windows: boolean): number | undefined {
  if (cpu === undefined || Token.isUnresolved(cpu)) return cpu;
  if (windows) {
    return fail({
      code: KIT_CHECKS.TASK_CPU.id,
      path: scope.node.path,
      problem: `cpu ${cpu} is set on a Windows task, where ECS ignores task-level cpu`,
      allowed: 'task-level cpu on Linux tasks only',
      fix: 'Remove cpu and give each container cpu units.',
    });
  }
  if (Number.isInteger(cpu) && cpu >= MIN_TASK_CPU && cpu <= MAX_TASK_CPU) return cpu;
  return fail({
    code: 'ECS-TD-29',
    path: scope.node.path,
    problem: `task cpu ${cpu} is outside what ECS accepts for a task definition that does not require FARGATE`,
    allowed: `whole CPU units from ${MIN_TASK_CPU} to ${MAX_TASK_CPU} (0.125 to 192 vCPU)`,
    fix: cpu < MIN_TASK_CPU ? `Use cpu ${MIN_TASK_CPU} or more (1024 = 1 vCPU).` : `Use cpu ${MAX_TASK_CPU} or less, or split the task.`,
  });
}
