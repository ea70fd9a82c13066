import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as fc from 'fast-check';
import { CP01_TARGET_CAPACITY as cp01 } from '../../../src/rules/capacity/cp-01-target-capacity';
import { CP02_SCALING_STEP_SIZE as cp02 } from '../../../src/rules/capacity/cp-02-scaling-step-size';
import { CP06_PROVIDER_NAME as cp06 } from '../../../src/rules/capacity/cp-06-provider-name';
import { runRules } from '../../../src/rules/engine';
import { AssemblyModel } from '../../../src/rules/model';
import { check } from '../helpers';

const provider = (scaling: Record<string, unknown> | undefined, props: Record<string, unknown> = {}) => ({
  Type: 'AWS::ECS::CapacityProvider',
  Properties: { AutoScalingGroupProvider: { AutoScalingGroupArn: 'asg', ...(scaling ? { ManagedScaling: scaling } : {}) }, ...props },
});

describe('ECS-CP-01 targetCapacity 1-100', () => {
  test('bad: 0 names the property and the range', () => {
    const [f] = check(cp01, { Cp: provider({ Status: 'ENABLED', TargetCapacity: 0 }) });
    expect(f).toMatchObject({ ruleId: 'ECS-CP-01', severity: 'error', property: 'Properties/AutoScalingGroupProvider/ManagedScaling/TargetCapacity', value: '0' });
    expect(f.message).toContain('ManagedScaling TargetCapacity 0 is outside the allowed range');
    expect(f.message).toContain('allowed: a whole percentage from 1 to 100');
  });

  test('property: 1-100 pass, outside fails; skipped: token and absent', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 100 }), (t) => check(cp01, { Cp: provider({ TargetCapacity: t }) }).length === 0));
    const outside = fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 101 }));
    fc.assert(fc.property(outside, (t) => check(cp01, { Cp: provider({ TargetCapacity: t }) }).length === 1));
    expect(check(cp01, { Cp: provider({ TargetCapacity: { Ref: 'Target' } }) })).toHaveLength(0);
    expect(check(cp01, { Cp: provider(undefined) })).toHaveLength(0);
  });

  test('L2: AsgCapacityProvider with targetCapacityPercent 0 set through an escape hatch', () => {
    const app = new App();
    const stack = new Stack(app, 'Cap');
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
    const asg = new autoscaling.AutoScalingGroup(stack, 'Asg', {
      vpc, instanceType: new ec2.InstanceType('t3.micro'), machineImage: ecs.EcsOptimizedImage.amazonLinux2023(),
    });
    const cp = new ecs.AsgCapacityProvider(stack, 'Provider', { autoScalingGroup: asg, enableManagedTerminationProtection: false });
    (cp.node.findChild('Provider') as ecs.CfnCapacityProvider).addPropertyOverride('AutoScalingGroupProvider.ManagedScaling.TargetCapacity', 0);
    const assembly = new AssemblyModel([{ name: 'Cap', template: Template.fromStack(stack).toJSON() }]);
    const findings = runRules(assembly, { rules: [cp01, cp02, cp06] });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'ECS-CP-01', path: expect.stringMatching(/^Cap\/Provider/), property: 'Properties/AutoScalingGroupProvider/ManagedScaling/TargetCapacity' });
  });
});

describe('ECS-CP-02 scaling step sizes', () => {
  test('bad: out of range, and min above max', () => {
    const [a] = check(cp02, { Cp: provider({ MinimumScalingStepSize: 0 }) });
    expect(a).toMatchObject({ ruleId: 'ECS-CP-02', severity: 'error', property: 'Properties/AutoScalingGroupProvider/ManagedScaling/MinimumScalingStepSize' });
    expect(a.message).toContain('allowed: a whole number from 1 to 10000');
    const [b] = check(cp02, { Cp: provider({ MaximumScalingStepSize: 10001 }) });
    expect(b.property).toBe('Properties/AutoScalingGroupProvider/ManagedScaling/MaximumScalingStepSize');
    const [c] = check(cp02, { Cp: provider({ MinimumScalingStepSize: 20, MaximumScalingStepSize: 10 }) });
    expect(c.message).toContain('MinimumScalingStepSize 20 is greater than MaximumScalingStepSize 10');
  });

  test('property: valid pairs pass; skipped: tokens', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10000 }), fc.integer({ min: 1, max: 10000 }), (x, y) => {
      const [min, max] = x <= y ? [x, y] : [y, x];
      return check(cp02, { Cp: provider({ MinimumScalingStepSize: min, MaximumScalingStepSize: max }) }).length === 0;
    }));
    expect(check(cp02, { Cp: provider({ MinimumScalingStepSize: { Ref: 'Min' }, MaximumScalingStepSize: 1 }) })).toHaveLength(0);
    expect(check(cp02, { Cp: provider(undefined) })).toHaveLength(0);
  });
});

describe('ECS-CP-06 capacity provider name', () => {
  test('bad: reserved prefix in any case, bad characters', () => {
    const [f] = check(cp06, { Cp: provider(undefined, { Name: 'EcsWorkers' }) });
    expect(f).toMatchObject({ ruleId: 'ECS-CP-06', severity: 'error', property: 'Properties/Name', value: '"EcsWorkers"' });
    expect(f.message).toContain('starts with the reserved prefix "Ecs"');
    expect(f.message).toContain('"cp-EcsWorkers"');
    expect(check(cp06, { Cp: provider(undefined, { Name: 'fargate-x' }) })).toHaveLength(1);
    expect(check(cp06, { Cp: provider(undefined, { Name: 'my workers' }) })[0].message).toContain('contains " "');
    expect(check(cp06, { Cp: provider(undefined, { Name: 'x'.repeat(256) }) })).toHaveLength(1);
  });

  test('good: valid names; skipped: generated or token names', () => {
    expect(check(cp06, { Cp: provider(undefined, { Name: 'cp-workers_1' }) })).toHaveLength(0);
    expect(check(cp06, { Cp: provider(undefined, { Name: 'myecs' }) })).toHaveLength(0);
    expect(check(cp06, { Cp: provider(undefined) })).toHaveLength(0);
    expect(check(cp06, { Cp: provider(undefined, { Name: { 'Fn::Sub': 'ecs-${Env}' } }) })).toHaveLength(0);
  });
});
