import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { CT30_MOUNT_POINT_VOLUME as rule } from '../../../src/rules/container/ct-30-mount-point-volume';
import { check } from '../helpers';
import { ec2TaskWith, taskWith } from '../task/fixtures';

const mounting = (...volumes: unknown[]) => ({ Name: 'app', Image: 'x', Memory: 64, MountPoints: volumes.map((SourceVolume) => ({ SourceVolume, ContainerPath: '/data' })) });

describe('ECS-CT-30 mount point volume', () => {
  test('bad: a mount point names a volume the task definition does not have (found by a user trial)', () => {
    const [f, ...rest] = check(rule, { T: ec2TaskWith([mounting('data', 'nope')], { Volumes: [{ Name: 'data', Host: { SourcePath: '/srv' } }] }) });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ ruleId: 'ECS-CT-30', severity: 'error', property: 'Properties/ContainerDefinitions/0/MountPoints/1/SourceVolume', value: '"nope"' });
    expect(f.message).toBe("[ECS-CT-30] container 'app' mounts volume 'nope', which the task definition does not have at TestStack/T; "
      + "allowed: a volume of the task definition: 'data'. Add a volume named 'nope' to the task definition (taskDefinition.addVolume({ name: 'nope', ... })) or mount one it has.");
    expect(check(rule, { T: taskWith([mounting('scratch')]) })[0].message).toContain('allowed: a volume of the task definition (it has none)');
  });

  test('bad: an escape hatch renames a volume that aws-cdk-lib mounts', () => {
    const stack = new Stack(new App(), 'TestStack');
    const td = new ecs.FargateTaskDefinition(stack, 'T');
    td.addVolume({ name: 'data' });
    td.addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx') }).addMountPoints({ sourceVolume: 'data', containerPath: '/data', readOnly: false });
    (td.node.defaultChild as ecs.CfnTaskDefinition).addPropertyOverride('Volumes.0.Name', 'cache');
    const resources = Template.fromStack(stack).toJSON().Resources;
    expect(check(rule, resources).map((f) => f.ruleId)).toEqual(['ECS-CT-30']);
  });

  test('good: every mount point names a volume; EBS and scratch volumes count', () => {
    expect(check(rule, { T: taskWith([mounting('scratch', 'ebs')], { Volumes: [{ Name: 'scratch' }, { Name: 'ebs', ConfiguredAtLaunch: true }] }) })).toEqual([]);
    expect(check(rule, { T: taskWith([{ Name: 'app', Image: 'x', Memory: 64 }]) })).toEqual([]);
  });

  test('skipped: an unresolved volume list, volume name or source volume', () => {
    expect(check(rule, { T: taskWith([mounting('x')], { Volumes: { Ref: 'Volumes' } }) })).toEqual([]);
    expect(check(rule, { T: taskWith([mounting('x')], { Volumes: [{ Name: { Ref: 'VolumeName' } }] }) })).toEqual([]);
    expect(check(rule, { T: taskWith([mounting({ Ref: 'Volume' })], { Volumes: [{ Name: 'data' }] }) })).toEqual([]);
  });
});
