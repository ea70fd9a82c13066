import { ResourceRule, RuleIssue, Severity } from '../rule';
import { cpusForMemory, describeMemory, fargateRow, FARGATE_LINUX_SIZES, isValidFargateSize } from '../tables/fargate-sizes';
import { orList, parseCpuUnits, parseMemoryMiB } from '../values';
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
    const rawCpu = task.properties.Cpu;
    const rawMem = task.properties.Memory;
    const cpu = parseCpuUnits(rawCpu);
    const memory = parseMemoryMiB(rawMem);
    if (cpu === undefined || memory === undefined) return [];
    if (isValidFargateSize(cpu, memory, false)) return [];
    const row = fargateRow(cpu, false);
    if (!row) {
      return [{
        property: 'Properties/Cpu',
        value: rawCpu,
        problem: `Fargate task cpu ${cpu} is not a Fargate CPU value`,
        allowed: FARGATE_LINUX_SIZES.map((r) => r.cpu).join(', '),
        fix: `Use one of the listed cpu values${cpusForMemory(memory, false).length ? `; memory ${memory} MiB fits cpu ${cpusForMemory(memory, false).join(' or ')}` : ''}.`,
      }];
    }
    const fits = cpusForMemory(memory, false);
    return [{
      property: 'Properties/Memory',
      value: rawMem,
      problem: `Fargate task cpu ${cpu} does not allow memory ${memory} MiB`,
      allowed: describeMemory(row),
      fix: fits.length > 0
        ? `Use cpu ${orList(fits)} for ${memory} MiB, or pick a listed memory value.`
        : `Pick a listed memory value; ${memory} MiB is not a Fargate memory size for any cpu.`,
    }];
  },
};
