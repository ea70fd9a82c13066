/**
 * The Fargate task size table, as data. FargateSize, the ECS-TD-01/02/03
 * rules and docs all read it.
 * Source: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size
 * and the RegisterTaskDefinition API (memory).
 */

export interface FargateCpuRow {
  /** Task CPU units (1024 = 1 vCPU). */
  readonly cpu: number;
  /** Smallest memory in MiB. */
  readonly minMemoryMiB: number;
  /** Largest memory in MiB. */
  readonly maxMemoryMiB: number;
  /** Step between allowed values in MiB (0 = explicit list). */
  readonly stepMiB: number;
  /** Explicit values when the step is irregular. */
  readonly explicit?: readonly number[];
  /** Needs Linux platform version 1.4.0 or later. */
  readonly requiresPlatform140?: boolean;
}

export const FARGATE_LINUX_SIZES: readonly FargateCpuRow[] = [
  { cpu: 256, minMemoryMiB: 512, maxMemoryMiB: 2048, stepMiB: 0, explicit: [512, 1024, 2048] },
  { cpu: 512, minMemoryMiB: 1024, maxMemoryMiB: 4096, stepMiB: 1024 },
  { cpu: 1024, minMemoryMiB: 2048, maxMemoryMiB: 8192, stepMiB: 1024 },
  { cpu: 2048, minMemoryMiB: 4096, maxMemoryMiB: 16384, stepMiB: 1024 },
  { cpu: 4096, minMemoryMiB: 8192, maxMemoryMiB: 30720, stepMiB: 1024 },
  { cpu: 8192, minMemoryMiB: 16384, maxMemoryMiB: 61440, stepMiB: 4096, requiresPlatform140: true },
  { cpu: 16384, minMemoryMiB: 32768, maxMemoryMiB: 122880, stepMiB: 8192, requiresPlatform140: true },
];

/** Windows on Fargate: at least 1 vCPU; 1 vCPU starts at 2 GB (aws-cdk-lib wrongly accepts 1 GB). */
export const FARGATE_WINDOWS_SIZES: readonly FargateCpuRow[] = [
  { cpu: 1024, minMemoryMiB: 2048, maxMemoryMiB: 8192, stepMiB: 1024 },
  { cpu: 2048, minMemoryMiB: 4096, maxMemoryMiB: 16384, stepMiB: 1024 },
  { cpu: 4096, minMemoryMiB: 8192, maxMemoryMiB: 30720, stepMiB: 1024 },
];

/** All memory values (MiB) allowed for a row. */
export function memoryValues(row: FargateCpuRow): number[] {
  if (row.explicit) return [...row.explicit];
  const out: number[] = [];
  for (let m = row.minMemoryMiB; m <= row.maxMemoryMiB; m += row.stepMiB) out.push(m);
  return out;
}

export function fargateRows(windows: boolean): readonly FargateCpuRow[] {
  return windows ? FARGATE_WINDOWS_SIZES : FARGATE_LINUX_SIZES;
}

export function fargateRow(cpu: number, windows: boolean): FargateCpuRow | undefined {
  return fargateRows(windows).find((r) => r.cpu === cpu);
}

export function isValidFargateSize(cpu: number, memoryMiB: number, windows: boolean): boolean {
  const row = fargateRow(cpu, windows);
  return !!row && rowAllowsMemory(row, memoryMiB);
}

/** Whether `memoryMiB` is one of the row's memory values, without building the list (every task definition asks). */
export function rowAllowsMemory(row: FargateCpuRow, memoryMiB: number): boolean {
  if (row.explicit) return row.explicit.includes(memoryMiB);
  return memoryMiB >= row.minMemoryMiB && memoryMiB <= row.maxMemoryMiB && (memoryMiB - row.minMemoryMiB) % row.stepMiB === 0;
}

/**
 * The smallest size (first by cpu, then by memory) with at least `cpu` units
 * and `memoryMiB`; undefined when no size is that large.
 */
export function smallestFargateSize(cpu: number, memoryMiB: number, windows: boolean): { row: FargateCpuRow; memoryMiB: number } | undefined {
  for (const row of fargateRows(windows)) {
    if (row.cpu < cpu) continue;
    const memory = memoryValues(row).find((m) => m >= memoryMiB);
    if (memory !== undefined) return { row, memoryMiB: memory };
  }
  return undefined;
}

/** The CPU values whose memory range includes the given memory. */
export function cpusForMemory(memoryMiB: number, windows: boolean): number[] {
  return fargateRows(windows).filter((r) => rowAllowsMemory(r, memoryMiB)).map((r) => r.cpu);
}

/** Human form of a row's memory choices: "512, 1024, 2048" or "2048-8192 in 1024 steps". */
export function describeMemory(row: FargateCpuRow): string {
  if (row.explicit) return row.explicit.join(', ');
  return `${row.minMemoryMiB}-${row.maxMemoryMiB} MiB in ${row.stepMiB} MiB steps`;
}
