import { App, NestedStack, Stack } from 'aws-cdk-lib';
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
import { assemblyOfStacks, check } from '../helpers';

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

describe('ECS-CP-06 unnamed provider in a stack whose name has a reserved prefix', () => {
  const unnamed = { Cp: provider({ Status: 'ENABLED' }) };
  const inStack = (name: string, stackName?: string) =>
    runRules(assemblyOfStacks([{ name, stackName, template: { Resources: unnamed } }]), { rules: [cp06] });

  test('bad: stack name starting with aws, ecs or fargate in any case names the stack and the fix', () => {
    const [f] = inStack('Platform', 'EcsPlatform');
    expect(f).toMatchObject({ ruleId: 'ECS-CP-06', severity: 'error', property: 'Properties/Name' });
    expect(f.message).toContain('capacity provider has no Name, so CloudFormation derives one from stack name "EcsPlatform", which starts with the reserved prefix "Ecs"');
    expect(f.message).toContain('Set capacityProviderName');
    expect(f.message).toContain('"cp-Platform"');
    for (const name of ['AwsShop', 'FargateJobs', 'ECS-prod', 'fargate']) expect(inStack(name, name)).toHaveLength(1);
  });

  test('good: other stack names, a Name set, or a stack name that is not known', () => {
    for (const name of ['Platform', 'MyEcs', 'Shop-aws']) expect(inStack(name, name)).toHaveLength(0);
    // stackName wins over the artifact/display name.
    expect(inStack('EcsPlatform', 'Platform')).toHaveLength(0);
    // A loose template's file name (the CLI's stack name) says nothing of the name it is deployed under.
    expect(inStack('ecs-service')).toHaveLength(0);
    // A construct path is not a stack name: unknown, so nothing is reported.
    expect(inStack('Stage/EcsPlatform', 'Stage/EcsPlatform')).toHaveLength(0);
    const named = { Cp: provider(undefined, { Name: 'cp-workers' }) };
    expect(runRules(assemblyOfStacks([{ name: 'EcsPlatform', template: { Resources: named } }]), { rules: [cp06] })).toHaveLength(0);
  });

  test('nested stack: the root stack name counts', () => {
    const assembly = assemblyOfStacks([
      { name: 'EcsRoot', stackName: 'EcsRoot', template: { Resources: {} } },
      { name: 'EcsRoot/Compute', template: { Resources: unnamed }, nestedIn: { parent: 'EcsRoot', logicalId: 'Compute' } },
    ]);
    expect(runRules(assembly, { rules: [cp06] })).toHaveLength(1);
    const fine = assemblyOfStacks([
      { name: 'Root', stackName: 'Root', template: { Resources: {} } },
      { name: 'Root/EcsCompute', template: { Resources: unnamed }, nestedIn: { parent: 'Root', logicalId: 'EcsCompute' } },
    ]);
    expect(runRules(fine, { rules: [cp06] })).toHaveLength(0);
  });

  test('L2: aws-cdk-lib AsgCapacityProvider names lowercase-prefixed stacks itself, not EcsPlatform', () => {
    const findingsIn = (stackName: string) => {
      const app = new App();
      const stack = new Stack(app, stackName);
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
      const asg = new autoscaling.AutoScalingGroup(stack, 'Asg', {
        vpc, instanceType: new ec2.InstanceType('t3.micro'), machineImage: ecs.EcsOptimizedImage.amazonLinux2023(),
      });
      new ecs.AsgCapacityProvider(stack, 'Provider', { autoScalingGroup: asg, enableManagedTerminationProtection: false });
      return runRules(new AssemblyModel([{ name: stackName, stackName, template: Template.fromStack(stack).toJSON() }]), { rules: [cp06] });
    };
    expect(findingsIn('ecsPlatform')).toHaveLength(0);
    expect(findingsIn('Platform')).toHaveLength(0);
    const [f] = findingsIn('EcsPlatform');
    expect(f).toMatchObject({ ruleId: 'ECS-CP-06', path: expect.stringMatching(/^EcsPlatform\/Provider/) });
  });

  test('L2: aws-cdk-lib AsgCapacityProvider in a nested stack under EcsRoot stays unnamed and is reported', () => {
    const app = new App();
    const root = new Stack(app, 'EcsRoot');
    const nested = new NestedStack(root, 'Compute');
    const vpc = new ec2.Vpc(nested, 'Vpc', { maxAzs: 2, natGateways: 0 });
    const asg = new autoscaling.AutoScalingGroup(nested, 'Asg', {
      vpc, instanceType: new ec2.InstanceType('t3.micro'), machineImage: ecs.EcsOptimizedImage.amazonLinux2023(),
    });
    new ecs.AsgCapacityProvider(nested, 'Provider', { autoScalingGroup: asg, enableManagedTerminationProtection: false });
    const assembly = new AssemblyModel([
      { name: 'EcsRoot', stackName: 'EcsRoot', template: Template.fromStack(root).toJSON() },
      { name: 'EcsRoot/Compute', template: Template.fromStack(nested).toJSON(), nestedIn: { parent: 'EcsRoot', logicalId: 'Compute' } },
    ]);
    // aws-cdk-lib tests the nested stack's name, a token, so it leaves the provider unnamed.
    expect(runRules(assembly, { rules: [cp06] })).toHaveLength(1);
  });
});
