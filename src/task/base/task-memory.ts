import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { fail } from '../../errors';
import { KIT_CHECKS } from '../../kit-checks';

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
