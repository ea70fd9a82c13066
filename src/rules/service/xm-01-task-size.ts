import { ResourceRule, RuleIssue, Severity } from '../rule';
import { cpusForMemory, describeMemory, fargateRow, FARGATE_LINUX_SIZES, isValidFargateSize } from '../tables/fargate-sizes';
import { parseCpuUnits, parseMemoryMiB } from '../values';
import { EXPRESS_API, EXPRESS_SERVICE } from './express-facts';

/** Express Mode runs FARGATE-compatible Linux tasks: the Fargate Linux size table applies. */
export const XM01_TASK_SIZE: ResourceRule = {
  id: 'ECS-XM-01',
  title: 'Express service cpu/memory is a Fargate Linux size',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Checks Cpu and Memory of AWS::ECS::ExpressGatewayService against the Fargate Linux size table (Express Mode tasks are FARGATE-compatible). Absent values take the Express defaults.',
  deployError: 'CreateExpressGatewayService fails: the task definition it registers has no Fargate configuration for the cpu/memory pair.',
  fix: 'Use a Fargate cpu/memory pair (FargateSize.of), e.g. cpu 1024 with 2048-8192 MiB.',
  source: EXPRESS_API,
  resourceTypes: [EXPRESS_SERVICE],
  check(service): RuleIssue[] {
    const rawCpu = service.properties.Cpu;
    const rawMem = service.properties.Memory;
    const cpu = parseCpuUnits(rawCpu);
    const memory = parseMemoryMiB(rawMem);
    if (cpu === undefined || memory === undefined || isValidFargateSize(cpu, memory, false)) return [];
    const row = fargateRow(cpu, false);
    if (!row) {
      return [{ property: 'Properties/Cpu', value: rawCpu, problem: `Express service cpu ${cpu} is not a Fargate CPU value`, allowed: FARGATE_LINUX_SIZES.map((r) => r.cpu).join(', '), fix: 'Use one of the listed cpu values.' }];
    }
    const fits = cpusForMemory(memory, false);
    return [{
      property: 'Properties/Memory',
      value: rawMem,
      problem: `Express service cpu ${cpu} does not allow memory ${memory} MiB`,
      allowed: describeMemory(row),
      fix: fits.length ? `Use cpu ${fits.join(' or ')} for ${memory} MiB, or a listed memory value.` : 'Pick a listed memory value.',
    }];
  },
};
