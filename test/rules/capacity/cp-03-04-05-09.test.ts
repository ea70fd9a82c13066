import { CP03_INSTANCE_WARMUP as cp03 } from '../../../src/rules/capacity/cp-03-instance-warmup';
import { CP04_TERMINATION_PROTECTION as cp04 } from '../../../src/rules/capacity/cp-04-termination-protection';
import { CP05_SCALE_IN_PROTECTION as cp05 } from '../../../src/rules/capacity/cp-05-scale-in-protection';
import { CP09_MANAGED_INSTANCES_REQUIREMENTS as cp09 } from '../../../src/rules/capacity/cp-09-managed-instances-requirements';
import { check } from '../helpers';
import { TOKEN } from '../task/fixtures';

const asgProvider = (p: Record<string, unknown>) => ({ Type: 'AWS::ECS::CapacityProvider', Properties: { AutoScalingGroupProvider: { AutoScalingGroupArn: { Ref: 'Asg' }, ...p } } });
const asg = (props: Record<string, unknown> = {}) => ({ Type: 'AWS::AutoScaling::AutoScalingGroup', Properties: { MinSize: '0', MaxSize: '2', ...props } });

describe('ECS-CP-03 instance warm-up period', () => {
  test('bad: 10001', () => {
    const [f] = check(cp03, { P: asgProvider({ ManagedScaling: { Status: 'ENABLED', InstanceWarmupPeriod: 10001 } }) });
    expect(f).toMatchObject({ ruleId: 'ECS-CP-03', property: 'Properties/AutoScalingGroupProvider/ManagedScaling/InstanceWarmupPeriod' });
  });
  test('good: 0 and 10000', () => {
    for (const v of [0, 10000]) expect(check(cp03, { P: asgProvider({ ManagedScaling: { InstanceWarmupPeriod: v } }) })).toEqual([]);
  });
  test('skipped: token', () => expect(check(cp03, { P: asgProvider({ ManagedScaling: { InstanceWarmupPeriod: TOKEN } }) })).toEqual([]));
});

describe('ECS-CP-04 termination protection needs managed scaling', () => {
  test('bad: ENABLED with scaling DISABLED', () => {
    const [f] = check(cp04, { P: asgProvider({ ManagedTerminationProtection: 'ENABLED', ManagedScaling: { Status: 'DISABLED' } }) });
    expect(f).toMatchObject({ ruleId: 'ECS-CP-04', property: 'Properties/AutoScalingGroupProvider/ManagedTerminationProtection' });
  });
  test('good: both enabled', () => expect(check(cp04, { P: asgProvider({ ManagedTerminationProtection: 'ENABLED', ManagedScaling: { Status: 'ENABLED' } }) })).toEqual([]));
  test('skipped: token status', () => expect(check(cp04, { P: asgProvider({ ManagedTerminationProtection: 'ENABLED', ManagedScaling: { Status: TOKEN } }) })).toEqual([]));
});

describe('ECS-CP-05 termination protection needs scale-in protected instances', () => {
  const provider = asgProvider({ ManagedTerminationProtection: 'ENABLED', ManagedScaling: { Status: 'ENABLED' } });
  test('bad: group in the template without NewInstancesProtectedFromScaleIn', () => {
    const [f] = check(cp05, { P: provider, Asg: asg() });
    expect(f).toMatchObject({ ruleId: 'ECS-CP-05' });
    expect(f.message).toContain('Auto Scaling group TestStack/Asg does not protect new instances from scale-in');
    expect(check(cp05, { P: provider, Asg: asg({ NewInstancesProtectedFromScaleIn: 'false' }) })).toHaveLength(1);
  });
  test('good: protected group; protection disabled', () => {
    expect(check(cp05, { P: provider, Asg: asg({ NewInstancesProtectedFromScaleIn: true }) })).toEqual([]);
    expect(check(cp05, { P: asgProvider({ ManagedTerminationProtection: 'DISABLED' }), Asg: asg() })).toEqual([]);
  });
  test('skipped: imported group; token flag', () => {
    expect(check(cp05, { P: asgProvider({ ManagedTerminationProtection: 'ENABLED', AutoScalingGroupArn: 'arn:aws:autoscaling:x' }) })).toEqual([]);
    expect(check(cp05, { P: provider, Asg: asg({ NewInstancesProtectedFromScaleIn: { Ref: 'P' } }) })).toEqual([]);
  });
});

describe('ECS-CP-09 Managed Instances instance requirements', () => {
  const mi = (req: Record<string, unknown>) => ({ Type: 'AWS::ECS::CapacityProvider', Properties: { ManagedInstancesProvider: { InfrastructureRoleArn: 'arn', InstanceLaunchTemplate: { Ec2InstanceProfileArn: 'arn', NetworkConfiguration: { Subnets: ['s'] }, InstanceRequirements: { VCpuCount: { Min: 1 }, MemoryMiB: { Min: 1024 }, ...req } } } } });
  test('bad: allowed and excluded types', () => {
    const [f] = check(cp09, { P: mi({ AllowedInstanceTypes: ['m5.*'], ExcludedInstanceTypes: ['m5.large'] }) });
    expect(f).toMatchObject({ ruleId: 'ECS-CP-09' });
    expect(f.property).toMatch(/ExcludedInstanceTypes$/);
  });
  test('bad: both forms of Spot price protection', () => {
    const [f] = check(cp09, { P: mi({ SpotMaxPricePercentageOverLowestPrice: 50, MaxSpotPriceAsPercentageOfOptimalOnDemandPrice: 60 }) });
    expect(f.property).toMatch(/MaxSpotPriceAsPercentageOfOptimalOnDemandPrice$/);
  });
  test('good: one of each pair; Spot and On-Demand price protection together (found by a Managed Instances user trial)', () => {
    expect(check(cp09, { P: mi({ AllowedInstanceTypes: ['m5.*'], SpotMaxPricePercentageOverLowestPrice: 50 }) })).toEqual([]);
    expect(check(cp09, { P: mi({ SpotMaxPricePercentageOverLowestPrice: 50, OnDemandMaxPricePercentageOverLowestPrice: 20 }) })).toEqual([]);
  });
  test('skipped: token requirements', () => expect(check(cp09, { P: { Type: 'AWS::ECS::CapacityProvider', Properties: { ManagedInstancesProvider: { InstanceLaunchTemplate: { InstanceRequirements: { Ref: 'R' } } } } } })).toEqual([]));
});
