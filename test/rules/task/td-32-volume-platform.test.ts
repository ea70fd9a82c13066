/**
 * ECS-TD-32: the storage table of using_data_volumes.html lists "Amazon FSx for Windows File Server | Amazon EC2 | Windows" and
 * "Amazon EBS | Fargate, Amazon EC2, Amazon ECS Managed Instances | Linux, Windows (on Amazon EC2 only)" (Windows trial F3, F4).
 */
import { App, Size, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Ec2CapacityImage, Ec2Task, EcsCluster, FargateSize, FargateTask, WorkerService } from '../../../src';
import { TD32_VOLUME_PLATFORM as rule } from '../../../src/rules/task/td-32-volume-platform';
import { check, fargateTask } from '../helpers';

const IIS = ecs.ContainerImage.fromRegistry('mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022');
const FSX = {
  Name: 'share',
  FSxWindowsFileServerVolumeConfiguration: {
    FileSystemId: 'fs-0123456789abcdef0',
    RootDirectory: 'share',
    AuthorizationConfig: { CredentialsParameter: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:x', Domain: 'corp.example.com' },
  },
};
const EBS = { Name: 'data', ConfiguredAtLaunch: true };
const WINDOWS = { OperatingSystemFamily: 'WINDOWS_SERVER_2022_CORE', CpuArchitecture: 'X86_64' };
const fargate = (volumes: unknown[], props: Record<string, unknown> = {}) => fargateTask({ Cpu: '1024', Memory: '2048', Volumes: volumes, ...props });
const ec2Task = (volumes: unknown[], props: Record<string, unknown> = {}) => ({
  Type: 'AWS::ECS::TaskDefinition',
  Properties: { RequiresCompatibilities: ['EC2'], ContainerDefinitions: [{ Name: 'app', Image: 'x', Memory: 1024 }], Volumes: volumes, ...props },
});

describe('ECS-TD-32 FSx for Windows File Server volumes', () => {
  test('bad: on a task definition that requires FARGATE (Windows or not), and on a Linux EC2 task definition', () => {
    const [f] = check(rule, { T: fargate([FSX], { RuntimePlatform: WINDOWS }) });
    expect(f).toMatchObject({ ruleId: 'ECS-TD-32', severity: 'error', property: 'Properties/Volumes/0/FSxWindowsFileServerVolumeConfiguration' });
    expect(f.message).toBe("[ECS-TD-32] FSx for Windows File Server volume 'share' in a task definition that requires FARGATE compatibility at TestStack/T; "
      + 'allowed: FSx for Windows File Server volumes on Amazon EC2 only (Windows tasks). Run the task on Windows EC2 capacity (an Ec2Task, or '
      + "RequiresCompatibilities EC2), or remove volume 'share' and its mount points.");
    expect(check(rule, { T: fargate([FSX]) })).toHaveLength(1);
    const [linux] = check(rule, { T: ec2Task([FSX], { RuntimePlatform: { OperatingSystemFamily: 'LINUX' } }) });
    expect(linux.message).toContain("FSx for Windows File Server volume 'share' on a Linux task definition (OperatingSystemFamily LINUX)");
  });

  test('good: a Windows EC2 task definition, or an EC2 one without RuntimePlatform (usually Windows); skipped: unresolved values', () => {
    expect(check(rule, {
      Win: ec2Task([FSX], { RuntimePlatform: WINDOWS }),
      Bare: ec2Task([FSX]),
      Compat: ec2Task([FSX], { RequiresCompatibilities: { Ref: 'Compat' } }),
      Os: ec2Task([FSX], { RuntimePlatform: { OperatingSystemFamily: { Ref: 'Os' } } }),
    })).toEqual([]);
  });
});

describe('ECS-TD-32 EBS volumes on Windows Fargate', () => {
  test('bad: a ConfiguredAtLaunch volume on a Windows task definition that requires FARGATE only', () => {
    const [f] = check(rule, { T: fargate([EBS], { RuntimePlatform: WINDOWS }) });
    expect(f).toMatchObject({ ruleId: 'ECS-TD-32', property: 'Properties/Volumes/0/ConfiguredAtLaunch' });
    expect(f.message).toBe("[ECS-TD-32] EBS volume 'data' (ConfiguredAtLaunch) on a Windows Fargate task definition (WINDOWS_SERVER_2022_CORE) at "
      + 'TestStack/T; allowed: EBS volumes on Linux tasks (Fargate, EC2, Managed Instances) and on Windows tasks on Amazon EC2 only. Remove volume '
      + "'data' and its mount points (addEbsVolume on a kit FargateTask), or run the Windows task on EC2 capacity (an Ec2Task).");
  });

  test('good: Linux on Fargate, Windows on EC2 or on EC2 and Fargate, ConfiguredAtLaunch false; skipped: an unresolved flag or family', () => {
    expect(check(rule, {
      Linux: fargate([EBS]),
      WinEc2: ec2Task([EBS], { RuntimePlatform: WINDOWS }),
      Both: fargate([EBS], { RuntimePlatform: WINDOWS, RequiresCompatibilities: ['EC2', 'FARGATE'] }),
      Off: fargate([{ Name: 'data', ConfiguredAtLaunch: false }], { RuntimePlatform: WINDOWS }),
      Flag: fargate([{ Name: 'data', ConfiguredAtLaunch: { Ref: 'Ebs' } }], { RuntimePlatform: WINDOWS }),
      Os: fargate([EBS], { RuntimePlatform: { OperatingSystemFamily: { Ref: 'Os' } } }),
    })).toEqual([]);
  });
});

describe('ECS-TD-32 on kit constructs', () => {
  const setup = () => {
    const stack = new Stack(new App(), 'Win');
    const cluster = new EcsCluster(stack, 'Cluster', { vpc: new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 }) });
    return { stack, cluster };
  };
  const winFargate = (stack: Stack) => new FargateTask(stack, 'T', { size: FargateSize.windows(1024, 2048), container: { image: IIS } });
  const addFsx = (task: ecs.TaskDefinition, container: ecs.ContainerDefinition) => {
    task.addVolume({ name: 'share' });
    (task.node.defaultChild as ecs.CfnTaskDefinition).addPropertyOverride('Volumes.0.FSxWindowsFileServerVolumeConfiguration', FSX.FSxWindowsFileServerVolumeConfiguration);
    container.addMountPoints({ sourceVolume: 'share', containerPath: 'C:\\share', readOnly: false });
  };

  test('a Windows FargateTask with an FSx volume (repro 03) or addEbsVolume (repro 04) fails synth', () => {
    const fsx = setup();
    const t = winFargate(fsx.stack);
    addFsx(t.taskDefinition, t.taskDefinition.defaultContainer!);
    new WorkerService(fsx.stack, 'S', { cluster: fsx.cluster, task: t });
    expect(() => Template.fromStack(fsx.stack)).toThrow(/\[ECS-TD-32\] FSx for Windows File Server volume 'share' in a task definition that requires FARGATE/);

    const ebs = setup();
    const e = winFargate(ebs.stack);
    e.addEbsVolume('data', { containerPath: 'C:\\data', size: Size.gibibytes(20) });
    new WorkerService(ebs.stack, 'S', { cluster: ebs.cluster, task: e });
    expect(() => Template.fromStack(ebs.stack)).toThrow(/\[ECS-TD-32\] EBS volume 'data' \(ConfiguredAtLaunch\) on a Windows Fargate task definition/);
  });

  test('good: an FSx volume on a Windows Ec2Task on Windows capacity synthesizes', () => {
    const { stack, cluster } = setup();
    const capacity = cluster.addEc2Capacity('Win', { image: Ec2CapacityImage.windowsServer(ecs.WindowsOptimizedVersion.SERVER_2019) });
    const t = new Ec2Task(stack, 'T', { windows: true, networkMode: ecs.NetworkMode.NAT, container: { image: IIS, memoryLimitMiB: 1024 } });
    addFsx(t.taskDefinition, t.taskDefinition.defaultContainer!);
    new WorkerService(stack, 'S', { cluster, task: t, capacity });
    expect(() => Template.fromStack(stack)).not.toThrow();
  });

  test('bad: an FSx volume on a Linux Ec2Task (no RuntimePlatform) that runs only on Linux capacity (found by a verification helper)', () => {
    const { stack, cluster } = setup();
    const capacity = cluster.addEc2Capacity('Linux');
    const t = new Ec2Task(stack, 'T', { container: { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), memoryLimitMiB: 512 } });
    addFsx(t.taskDefinition, t.taskDefinition.defaultContainer!);
    new WorkerService(stack, 'S', { cluster, task: t, capacity });
    expect(() => Template.fromStack(stack)).toThrow(/\[ECS-TD-32\] FSx for Windows File Server volume 'share' on a Linux task definition \(it runs on Linux instances only\)/);
  });
});
