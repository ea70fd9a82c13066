import { ResourceRule, RuleIssue, Severity } from '../rule';
import { cpusForMemory, describeMemory, fargateRow, FARGATE_WINDOWS_SIZES, isValidFargateSize } from '../tables/fargate-sizes';
import { parseCpuUnits, parseMemoryMiB } from '../values';
import { isWindows, requiresFargate, TASK_DEFINITION } from './task-facts';

export const TD02_FARGATE_WINDOWS_SIZE: ResourceRule = {
  id: 'ECS-TD-02',
  title: 'Windows Fargate task cpu/memory must be a valid Windows Fargate size',
  area: 'task',
  severity: Severity.ERROR,
  description: 'Checks Cpu and Memory of Fargate task definitions with a Windows operating system family: 1 vCPU with 2-8 GB, 2 vCPU with 4-16 GB, 4 vCPU with 8-30 GB. aws-cdk-lib accepts 1 vCPU with 1 GB, which AWS rejects.',
  deployError: 'RegisterTaskDefinition fails: "No Fargate configuration exists for given values" (Windows on Fargate needs at least 1 vCPU and 2 GB).',
  fix: 'Pick a cpu/memory pair from the Windows rows of the Fargate size table.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['RuntimePlatform'],
  check(task): RuleIssue[] {
    if (requiresFargate(task) !== true || isWindows(task) !== true) return [];
    const rawCpu = task.properties.Cpu;
    const rawMem = task.properties.Memory;
    const cpu = parseCpuUnits(rawCpu);
    const memory = parseMemoryMiB(rawMem);
    if (cpu === undefined || memory === undefined || isValidFargateSize(cpu, memory, true)) return [];
    const fits = cpusForMemory(memory, true);
    const row = fargateRow(cpu, true);
    if (!row) {
      return [{
        property: 'Properties/Cpu',
        value: rawCpu,
        problem: `Windows Fargate task cpu ${cpu} is not a Windows Fargate CPU value`,
        allowed: FARGATE_WINDOWS_SIZES.map((r) => r.cpu).join(', '),
        fix: fits.length > 0 ? `Use cpu ${fits.join(' or ')} for ${memory} MiB.` : 'Use cpu 1024, 2048 or 4096 with a memory value from its row.',
      }];
    }
    return [{
      property: 'Properties/Memory',
      value: rawMem,
      problem: `Windows Fargate task cpu ${cpu} does not allow memory ${memory} MiB`,
      allowed: describeMemory(row),
      fix: fits.length > 0
        ? `Use cpu ${fits.join(' or ')} for ${memory} MiB, or pick a listed memory value.`
        : `Use memory ${row.minMemoryMiB} MiB or more (in ${row.stepMiB} MiB steps up to ${row.maxMemoryMiB} MiB).`,
    }];
  },
};
