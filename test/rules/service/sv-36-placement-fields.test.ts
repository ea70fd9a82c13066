/** ECS-SV-36: placement strategy fields and constraint expressions ECS accepts (found by a user trial). */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { runRules } from '../../../src/rules/engine';
import { AssemblyModel } from '../../../src/rules/model';
import { SV36_PLACEMENT_FIELDS as rule } from '../../../src/rules/service/sv-36-placement-fields';
import { check } from '../helpers';
import { ec2TaskWith, serviceOf } from '../task/fixtures';

const service = (props: Record<string, unknown>) => ({ T: ec2TaskWith([{ Name: 'app', Image: 'x', Memory: 512 }]), S: serviceOf('T', { LaunchType: 'EC2', ...props }) });

describe('ECS-SV-36 placement fields', () => {
  test('bad: binpack on instanceId, spread on a bare attribute name, an expression on distinctInstance, a 2,001-character expression', () => {
    const findings = check(rule, service({
      PlacementStrategies: [{ Type: 'binpack', Field: 'instanceId' }, { Type: 'spread', Field: 'ecs.availability-zone' }],
      PlacementConstraints: [
        { Type: 'distinctInstance', Expression: 'attribute:ecs.instance-type == m6i.large' },
        { Type: 'memberOf', Expression: `attribute:x in [${'a'.repeat(1984)}]` },
      ],
    }));
    expect(findings.map((f) => f.property)).toEqual([
      'Properties/PlacementStrategies/0/Field', 'Properties/PlacementStrategies/1/Field',
      'Properties/PlacementConstraints/0/Expression', 'Properties/PlacementConstraints/1/Expression',
    ]);
    expect(findings[0].message).toBe('[ECS-SV-36] binpack placement strategy 0 uses field "instanceId" at TestStack/S; allowed: cpu or memory for binpack. '
      + 'Binpack on memory (ecs.PlacementStrategy.packedByMemory()) or cpu (packedByCpu()).');
    expect(findings[2].message).toContain('distinctInstance placement constraint 0 has an Expression');
    expect(findings[3].message).toContain('has an Expression of 2001 characters');
  });

  test('bad: a task definition constraint expression over the limit', () => {
    const findings = check(rule, { T: ec2TaskWith([{ Name: 'app', Image: 'x' }], { PlacementConstraints: [{ Type: 'memberOf', Expression: 'a'.repeat(2001) }] }) });
    expect(findings.map((f) => f.property)).toEqual(['Properties/PlacementConstraints/0/Expression']);
  });

  test('good: every aws-cdk-lib placement helper, random without a field, host, unresolved values', () => {
    const stack = new Stack(new App(), 'Placed');
    const cluster = new ecs.Cluster(stack, 'Cluster', { vpc: new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 }) });
    cluster.addCapacity('Instances', { instanceType: new ec2.InstanceType('m6i.large') });
    const task = new ecs.Ec2TaskDefinition(stack, 'Task');
    task.addContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/busybox:1.36'), memoryLimitMiB: 256 });
    new ecs.Ec2Service(stack, 'Service', {
      cluster,
      taskDefinition: task,
      placementStrategies: [
        ecs.PlacementStrategy.spreadAcross(ecs.BuiltInAttributes.AVAILABILITY_ZONE), ecs.PlacementStrategy.spreadAcrossInstances(),
        ecs.PlacementStrategy.packedByMemory(), ecs.PlacementStrategy.packedByCpu(), ecs.PlacementStrategy.randomly(),
      ],
      placementConstraints: [ecs.PlacementConstraint.distinctInstances(), ecs.PlacementConstraint.memberOf('attribute:ecs.instance-type =~ m6i.*')],
    });
    const model = new AssemblyModel([{ name: 'Placed', template: Template.fromStack(stack).toJSON() }]);
    expect(runRules(model, { rules: [rule] })).toEqual([]);
    expect(check(rule, service({
      PlacementStrategies: [
        { Type: 'spread', Field: 'host' }, { Type: 'random' }, { Type: 'binpack', Field: 'MEMORY' }, { Type: 'binpack', Field: { Ref: 'F' } },
      ],
      PlacementConstraints: [{ Type: 'memberOf', Expression: { Ref: 'E' } }, { Type: { Ref: 'T' }, Expression: 'attribute:a == b' }],
    }))).toEqual([]);
  });
});
