import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { TD30_EFS_ACCESS_POINT_ROOT as rule } from '../../../src/rules/task/td-30-efs-access-point-root';
import { check, fargateTask } from '../helpers';

const efs = (config: Record<string, unknown>) => fargateTask({ Volumes: [{ Name: 'data', EFSVolumeConfiguration: { FilesystemId: 'fs-1', TransitEncryption: 'ENABLED', ...config } }] });
const AP = { AuthorizationConfig: { AccessPointId: 'fsap-1', IAM: 'ENABLED' } };

describe('ECS-TD-30 EFS access point and root directory', () => {
  test('bad: an access point with RootDirectory /data (found by a user trial)', () => {
    const [f, ...rest] = check(rule, { T: efs({ ...AP, RootDirectory: '/data' }) });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ ruleId: 'ECS-TD-30', severity: 'error', property: 'Properties/Volumes/0/EFSVolumeConfiguration/RootDirectory', value: '"/data"' });
    expect(f.message).toBe('[ECS-TD-30] EFS volume \'data\' sets both an access point and RootDirectory "/data" at TestStack/T; allowed: RootDirectory omitted or "/" with an access point. '
      + 'Remove RootDirectory from volume \'data\' and set the directory on the access point (fileSystem.addAccessPoint(\'Data\', { path: "/data" })).');
  });

  test('bad: aws-cdk-lib renders both without a check', () => {
    const stack = new Stack(new App(), 'TestStack');
    const td = new ecs.FargateTaskDefinition(stack, 'T');
    td.addVolume({ name: 'data', efsVolumeConfiguration: { fileSystemId: 'fs-1', rootDirectory: '/data', transitEncryption: 'ENABLED', authorizationConfig: { accessPointId: 'fsap-1' } } });
    td.addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx') });
    expect(check(rule, Template.fromStack(stack).toJSON().Resources).map((f) => f.ruleId)).toEqual(['ECS-TD-30']);
  });

  test('good: "/" or no RootDirectory with an access point; any RootDirectory without one', () => {
    expect(check(rule, { T: efs({ ...AP, RootDirectory: '/' }) })).toEqual([]);
    expect(check(rule, { T: efs(AP) })).toEqual([]);
    expect(check(rule, { T: efs({ RootDirectory: '/data' }) })).toEqual([]);
  });

  test('skipped: unresolved RootDirectory', () => {
    expect(check(rule, { T: efs({ ...AP, RootDirectory: { Ref: 'Dir' } }) })).toEqual([]);
  });
});
