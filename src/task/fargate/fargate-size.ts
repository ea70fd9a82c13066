import { EcsKitError, fail } from '../../errors';
import { requireSynthValue } from '../../internal/synth-values';
import {
  describeMemory, FARGATE_LINUX_SIZES, FARGATE_WINDOWS_SIZES, FargateCpuRow, fargateRow, isValidFargateSize, memoryValues, rowAllowsMemory,
  smallestFargateSize,
} from '../../rules/tables/fargate-sizes';

/** What the kit does with a size at synth, for KIT-SYNTH-VALUE. */
const SIZE_WHY = 'the kit checks the pair against the Fargate size table and gives the containers their memory from it';

/** Operating system a Fargate size belongs to. */
export enum FargateOperatingSystem {
  /** Linux: 0.25 to 16 vCPU. */
  LINUX = 'LINUX',
  /** Windows Server: 1, 2 or 4 vCPU. */
  WINDOWS = 'WINDOWS',
}

/** A cpu/memory request for `FargateSize.smallestFor`. */
export interface FargateSizeRequest {
  /**
   * Minimum task CPU units (1024 = 1 vCPU).
   * @default 0 - any CPU
   */
  readonly cpu?: number;
  /**
   * Minimum task memory in MiB.
   * @default 0 - any memory
   */
  readonly memoryMiB?: number;
  /**
   * Operating system of the size.
   * @default FargateOperatingSystem.LINUX
   */
  readonly operatingSystem?: FargateOperatingSystem;
}

/**
 * A valid Fargate task size. Only sizes from the Fargate size table (the same
 * table the ECS-TD-01/02 rules read) can be built; anything else throws with
 * the valid choices listed.
 */
export class FargateSize {
  /** A Linux size; throws ECS-TD-01 with the valid choices when the pair is not a Fargate size. */
  public static of(cpu: number, memoryMiB: number): FargateSize {
    return FargateSize.build(cpu, memoryMiB, FargateOperatingSystem.LINUX);
  }

  /** A Windows size (1, 2 or 4 vCPU); throws ECS-TD-02 with the valid choices otherwise. */
  public static windows(cpu: number, memoryMiB: number): FargateSize {
    return FargateSize.build(cpu, memoryMiB, FargateOperatingSystem.WINDOWS);
  }

  /**
   * The smallest size with at least the requested CPU and memory: the lowest
   * CPU first (vCPU is the expensive part), then the lowest memory.
   */
  public static smallestFor(request: FargateSizeRequest): FargateSize {
    const os = request.operatingSystem ?? FargateOperatingSystem.LINUX;
    const cpu = request.cpu ?? 0;
    const memory = request.memoryMiB ?? 0;
    for (const [name, v] of [['cpu', cpu], ['memoryMiB', memory]] as const) {
      if (!Number.isFinite(v) || v < 0) {
        requireSynthValue('FargateSize.smallestFor', name, v, SIZE_WHY);
        fail({
          code: 'KIT-FARGATE-SIZE',
          problem: `FargateSize.smallestFor ${name} ${v} is not a number >= 0`,
          path: 'FargateSize.smallestFor',
          allowed: 'a finite number >= 0',
          fix: `Pass ${name} as a plain number of ${name === 'cpu' ? 'CPU units' : 'MiB'}.`,
        });
      }
    }
    const found = smallestFargateSize(cpu, memory, os === FargateOperatingSystem.WINDOWS);
    if (!found) {
      const rows = rowsFor(os);
      const top = rows[rows.length - 1];
      fail({
        code: os === FargateOperatingSystem.WINDOWS ? 'ECS-TD-02' : 'ECS-TD-01',
        problem: `No ${os} Fargate size has cpu >= ${cpu} and memory >= ${memory} MiB`,
        path: 'FargateSize.smallestFor',
        allowed: `up to cpu ${top.cpu} with ${top.maxMemoryMiB} MiB`,
        fix: 'Lower the request, split the work over more tasks, or run on EC2 capacity.',
      });
    }
    return new FargateSize(found.row.cpu, found.memoryMiB, os, !!found.row.requiresPlatform140);
  }

