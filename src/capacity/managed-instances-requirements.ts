/** Instance requirements of a Managed Instances capacity: construction-time checks and the architectures they allow. */
import { Size, SizeRoundingBehavior, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { fail } from '../errors';
import { KIT_CHECKS } from '../kit-checks';

/** The requirements to render and the CPU architectures they allow. */
export interface ResolvedRequirements {
  readonly config?: ec2.InstanceRequirementsConfig;
  readonly architectures: ecs.CpuArchitecture[];
}

/** Check ranges and exclusive pairs with the ids the rules use on the template (ECS-MI-03, ECS-CP-09). */
export function checkInstanceRequirements(
  path: string, req: ec2.InstanceRequirementsConfig | undefined, types: ec2.InstanceType[] | undefined,
): void {
  if (types !== undefined) {
    if (types.length === 0) {
      fail({ code: 'KIT-MI-INSTANCE-TYPES', path, problem: 'instanceTypes is an empty list', allowed: 'one or more instance types, or instanceTypes unset', fix: 'Pass instance types or leave instanceTypes out.' });
    }
    if (req?.allowedInstanceTypes?.length || req?.excludedInstanceTypes?.length) {
      fail({
        code: 'KIT-MI-INSTANCE-TYPES',
        path,
        problem: 'instanceTypes is set together with instanceRequirements.allowedInstanceTypes/excludedInstanceTypes',
        allowed: 'instanceTypes, or allowed/excluded instance types in instanceRequirements',
        fix: 'Keep one way of naming instance types.',
      });
    }
    const arches = new Set(types.map((t) => t.architecture));
    if (arches.size > 1) {
      fail({
        code: 'KIT-MI-INSTANCE-TYPES',
        path,
        problem: `instanceTypes mix architectures (${types.map((t) => `${t}: ${t.architecture}`).join(', ')})`,
        allowed: 'instance types of one CPU architecture',
        fix: 'Use one capacity per architecture; tasks pick theirs with cpuArchitecture.',
      });
    }
  }
  if (!req) return;
  if (req.allowedInstanceTypes?.length && req.excludedInstanceTypes?.length) {
    fail({ code: 'ECS-CP-09', path, problem: 'instanceRequirements set both allowedInstanceTypes and excludedInstanceTypes', allowed: 'one of them', fix: 'Remove excludedInstanceTypes (or allowedInstanceTypes).' });
  }
  checkRange(path, 'vCpuCount', req.vCpuCountMin, req.vCpuCountMax);
  const inUnit = (prop: string, size: Size | undefined, unit: 'mebibytes' | 'gibibytes') => sizeIn(path, prop, size, unit);
  checkRange(path, 'memory (MiB)', inUnit('memoryMin', req.memoryMin, 'mebibytes'), inUnit('memoryMax', req.memoryMax, 'mebibytes'));
  checkRange(path, 'memoryPerVCpu (GiB)', inUnit('memoryPerVCpuMin', req.memoryPerVCpuMin, 'gibibytes'), inUnit('memoryPerVCpuMax', req.memoryPerVCpuMax, 'gibibytes'));
  checkRange(path, 'acceleratorCount', req.acceleratorCountMin, req.acceleratorCountMax);
  checkRange(path, 'networkInterfaceCount', req.networkInterfaceCountMin, req.networkInterfaceCountMax);
  checkRange(path, 'networkBandwidthGbps', req.networkBandwidthGbpsMin, req.networkBandwidthGbpsMax);
  checkRange(path, 'baselineEbsBandwidthMbps', req.baselineEbsBandwidthMbpsMin, req.baselineEbsBandwidthMbpsMax);
  checkRange(path, 'totalLocalStorageGB', req.totalLocalStorageGBMin, req.totalLocalStorageGBMax);
}

/**
 * A requirement size in the unit CloudFormation takes (memory in MiB, memory per vCPU in GiB). aws-cdk-lib cannot
 * convert a deploy-time value (Size.gibibytes(param.valueAsNumber)) to another unit, and its error names no construct.
 */
function sizeIn(path: string, prop: string, size: Size | undefined, unit: 'mebibytes' | 'gibibytes'): number | undefined {
  if (size === undefined) return undefined;
  try {
    return unit === 'mebibytes' ? size.toMebibytes({ rounding: SizeRoundingBehavior.NONE }) : size.toGibibytes({ rounding: SizeRoundingBehavior.NONE });
  } catch (e) {
    if (!/token/i.test((e as Error).message)) throw e;
    return fail({
      code: KIT_CHECKS.MI_REQUIREMENT_UNIT.id,
      path,
      problem: `instanceRequirements ${prop} is a deploy-time value (a token) in another unit than ${unit}, which CloudFormation takes`,
      allowed: `Size.${unit}(value) for a deploy-time value`,
      fix: `Write ${prop}: Size.${unit}(value), with the parameter in ${unit === 'mebibytes' ? 'MiB' : 'GiB'}.`,
    });
  }
}

function checkRange(path: string, what: string, min: number | undefined, max: number | undefined): void {
  const known = (v: number | undefined): v is number => v !== undefined && !Token.isUnresolved(v);
  if (known(min) && min < 0) {
    fail({ code: 'ECS-MI-03', path, problem: `instanceRequirements ${what} minimum ${min} is negative`, allowed: '0 or more', fix: `Use a ${what} minimum of 0 or more.` });
  }
  if (known(min) && known(max) && min > max) {
    fail({ code: 'ECS-MI-03', path, problem: `instanceRequirements ${what} minimum ${min} is above the maximum ${max}`, allowed: `minimum <= maximum (${max})`, fix: `Lower the ${what} minimum or raise the maximum.` });
  }
}

/** The requirements to render: explicit types become AllowedInstanceTypes; the architectures follow from types or CPU manufacturers. */
export function instanceRequirementsFor(
  req: ec2.InstanceRequirementsConfig | undefined, types: ec2.InstanceType[] | undefined,
): ResolvedRequirements {
  if (types?.length) {
    const arm = types[0].architecture === ec2.InstanceArchitecture.ARM_64;
    return {
      // AllowedInstanceTypes filters; vCPU and memory stay open (ECS requires the two ranges).
      config: {
        ...req ?? {},
        vCpuCountMin: req?.vCpuCountMin ?? 1,
        memoryMin: req?.memoryMin ?? Size.mebibytes(0),
        allowedInstanceTypes: types.map((t) => t.toString()),
      },
      architectures: [arm ? ecs.CpuArchitecture.ARM64 : ecs.CpuArchitecture.X86_64],
    };
  }
  const makers = req?.cpuManufacturers;
  const architectures: ecs.CpuArchitecture[] = [];
  const x86 = makers?.some((m) => m === ec2.CpuManufacturer.INTEL || m === ec2.CpuManufacturer.AMD);
  if (!makers?.length || x86) architectures.push(ecs.CpuArchitecture.X86_64);
  if (!makers?.length || makers.some((m) => m === ec2.CpuManufacturer.AWS)) architectures.push(ecs.CpuArchitecture.ARM64);
  return { config: req, architectures };
}
