/** ECS-TD-28: EFS volumes with IAM authorization or an access point need transit encryption. */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { runRules } from '../../../src/rules/engine';
import { AssemblyModel } from '../../../src/rules/model';
import { TD28_EFS_TRANSIT_ENCRYPTION } from '../../../src/rules/task/td-28-efs-transit-encryption';
import { check, fargateTask } from '../helpers';

const volume = (efs: Record<string, unknown>) => fargateTask({ Volumes: [{ Name: 'data', EFSVolumeConfiguration: { FilesystemId: 'fs-12345678', ...efs } }] });
const messages = (efs: Record<string, unknown>) => check(TD28_EFS_TRANSIT_ENCRYPTION, { Task: volume(efs) }).map((f) => f.message);

describe('ECS-TD-28 EFS transit encryption', () => {
  test('bad: IAM authorization or an access point with transit encryption omitted or DISABLED', () => {
    expect(messages({ AuthorizationConfig: { IAM: 'ENABLED' } })).toEqual([
      "[ECS-TD-28] EFS volume 'data' uses IAM authorization with TransitEncryption omitted (DISABLED) at TestStack/Task; "
      + "allowed: TransitEncryption ENABLED whenever IAM authorization or an access point is used. Set TransitEncryption: ENABLED on volume 'data'.",
    ]);
    expect(messages({ TransitEncryption: 'DISABLED', AuthorizationConfig: { AccessPointId: 'fsap-1234', IAM: 'ENABLED' } })[0])
      .toContain('uses IAM authorization and an access point with TransitEncryption DISABLED');
  });

  test('good: transit encryption on; plain EFS without IAM or access point', () => {
    expect(messages({ TransitEncryption: 'ENABLED', AuthorizationConfig: { IAM: 'ENABLED', AccessPointId: 'fsap-1234' } })).toEqual([]);
    expect(messages({})).toEqual([]);
    expect(messages({ AuthorizationConfig: { IAM: 'DISABLED' } })).toEqual([]);
  });

  test('each volume is judged: a good first volume does not hide a bad second one', () => {
    const task = fargateTask({
      Volumes: [
        { Name: 'ok', EFSVolumeConfiguration: { FilesystemId: 'fs-1', TransitEncryption: 'ENABLED', AuthorizationConfig: { IAM: 'ENABLED' } } },
        { Name: 'plain', EFSVolumeConfiguration: { FilesystemId: 'fs-2' } },
        { Name: 'bad', EFSVolumeConfiguration: { FilesystemId: 'fs-3', AuthorizationConfig: { IAM: 'ENABLED' } } },
      ],
    });
    expect(check(TD28_EFS_TRANSIT_ENCRYPTION, { Task: task }).map((f) => f.property)).toEqual(['Properties/Volumes/2/EFSVolumeConfiguration/TransitEncryption']);
  });

  test('unresolved: a transit-encryption parameter is skipped', () => {
    expect(messages({ TransitEncryption: { Ref: 'TransitParam' }, AuthorizationConfig: { IAM: 'ENABLED' } })).toEqual([]);
  });

  test('L2: aws-cdk-lib renders an access point without transit encryption as given (no guard)', () => {
    const stack = new Stack(new App(), 'L2');
    const td = new ecs.FargateTaskDefinition(stack, 'Td');
    td.addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx:1.27') });
    td.addVolume({ name: 'data', efsVolumeConfiguration: { fileSystemId: 'fs-12345678', authorizationConfig: { accessPointId: 'fsap-1234' } } });
    const model = new AssemblyModel([{ name: 'L2', template: Template.fromStack(stack).toJSON() }]);
    expect(runRules(model, { rules: [TD28_EFS_TRANSIT_ENCRYPTION] }).map((f) => f.ruleId)).toEqual(['ECS-TD-28']);
  });
});
