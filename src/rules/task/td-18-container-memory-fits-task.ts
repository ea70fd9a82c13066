import { ResourceRule, RuleIssue, Severity } from '../rule';
import { parseMemoryMiB, toArray, toNumber, toObject } from '../values';
import { containerLabel, TASK_DEFINITION } from './task-facts';

export const TD18_CONTAINER_MEMORY_FITS_TASK: ResourceRule = {
  id: 'ECS-TD-18',
  title: 'Container memory must fit in the task memory',
  area: 'task',
  severity: Severity.ERROR,
  description: 'With a task-level Memory: no container Memory (hard limit) may exceed it, and the memory reserved by all containers (MemoryReservation, or Memory where no reservation is set) must not add up to more than it.',
  deployError: "RegisterTaskDefinition fails: \"The 'memory' setting for container 'x' is greater than for the task\" / \"The sum of all container 'memoryReservation' values cannot be greater than the value of the task 'memory'\".",
  fix: 'Lower the container memory values or raise the task memory.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html#ECS-Type-ContainerDefinition-memory',
  resourceTypes: [TASK_DEFINITION],
  check(task): RuleIssue[] {
    const taskMemory = parseMemoryMiB(task.properties.Memory);
    const list = toArray(task.properties.ContainerDefinitions);
    if (taskMemory === undefined || !list || fitsTask(list, taskMemory)) return [];
    const issues: RuleIssue[] = [];
    const parts: string[] = [];
    let reserved = 0;
    let decided = true;
    list.forEach((c, index) => {
      const memory = containerMemory(c);
      if (!memory) {
        decided = false;
        return;
      }
      const { def, hard, soft } = memory;
      const label = containerLabel(def, index);
      if (hard !== undefined && hard > taskMemory) {
        issues.push({
          property: `Properties/ContainerDefinitions/${index}/Memory`,
          value: def.Memory,
          problem: `${label} Memory ${hard} MiB is more than task Memory ${taskMemory} MiB`,
          allowed: `at most ${taskMemory} MiB`,
          fix: `Set the Memory of ${label} to ${taskMemory} MiB or less, or raise the task memory.`,
        });
      }
      const r = soft ?? hard;
      if (r !== undefined) {
        reserved += r;
        parts.push(`${label} ${r}`);
      }
    });
    // One container over the limit by its hard Memory is already reported above.
    if (decided && reserved > taskMemory && (parts.length > 1 || issues.length === 0)) {
      issues.push({
        property: 'Properties/ContainerDefinitions',
        value: reserved,
        problem: `containers reserve ${reserved} MiB in all (${parts.join(', ')}), more than task Memory ${taskMemory} MiB`,
        allowed: `a sum of MemoryReservation (or Memory where no reservation is set) of at most ${taskMemory} MiB`,
        fix: `Lower the reservations by ${reserved - taskMemory} MiB in all, or raise the task memory.`,
      });
    }
    return issues;
  },
};

/**
 * True when no issue can arise: no container Memory above the task's and the
 * reservations fit (or do not resolve). Most tasks end here, before any label
 * or message part is built.
 */
function fitsTask(list: unknown[], taskMemory: number): boolean {
  let reserved = 0;
  let decided = true;
  for (const c of list) {
    const memory = containerMemory(c);
    if (!memory) {
      decided = false;
      continue;
    }
    const { hard, soft } = memory;
    if (hard !== undefined && hard > taskMemory) return false;
    reserved += soft ?? hard ?? 0;
  }
  return !decided || reserved <= taskMemory;
}

/** A container's Memory and MemoryReservation; undefined when either is set but unresolved (or the container is). */
function containerMemory(c: unknown): { def: Record<string, unknown>; hard?: number; soft?: number } | undefined {
  const def = toObject(c);
  if (!def) return undefined;
  const hard = def.Memory === undefined ? undefined : toNumber(def.Memory);
  const soft = def.MemoryReservation === undefined ? undefined : toNumber(def.MemoryReservation);
  if ((def.Memory !== undefined && hard === undefined) || (def.MemoryReservation !== undefined && soft === undefined)) return undefined;
  return { def, hard, soft };
}
