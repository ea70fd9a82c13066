/**
 * vCPUs, memory and NVIDIA GPUs of EC2 instance types, for the families whose sizes follow one
 * rule (Amazon EC2 instance types: General purpose, Compute optimized, Memory optimized, Accelerated
 * computing). Only families listed here are judged: any other type (metal sizes, c5n, x2, newer
 * families) is unknown and rules stay silent on it.
 */

/** Memory per vCPU (GiB) of families whose sizes scale evenly: medium 1 vCPU, large 2, xlarge 4, Nxlarge 4N. */
const GIB_PER_VCPU: Readonly<Record<string, number>> = Object.fromEntries([
  ...['m5', 'm5a', 'm5d', 'm5n', 'm6i', 'm6id', 'm6a', 'm6in', 'm6g', 'm6gd', 'm7i', 'm7i-flex', 'm7a', 'm7g', 'm7gd', 'm8g'].map((f) => [f, 4]),
  ...['c5', 'c5a', 'c5d', 'c6i', 'c6id', 'c6a', 'c6in', 'c6g', 'c6gd', 'c6gn', 'c7i', 'c7i-flex', 'c7a', 'c7g', 'c7gd', 'c7gn', 'c8g'].map((f) => [f, 2]),
  ...['r5', 'r5a', 'r5d', 'r5n', 'r6i', 'r6id', 'r6a', 'r6in', 'r6g', 'r6gd', 'r7i', 'r7a', 'r7g', 'r7gd', 'r8g'].map((f) => [f, 8]),
  // NVIDIA GPU families from xlarge up: 4 GiB per vCPU as well, 2 on Graviton g5g.
  ...['g4dn', 'g5', 'g6'].map((f) => [f, 4]),
  ['g5g', 2],
]);

/** Burstable families: sizes do not scale evenly. [vCPU, GiB] per size. */
const BURSTABLE: Readonly<Record<string, readonly [number, number]>> = {
  'nano': [2, 0.5], 'micro': [2, 1], 'small': [2, 2], 'medium': [2, 4], 'large': [2, 8], 'xlarge': [4, 16], '2xlarge': [8, 32],
};
const BURSTABLE_FAMILIES = ['t3', 't3a', 't4g'];

/**
 * GPUs per size of the NVIDIA families above: one, except the sizes listed (AWS Batch, "GPU jobs", lists them all):
 * 12xlarge and 24xlarge 4, 48xlarge 8; g5g.16xlarge 2.
 */
const X86_MULTI_GPU: Readonly<Record<string, number>> = { '12xlarge': 4, '24xlarge': 4, '48xlarge': 8 };
const MULTI_GPU_SIZES: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  g4dn: X86_MULTI_GPU, g5: X86_MULTI_GPU, g6: X86_MULTI_GPU, g5g: { '16xlarge': 2 },
};

export interface InstanceSize {
  readonly vcpu: number;
  readonly memoryMiB: number;
  readonly gpus: number;
}

/** vCPUs per size word: medium 1, large 2, xlarge 4, Nxlarge 4N; undefined for other sizes (metal, nano...). */
function vcpusOf(size: string): number | undefined {
  if (size === 'medium') return 1;
  if (size === 'large') return 2;
  if (size === 'xlarge') return 4;
  const m = /^(\d+)xlarge$/.exec(size);
  return m ? 4 * Number(m[1]) : undefined;
}

/** The size of an instance type such as `m6i.large`; undefined when its family is not in the table. */
export function instanceSize(instanceType: string): InstanceSize | undefined {
  const dot = instanceType.indexOf('.');
  if (dot < 0) return undefined;
  const family = instanceType.slice(0, dot).toLowerCase();
  const size = instanceType.slice(dot + 1).toLowerCase();
  if (BURSTABLE_FAMILIES.includes(family)) {
    const b = BURSTABLE[size];
    return b ? { vcpu: b[0], memoryMiB: b[1] * 1024, gpus: 0 } : undefined;
  }
  const ratio = GIB_PER_VCPU[family];
  const vcpu = vcpusOf(size);
  if (ratio === undefined || vcpu === undefined) return undefined;
  const multi = MULTI_GPU_SIZES[family];
  // GPU families start at xlarge.
  if (multi && vcpu < 4) return undefined;
  return { vcpu, memoryMiB: vcpu * ratio * 1024, gpus: multi ? multi[size] ?? 1 : 0 };
}

/**
 * The CPU architecture of an instance type: Graviton families (a1, and a `g` right after the generation digit: m7g,
 * c6gn, t4g, g5g, im4gn, is4gen, hpc7g) are ARM64, every other family X86_64.
 */
export function instanceArchitecture(instanceType: string): 'ARM64' | 'X86_64' {
  const family = instanceType.split('.')[0].toLowerCase();
  return family === 'a1' || /^[a-z]+\d+g/.test(family) ? 'ARM64' : 'X86_64';
}
