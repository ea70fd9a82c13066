/** The Linux Fargate size check shared by task definitions (ECS-TD-01) and Express services (ECS-XM-01). */
import { RuleIssue } from '../rule';
import { cpusForMemory, describeMemory, fargateRow, FARGATE_LINUX_SIZES, rowAllowsMemory, smallestFargateSize } from '../tables/fargate-sizes';
import { orList, parseCpuUnits, parseMemoryMiB } from '../values';

/**
 * Issues for a Cpu/Memory pair that is not a Linux Fargate size; none when
 * either value does not resolve. `subject` names the resource in the problem
 * ("Fargate task", "Express service").
 */
export function linuxFargateSizeIssues(subject: string, rawCpu: unknown, rawMem: unknown): RuleIssue[] {
  const cpu = parseCpuUnits(rawCpu);
  const memory = parseMemoryMiB(rawMem);
  if (cpu === undefined || memory === undefined) return [];
  const row = fargateRow(cpu, false);
  if (row && rowAllowsMemory(row, memory)) return [];
  const fits = cpusForMemory(memory, false);
  const cpuShown = asWritten(cpu, '', rawCpu);
  const memoryShown = asWritten(memory, ' MiB', rawMem);
  if (!row) {
    return [{
      property: 'Properties/Cpu',
      value: rawCpu,
      problem: `${subject} cpu ${cpuShown} is not a Fargate CPU value`,
      allowed: FARGATE_LINUX_SIZES.map((r) => r.cpu).join(', '),
      fix: `Use one of the listed cpu values${fits.length ? `; memory ${memory} MiB fits cpu ${fits.join(' or ')}` : ''}.`,
    }];
  }
  // No cpu takes this exact memory (3000): name the next size up, as FargateSize.of does.
  const next = fits.length > 0 ? undefined : smallestFargateSize(cpu, memory, false);
  const nextSize = next && (next.row.cpu === cpu ? `memory ${next.memoryMiB} MiB` : `cpu ${next.row.cpu} with memory ${next.memoryMiB} MiB`);
  return [{
    property: 'Properties/Memory',
    value: rawMem,
    problem: `${subject} cpu ${cpuShown} does not allow memory ${memoryShown}`,
    allowed: describeMemory(row),
    fix: fits.length > 0
      ? `Use cpu ${orList(fits)} for ${memory} MiB, or pick a listed memory value.`
      : `Pick a listed memory value${nextSize ? `, e.g. ${nextSize} (the next size up)` : ''}; ${memory} MiB is not a Fargate memory size for any cpu.`,
  }];
}

/** A parsed value, and the text the template holds when it is written with units ("0.25 vCPU", "3GB"). */
function asWritten(parsed: number, unit: string, raw: unknown): string {
  return typeof raw === 'string' && raw.trim() !== String(parsed) ? `${parsed}${unit} ("${raw}")` : `${parsed}${unit}`;
}
