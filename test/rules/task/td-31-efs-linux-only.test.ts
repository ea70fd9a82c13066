/** ECS-TD-31: EFS volumes are supported on Linux only (using_data_volumes.html, "Supported operating systems: Linux"). */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as efs from 'aws-cdk-lib/aws-efs';
import { FargateSize, FargateTask } from '../../../src';
import { TD31_EFS_LINUX_ONLY as rule } from '../../../src/rules/task/td-31-efs-linux-only';
import { check, fargateTask } from '../helpers';

const VOLUME = { Name: 'data', EFSVolumeConfiguration: { FilesystemId: 'fs-1', TransitEncryption: 'ENABLED' } };
const task = (family: unknown, volumes: unknown[] = [VOLUME]) =>
  fargateTask({ Cpu: '1024', Memory: '2048', RuntimePlatform: { OperatingSystemFamily: family, CpuArchitecture: 'X86_64' }, Volumes: volumes });

describe('ECS-TD-31 EFS volumes on Windows tasks (found by a batch-jobs user trial)', () => {
  test('bad: an EFS volume on a Windows task definition', () => {
    const [f] = check(rule, { T: task('WINDOWS_SERVER_2022_CORE') });
    expect(f).toMatchObject({ ruleId: 'ECS-TD-31', severity: 'error', property: 'Properties/Volumes/0/EFSVolumeConfiguration' });
    expect(f.message).toBe('[ECS-TD-31] EFS volume \'data\' on a Windows task definition (WINDOWS_SERVER_2022_CORE) at TestStack/T; allowed: EFS volumes on '
      + 'Linux tasks; FSx for Windows File Server volumes for Windows tasks on EC2. Remove EFS volume \'data\' (and its mount points), run the workload as a '
      + 'Linux task, or use an FSx for Windows File Server volume on EC2.');
  });

  test('good: Linux, or no EFS volume; skipped: an unresolved operating system', () => {
    expect(check(rule, { T: task('LINUX') })).toEqual([]);
    expect(check(rule, { T: task('WINDOWS_SERVER_2022_CORE', [{ Name: 'scratch' }]) })).toEqual([]);
    expect(check(rule, { T: task({ Ref: 'Os' }) })).toEqual([]);
  });

  test('a kit Windows FargateTask with addEfsVolume fails synth', () => {
    const stack = new Stack(new App(), 'Win');
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
    const fileSystem = new efs.FileSystem(stack, 'Fs', { vpc });
    const t = new FargateTask(stack, 'Task', {
      size: FargateSize.windows(1024, 2048),
      operatingSystemFamily: ecs.OperatingSystemFamily.WINDOWS_SERVER_2022_CORE,
      container: { image: ecs.ContainerImage.fromRegistry('mcr.microsoft.com/windows/servercore:ltsc2022') },
    });
    t.addEfsVolume('data', { fileSystem, containerPath: 'C:\\data' });
    expect(() => Template.fromStack(stack)).toThrow(/\[ECS-TD-31\] EFS volume 'data' on a Windows task definition/);
  });
});
