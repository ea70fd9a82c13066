/** Construction-time checks for Ec2Capacity; codes reuse the rule ids where the catalogue has one. */
import { Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { fail } from '../errors';
import { Ec2CapacityImage, Ec2CapacityOs } from './ec2-capacity-image';
import {
  CAPACITY_PROVIDER_NAME, describeName, describeRange, inRange, IntRange, MAX_INSTANCE_TYPE_OVERRIDES,
  nameProblem, PERCENT, SCALING_STEP_SIZE, TARGET_CAPACITY_PERCENT,
} from '../rules/tables/capacity-limits';

/** Fails unless `value` (when given and resolved) is an integer in `range`. */
export function checkRange(path: string, code: string, prop: string, value: number | undefined, range: IntRange, fix: string): void {
  if (value === undefined || Token.isUnresolved(value)) return;
  if (!inRange(value, range)) {
    fail({ code, path, problem: `${prop} ${value} is out of range`, allowed: describeRange(range), fix });
  }
}

export function checkCapacityProviderName(path: string, name: string | undefined): void {
  if (name === undefined || Token.isUnresolved(name)) return;
  const problem = nameProblem(name, CAPACITY_PROVIDER_NAME);
  if (problem) {
    fail({
      code: 'ECS-CP-06',
      path,
      problem: `capacityProviderName '${name}' ${problem}`,
      allowed: describeName(CAPACITY_PROVIDER_NAME),
      fix: 'Choose another name, or leave it out to let CloudFormation name the provider.',
    });
  }
}

export interface ScalingInput {
  readonly targetCapacityPercent?: number;
  readonly minimumScalingStepSize?: number;
  readonly maximumScalingStepSize?: number;
}

export function checkManagedScaling(path: string, s: ScalingInput): void {
  checkRange(path, 'ECS-CP-01', 'targetCapacityPercent', s.targetCapacityPercent, TARGET_CAPACITY_PERCENT,
    'Use a whole percentage from 1 to 100 (100 keeps no spare instances).');
  checkRange(path, 'ECS-CP-02', 'minimumScalingStepSize', s.minimumScalingStepSize, SCALING_STEP_SIZE,
    'Use a whole number of instances from 1 to 10000.');
  checkRange(path, 'ECS-CP-02', 'maximumScalingStepSize', s.maximumScalingStepSize, SCALING_STEP_SIZE,
    'Use a whole number of instances from 1 to 10000.');
  const min = s.minimumScalingStepSize ?? SCALING_STEP_SIZE.min;
  const max = s.maximumScalingStepSize ?? SCALING_STEP_SIZE.max;
  if (!Token.isUnresolved(min) && !Token.isUnresolved(max) && min > max) {
    fail({
      code: 'ECS-CP-02',
      path,
      problem: `minimumScalingStepSize ${min} is greater than maximumScalingStepSize ${max}`,
      allowed: 'minimumScalingStepSize <= maximumScalingStepSize',
      fix: 'Lower the minimum or raise the maximum step size.',
    });
  }
}

export interface GroupInput {
  readonly minCapacity: number;
  readonly maxCapacity: number;
  readonly onDemandBaseCapacity: number;
  readonly onDemandPercentageAboveBaseCapacity: number;
}

export function checkGroup(path: string, g: GroupInput): void {
  checkRange(path, 'KIT-CAPACITY-SIZE', 'minCapacity', g.minCapacity, { min: 0, max: Number.MAX_SAFE_INTEGER },
    'Use 0 or more instances.');
  checkRange(path, 'KIT-CAPACITY-SIZE', 'maxCapacity', g.maxCapacity, { min: 1, max: Number.MAX_SAFE_INTEGER },
    'Use 1 or more instances.');
  if (!Token.isUnresolved(g.minCapacity) && !Token.isUnresolved(g.maxCapacity) && g.minCapacity > g.maxCapacity) {
    fail({
      code: 'KIT-CAPACITY-SIZE',
      path,
      problem: `minCapacity ${g.minCapacity} is greater than maxCapacity ${g.maxCapacity}`,
      allowed: 'minCapacity <= maxCapacity',
      fix: 'Lower minCapacity or raise maxCapacity.',
    });
  }
  checkRange(path, 'KIT-CAPACITY-SPOT', 'onDemandPercentageAboveBaseCapacity', g.onDemandPercentageAboveBaseCapacity, PERCENT,
    'Use 100 for on-demand only, 0 for Spot only, or a percentage between.');
  checkRange(path, 'KIT-CAPACITY-SPOT', 'onDemandBaseCapacity', g.onDemandBaseCapacity, { min: 0, max: Number.MAX_SAFE_INTEGER },
    'Use 0 or more instances.');
}

/**
 * NVIDIA GPU families the ECS GPU-optimized Amazon Linux 2023 AMI serves (x86_64).
 * Left out on purpose: g4ad (AMD GPUs, which ECS does not schedule), g6f and gr6f
 * (fractional GPUs that need NVIDIA GRID drivers) and unknown future families, which
 * keep the standard image unless the GPU image is asked for.
 */
export const NVIDIA_GPU_FAMILIES: readonly string[] = [
  'g4dn', 'g5', 'g6', 'g6e', 'gr6', 'p3', 'p3dn', 'p4d', 'p4de', 'p5', 'p5e', 'p5en', 'p6-b200',
];
/** NVIDIA GPU families on Graviton: no arm64 ECS GPU-optimized AMI, but Bottlerocket's nvidia variant. */
const NVIDIA_ARM_GPU_FAMILIES: readonly string[] = ['g5g'];

const familyOf = (t: ec2.InstanceType) => t.toString().split('.')[0].toLowerCase();
const GPU_EXAMPLES = 'g4dn, g5, g6, g6e, gr6, p3, p4d, p5';

/**
 * The image when none is given: GPU-optimized when every instance type is an NVIDIA GPU
 * type (the standard image has no NVIDIA driver, so the agent registers no GPUs and GPU
 * tasks are never placed), standard when none is. A mix has no one right image.
 */
export function defaultImageFor(path: string, types: readonly ec2.InstanceType[]): Ec2CapacityImage {
  const armGpu = types.find((t) => NVIDIA_ARM_GPU_FAMILIES.includes(familyOf(t)));
  if (armGpu) {
    fail({
      code: 'KIT-CAPACITY-GPU',
      path,
      problem: `instanceTypes has Graviton NVIDIA GPU type ${armGpu} and no image is given, but the ECS GPU-optimized AMI is x86_64 only`,
      allowed: `x86_64 NVIDIA GPU types (${GPU_EXAMPLES}) with the default image; Graviton GPU types with an image that has the NVIDIA driver`,
      fix: 'Pass image: Ec2CapacityImage.bottlerocketNvidia() (Bottlerocket aws-ecs-2-nvidia, arm64), or use x86_64 GPU types (for example g5.xlarge); '
        + 'pass image: Ec2CapacityImage.amazonLinux2023() to run without the GPUs.',
    });
  }
  const gpu = types.filter((t) => NVIDIA_GPU_FAMILIES.includes(familyOf(t)));
  if (gpu.length === 0) return Ec2CapacityImage.amazonLinux2023();
  const other = types.find((t) => !NVIDIA_GPU_FAMILIES.includes(familyOf(t)));
  if (other) {
    fail({
      code: 'KIT-CAPACITY-GPU',
      path,
      problem: `instanceTypes mix NVIDIA GPU type ${gpu[0]} with non-GPU type ${other} and no image is given`,
      allowed: `all NVIDIA GPU types (${GPU_EXAMPLES}: GPU-optimized image) or none (standard image)`,
      fix: 'Use one Ec2Capacity for the GPU types and another for the rest, or pass image explicitly '
        + '(Ec2CapacityImage.amazonLinux2023Gpu() if every type has an NVIDIA GPU).',
    });
  }
  return Ec2CapacityImage.amazonLinux2023Gpu();
}

/** All instance types share one architecture, which the image supports; returns it. */
export function checkInstanceTypes(path: string, types: readonly ec2.InstanceType[], image: Ec2CapacityImage): ec2.InstanceArchitecture {
  const os = image.os;
  if (types.length === 0 || types.length > MAX_INSTANCE_TYPE_OVERRIDES) {
    fail({
      code: 'KIT-CAPACITY-TYPES',
      path,
      problem: `instanceTypes has ${types.length} entries`,
      allowed: `1-${MAX_INSTANCE_TYPE_OVERRIDES} instance types`,
      fix: 'List the instance types the group may launch.',
    });
  }
  const arch = types[0].architecture;
  const other = types.find((t) => t.architecture !== arch);
  if (other) {
    fail({
      code: 'KIT-CAPACITY-ARCH',
      path,
      problem: `instanceTypes mix architectures: ${types[0]} is ${arch}, ${other} is ${other.architecture}`,
      allowed: 'instance types of one architecture (Graviton types are arm64)',
      fix: 'Use one Ec2Capacity per architecture.',
    });
  }
  if (os === Ec2CapacityOs.WINDOWS && arch !== ec2.InstanceArchitecture.X86_64) {
    fail({
      code: 'KIT-CAPACITY-ARCH',
      path,
      problem: `Windows Server image on ${arch} instance type ${types[0]}`,
      allowed: 'x86_64 instance types for Windows',
      fix: 'Use x86_64 instance types (for example m6i) for Windows capacity.',
    });
  }
  if (image.gpu && arch !== ec2.InstanceArchitecture.X86_64) {
    fail({
      code: 'KIT-CAPACITY-GPU',
      path,
      problem: `ECS GPU-optimized image (image: Ec2CapacityImage.amazonLinux2023Gpu()) on ${arch} instance type ${types[0]}`,
      allowed: `x86_64 NVIDIA GPU instance types (${GPU_EXAMPLES}) for the GPU-optimized image, which has no arm64 variant`,
      fix: 'Use x86_64 GPU types (for example g5.xlarge), or pass image: Ec2CapacityImage.bottlerocketNvidia(), which has an arm64 variant.',
    });
  }
  return arch;
}
