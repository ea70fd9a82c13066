/** ECS-CT-33: Docker on Windows refuses privileged containers and read-only root filesystems. */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Ec2CapacityImage } from '../../../src/capacity';
import { EcsCluster } from '../../../src/cluster';
import { CT04_WINDOWS_MEMORY_RESERVATION } from '../../../src/rules/container/ct-04-windows-memory-reservation';
import { CT33_WINDOWS_CONTAINER_PARAMETERS as rule } from '../../../src/rules/container/ct-33-windows-container-parameters';
import { runRules } from '../../../src/rules/engine';
import { AssemblyModel } from '../../../src/rules/model';
import { WorkerService } from '../../../src/service';
import { Ec2Task } from '../../../src/task';
import { check } from '../helpers';
import { ec2TaskWith, WINDOWS } from '../task/fixtures';

const IMAGE = ecs.ContainerImage.fromRegistry('mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022');
const messages = (stack: Stack, rules = [rule]) =>
  runRules(new AssemblyModel([{ name: stack.stackName, template: Template.fromStack(stack).toJSON() }]), { rules }).map((f) => f.message);

describe('ECS-CT-33 on templates', () => {
  test('bad: Privileged and ReadonlyRootFilesystem true on a task whose RuntimePlatform is Windows', () => {
    const findings = check(rule, {
      T: ec2TaskWith([{ Name: 'iis', Image: 'x', Memory: 1024, Privileged: true, ReadonlyRootFilesystem: 'true' }], { RuntimePlatform: WINDOWS }),
    });
    expect(findings.map((f) => f.property)).toEqual(['Properties/ContainerDefinitions/0/Privileged', 'Properties/ContainerDefinitions/0/ReadonlyRootFilesystem']);
    expect(findings[0].message).toBe('[ECS-CT-33] Windows container \'iis\' sets Privileged true, which Docker on Windows refuses ("Windows does not support '
      + 'privileged mode") at TestStack/T; allowed: Privileged false or omitted on Windows containers. Remove privileged (or set it to false) on container \'iis\'.');
  });

  test('good: false values, a Linux task, a task without RuntimePlatform or services, an unresolved family', () => {
    expect(check(rule, {
      Off: ec2TaskWith([{ Name: 'iis', Image: 'x', Privileged: false, ReadonlyRootFilesystem: false }], { RuntimePlatform: WINDOWS }),
      Linux: ec2TaskWith([{ Name: 'a', Image: 'x', Privileged: true, ReadonlyRootFilesystem: true }], { RuntimePlatform: { OperatingSystemFamily: 'LINUX' } }),
      Bare: ec2TaskWith([{ Name: 'a', Image: 'x', ReadonlyRootFilesystem: true }]),
      Param: ec2TaskWith([{ Name: 'a', Image: 'x', ReadonlyRootFilesystem: true }], { RuntimePlatform: { OperatingSystemFamily: { Ref: 'Os' } } }),
    })).toEqual([]);
  });
});

describe('ECS-CT-33 and ECS-CT-04 on EC2 tasks without RuntimePlatform, from the capacity that runs them (found by a user trial)', () => {
  const plain = (image: ecs.EcsOptimizedImage, viaProvider: boolean) => {
    const stack = new Stack(new App(), 'Win');
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
    const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
    const task = new ecs.Ec2TaskDefinition(stack, 'Task', { networkMode: ecs.NetworkMode.NAT });
    task.addContainer('iis', { image: IMAGE, memoryLimitMiB: 1024, readonlyRootFilesystem: true });
    if (viaProvider) {
      const asg = new autoscaling.AutoScalingGroup(stack, 'Asg', { vpc, instanceType: new ec2.InstanceType('m6i.xlarge'), machineImage: image });
      const provider = new ecs.AsgCapacityProvider(stack, 'Provider', { autoScalingGroup: asg, enableManagedTerminationProtection: false });
      cluster.addAsgCapacityProvider(provider);
      new ecs.Ec2Service(stack, 'Service', { cluster, taskDefinition: task, capacityProviderStrategies: [{ capacityProvider: provider.capacityProviderName, weight: 1 }] });
    } else {
      cluster.addCapacity('Instances', { instanceType: new ec2.InstanceType('m6i.xlarge'), machineImage: image });
      new ecs.Ec2Service(stack, 'Service', { cluster, taskDefinition: task });
    }
    return stack;
  };

  test('bad: aws-cdk-lib Windows capacity (addCapacity with LaunchType EC2, and an AsgCapacityProvider strategy); good: the Linux image', () => {
    for (const viaProvider of [false, true]) {
      expect(messages(plain(ecs.EcsOptimizedImage.windows(ecs.WindowsOptimizedVersion.SERVER_2022), viaProvider))).toEqual([
        expect.stringMatching(/^\[ECS-CT-33\] Windows container 'iis' sets ReadonlyRootFilesystem true, .* at Win\/Task79114B6B; /),
      ]);
      expect(messages(plain(ecs.EcsOptimizedImage.amazonLinux2023(), viaProvider))).toEqual([]);
    }
  });

  const kit = (readonlyRootFilesystem: boolean, alsoOnLinux = false) => {
    const app = new App();
    const stack = new Stack(app, 'Kit');
    const cluster = new EcsCluster(stack, 'Cluster', { vpc: new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 }) });
    const win = cluster.addEc2Capacity('Windows', { image: Ec2CapacityImage.windowsServer() });
    const task = new Ec2Task(stack, 'WinTask', { windows: true, container: { image: IMAGE, memoryLimitMiB: 1024, readonlyRootFilesystem } });
    new WorkerService(stack, 'Worker', { cluster, task, capacity: win });
    if (alsoOnLinux) {
      const linux = new EcsCluster(stack, 'Other', { vpc: cluster.vpc });
      linux.addEc2Capacity('Linux');
      // A runner whose OS is Linux (as the template says) means the task is not judged as Windows.
      new ecs.Ec2Service(stack, 'OnLinux', { cluster: linux.cluster, taskDefinition: task.taskDefinition, capacityProviderStrategies: [] });
    }
    return { app, stack };
  };

  test('bad: a kit Ec2Task (windows: true) with readonlyRootFilesystem on Windows capacity fails synth with the rule\'s message; good: without it', () => {
    expect(() => kit(true).app.synth()).toThrow(/\[ECS-CT-33\] Windows container 'app' sets ReadonlyRootFilesystem true, which Docker on Windows refuses .* at Kit\/WinTask\/TaskDefinition/);
    expect(messages(kit(false).stack)).toEqual([]);
  });

  test('good: a task that also runs where the OS is not Windows is not judged as Windows', () => {
    const { stack } = kit(true, true);
    expect(messages(stack)).toEqual([]);
  });

  test('ECS-CT-04 judges the same kit Windows task: memoryReservationMiB', () => {
    const stack = new Stack(new App(), 'Kit');
    const cluster = new EcsCluster(stack, 'Cluster', { vpc: new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 }) });
    const win = cluster.addEc2Capacity('Windows', { image: Ec2CapacityImage.windowsServer() });
    const task = new Ec2Task(stack, 'WinTask', { windows: true, container: { image: IMAGE, memoryReservationMiB: 1024 } });
    new WorkerService(stack, 'Worker', { cluster, task, capacity: win });
    expect(messages(stack, [CT04_WINDOWS_MEMORY_RESERVATION])).toEqual([expect.stringMatching(/^\[ECS-CT-04\] Windows container 'app' sets MemoryReservation at Kit\/WinTaskTaskDefinition[0-9A-F]{8}; /)]);
  });
});
