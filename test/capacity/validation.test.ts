import { Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as fc from 'fast-check';
import { clusterStack } from './helpers';
import { Ec2CapacityImage, Ec2CapacityOptions } from '../../src/capacity';
import { EcsKitError } from '../../src/errors';
import { SCALING_STEP_SIZE, TARGET_CAPACITY_PERCENT } from '../../src/rules/tables/capacity-limits';

function build(options: Ec2CapacityOptions): void {
  clusterStack().cluster.addEc2Capacity('Ec2', options);
}

function errorOf(options: Ec2CapacityOptions): EcsKitError {
  try {
    build(options);
  } catch (e) {
    if (e instanceof EcsKitError) return e;
    throw e;
  }
  throw new Error('expected an EcsKitError');
}

describe('Ec2Capacity validation errors', () => {
  test.each([
    ['ECS-CP-01', { targetCapacityPercent: 0 }, 'targetCapacityPercent 0 is out of range at Default/Cluster/Ec2; allowed: integers 1-100'],
    ['ECS-CP-01', { targetCapacityPercent: 101 }, 'targetCapacityPercent 101'],
    ['ECS-CP-02', { minimumScalingStepSize: 0 }, 'minimumScalingStepSize 0 is out of range'],
    ['ECS-CP-02', { maximumScalingStepSize: 10_001 }, 'allowed: integers 1-10000'],
    ['ECS-CP-02', { minimumScalingStepSize: 5, maximumScalingStepSize: 4 }, 'minimumScalingStepSize 5 is greater than maximumScalingStepSize 4'],
    ['ECS-CP-06', { capacityProviderName: 'ecs-mine' }, 'starts with the reserved prefix "ecs"'],
    ['ECS-CP-06', { capacityProviderName: 'EcsMine' }, 'starts with the reserved prefix "Ecs"'],
    ['ECS-CP-06', { capacityProviderName: 'has space' }, 'contains " "'],
    ['ECS-CP-06', { capacityProviderName: 'a'.repeat(256) }, 'is 256 characters long'],
    ['KIT-CAPACITY-SIZE', { minCapacity: 3, maxCapacity: 2 }, 'minCapacity 3 is greater than maxCapacity 2'],
    ['KIT-CAPACITY-SIZE', { maxCapacity: 0 }, 'maxCapacity 0'],
    ['KIT-CAPACITY-SPOT', { onDemandPercentageAboveBaseCapacity: 120 }, 'onDemandPercentageAboveBaseCapacity 120'],
    ['KIT-CAPACITY-TYPES', { instanceTypes: [] }, 'instanceTypes has 0 entries'],
    ['KIT-CAPACITY-ARCH', { instanceTypes: [new ec2.InstanceType('m6i.large'), new ec2.InstanceType('m7g.large')] }, 'mix architectures'],
    ['KIT-CAPACITY-ARCH', { image: Ec2CapacityImage.windowsServer(), instanceTypes: [new ec2.InstanceType('m7g.large')] }, 'Windows Server image on arm64'],
    ['KIT-CAPACITY-GPU', { instanceTypes: [new ec2.InstanceType('g5.xlarge'), new ec2.InstanceType('m6i.xlarge')] },
      'instanceTypes mix NVIDIA GPU type g5.xlarge with non-GPU type m6i.xlarge and no image is given at Default/Cluster/Ec2'],
    ['KIT-CAPACITY-GPU', { instanceTypes: [new ec2.InstanceType('g5g.xlarge')] }, 'Graviton NVIDIA GPU type g5g.xlarge and no image is given'],
    ['KIT-CAPACITY-GPU', { image: Ec2CapacityImage.amazonLinux2023Gpu(), instanceTypes: [new ec2.InstanceType('g5g.xlarge')] },
      'ECS GPU-optimized image (image: Ec2CapacityImage.amazonLinux2023Gpu()) on arm64 instance type g5g.xlarge'],
  ] as [string, Ec2CapacityOptions, string][])('%s for %j', (code, options, text) => {
    const error = errorOf(options);
    expect(error.code).toBe(code);
    expect(error.message).toContain(`[${code}]`);
    expect(error.message).toContain(text);
  });

  test('KIT-CAPACITY-NETWORK-MODE for allowTaskTraffic with network mode none', () => {
    const { stack, vpc, cluster } = clusterStack();
    const capacity = cluster.addEc2Capacity('Ec2');
    const peer = new ec2.SecurityGroup(stack, 'Peer', { vpc });
    expect(() => capacity.allowTaskTraffic(peer, ecs.NetworkMode.NONE, 80)).toThrow(/\[KIT-CAPACITY-NETWORK-MODE\]/);
    // NAT is the Windows mode: on Linux instances it opens nothing silently (found by a verification run).
    expect(() => capacity.allowTaskTraffic(peer, ecs.NetworkMode.NAT, 80)).toThrow(/\[KIT-CAPACITY-NETWORK-MODE\] allowTaskTraffic got network mode 'nat' for \S+ instances; NAT is the Windows network mode/);
    expect(() => capacity.allowTaskTraffic(peer, ecs.NetworkMode.HOST, 70000)).toThrow(/\[KIT-CAPACITY-PORT\] containerPort 70000/);
  });

  test('tokens are skipped', () => {
    expect(() => build({ targetCapacityPercent: Token.asNumber({ Ref: 'Target' }), capacityProviderName: Token.asString({ Ref: 'Name' }) })).not.toThrow();
  });
});

describe('Ec2Capacity ranges (property-based)', () => {
  const intOutside = (min: number, max: number) =>
    fc.oneof(fc.integer({ min: -1_000_000, max: min - 1 }), fc.integer({ min: max + 1, max: 1_000_000 }));

  test('targetCapacityPercent: accepted exactly on 1-100', () => {
    fc.assert(fc.property(fc.integer({ min: TARGET_CAPACITY_PERCENT.min, max: TARGET_CAPACITY_PERCENT.max }), (v) => {
      expect(() => build({ targetCapacityPercent: v })).not.toThrow();
    }), { numRuns: 15 });
    fc.assert(fc.property(intOutside(1, 100), (v) => {
      expect(errorOf({ targetCapacityPercent: v }).code).toBe('ECS-CP-01');
    }), { numRuns: 15 });
  });

  test('step sizes: accepted exactly on 1-10000 with min <= max', () => {
    fc.assert(fc.property(fc.integer({ min: SCALING_STEP_SIZE.min, max: SCALING_STEP_SIZE.max }), fc.integer({ min: 1, max: 10_000 }), (a, b) => {
      const [min, max] = a <= b ? [a, b] : [b, a];
      expect(() => build({ minimumScalingStepSize: min, maximumScalingStepSize: max })).not.toThrow();
    }), { numRuns: 15 });
    fc.assert(fc.property(intOutside(1, 10_000), (v) => {
      expect(errorOf({ maximumScalingStepSize: v, minimumScalingStepSize: 1 }).code).toBe('ECS-CP-02');
    }), { numRuns: 15 });
  });

  test('non-integer percentages are rejected', () => {
    fc.assert(fc.property(fc.double({ min: 1.01, max: 99.99, noNaN: true }).filter((d) => !Number.isInteger(d)), (v) => {
      expect(errorOf({ targetCapacityPercent: v }).code).toBe('ECS-CP-01');
    }), { numRuns: 10 });
  });
});