  /** Every Fargate size, Linux then Windows, each ordered by CPU then memory. */
  public static all(): FargateSize[] {
    const out: FargateSize[] = [];
    for (const os of [FargateOperatingSystem.LINUX, FargateOperatingSystem.WINDOWS]) {
      for (const row of rowsFor(os)) {
        for (const m of memoryValues(row)) out.push(new FargateSize(row.cpu, m, os, !!row.requiresPlatform140));
      }
    }
    return out;
  }

  /** Whether a pair is a valid size, without throwing. */
  public static isValid(cpu: number, memoryMiB: number, operatingSystem?: FargateOperatingSystem): boolean {
    return isValidFargateSize(cpu, memoryMiB, operatingSystem === FargateOperatingSystem.WINDOWS);
  }

  private static build(cpu: number, memoryMiB: number, os: FargateOperatingSystem): FargateSize {
    const windows = os === FargateOperatingSystem.WINDOWS;
    const row = fargateRow(cpu, windows);
    if (row && rowAllowsMemory(row, memoryMiB)) {
      return new FargateSize(cpu, memoryMiB, os, !!row.requiresPlatform140);
    }
    // A token is never a listed size: say it is one rather than print its encoded number.
    for (const [prop, value] of [['cpu', cpu], ['memoryMiB', memoryMiB]] as const) {
      requireSynthValue(windows ? 'FargateSize.windows' : 'FargateSize.of', prop, value, SIZE_WHY);
    }
    const code = windows ? 'ECS-TD-02' : 'ECS-TD-01';
    const method = windows ? 'FargateSize.windows' : 'FargateSize.of';
    // smallestFor is Linux unless told otherwise; suggested only when some size covers the request.
    const best = smallestFargateSize(cpu, memoryMiB, windows);
    const smallest = best
      ? `FargateSize.smallestFor({ cpu: ${cpu}, memoryMiB: ${memoryMiB}${windows ? ', operatingSystem: FargateOperatingSystem.WINDOWS' : ''} }) `
        + `(cpu ${best.row.cpu} with ${best.memoryMiB} MiB)`
      : undefined;
    if (!row) {
      throw new EcsKitError({
        code,
        path: method,
        problem: `${os} Fargate cpu ${cpu} is not a ${windows ? 'Windows ' : ''}Fargate CPU value${windows && fargateRow(cpu, false) ? ' (Linux only)' : ''}`,
        allowed: choices(rowsFor(os)),
        fix: `Use ${method}(cpu, memoryMiB) with a listed pair${smallest ? `, or ${smallest}` : ''}.`,
      });
    }
    throw new EcsKitError({
      code,
      path: method,
      problem: `${os} Fargate cpu ${cpu} does not allow memory ${memoryMiB} MiB`,
      allowed: `cpu ${cpu}: ${describeMemory(row)}`,
      fix: smallest ? `Pick a listed memory value, or use ${smallest}.`
        : `Pick a listed memory value: no ${os} Fargate size has cpu >= ${cpu} and memory >= ${memoryMiB} MiB.`,
    });
  }

  private constructor(
    /** Task CPU units (1024 = 1 vCPU). */
    public readonly cpu: number,
    /** Task memory in MiB. */
    public readonly memoryMiB: number,
    /** Operating system the size is valid for. */
    public readonly operatingSystem: FargateOperatingSystem,
    /** True for 8 and 16 vCPU: needs Linux platform version 1.4.0 or later. */
    public readonly requiresPlatform140: boolean,
  ) {}

  /** vCPU as a number (0.25 ... 16). */
  public get vcpu(): number {
    return this.cpu / 1024;
  }

  /** True for Windows sizes. */
  public get isWindows(): boolean {
    return this.operatingSystem === FargateOperatingSystem.WINDOWS;
  }

  /** e.g. "LINUX 0.25 vCPU / 512 MiB". */
  public toString(): string {
    return `${this.operatingSystem} ${this.vcpu} vCPU / ${this.memoryMiB} MiB`;
  }
}

function rowsFor(os: FargateOperatingSystem): readonly FargateCpuRow[] {
  return os === FargateOperatingSystem.WINDOWS ? FARGATE_WINDOWS_SIZES : FARGATE_LINUX_SIZES;
}

function choices(rows: readonly FargateCpuRow[]): string {
  return rows.map((r) => `cpu ${r.cpu} -> ${describeMemory(r)}`).join('; ');
}
