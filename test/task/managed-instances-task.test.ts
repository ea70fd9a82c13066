import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { EcsKitErrors } from '../../src';
import { Ec2Task, FargateTask, ManagedInstancesTask } from '../../src/task';

const IMAGE = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27');
const stack = () => new Stack(new App(), 'Test');

describe('ManagedInstancesTask', () => {
  test('defaults: MANAGED_INSTANCES, awsvpc, Linux runtime platform, 256 CPU / 512 MiB, kit container defaults', () => {
    const s = stack();
    const task = new ManagedInstancesTask(s, 'Task', { container: { image: IMAGE } });
    const t = Template.fromStack(s);
    t.hasResourceProperties('AWS::ECS::TaskDefinition', {
      RequiresCompatibilities: ['MANAGED_INSTANCES'],
      NetworkMode: 'awsvpc',
      Cpu: '256',
      Memory: '512',
      RuntimePlatform: { CpuArchitecture: 'X86_64', OperatingSystemFamily: 'LINUX' },
      EnableFaultInjection: Match.absent(),
      ContainerDefinitions: [Match.objectLike({ Memory: 512, ReadonlyRootFilesystem: true, User: '1000', LogConfiguration: Match.objectLike({ LogDriver: 'awslogs' }) })],
    });
    expect(task.isManagedInstances).toBe(true);
    expect(task.isFargate).toBe(false);
    expect(task.isWindows).toBe(false);
    expect(t.findResources('AWS::ECS::TaskDefinition')).toMatchSnapshot();
  });

  test('host mode, ARM64, size and fault injection; host mode warns', () => {
    const s = stack();
    new ManagedInstancesTask(s, 'Task', {
      container: { image: IMAGE },
      networkMode: ecs.NetworkMode.HOST,
      cpuArchitecture: ecs.CpuArchitecture.ARM64,
      cpu: 1024,
      memoryMiB: 2048,
      enableFaultInjection: true,
    });
    Template.fromStack(s).hasResourceProperties('AWS::ECS::TaskDefinition', {
      NetworkMode: 'host', Cpu: '1024', Memory: '2048', EnableFaultInjection: true, RuntimePlatform: { CpuArchitecture: 'ARM64', OperatingSystemFamily: 'LINUX' },
    });
    Annotations.fromStack(s).hasWarning('/Test/Task', Match.stringLikeRegexp('KIT-TASK-HOST-NETWORK'));
  });

  test('size checks: memoryMiB under 6 is KIT-TASK-MEMORY (not a sidecar message); cpu under 128 is ECS-TD-29 at synth', () => {
    expect(() => new ManagedInstancesTask(stack(), 'Tiny', { memoryMiB: 4, container: { image: IMAGE } }))
      .toThrow('[KIT-TASK-MEMORY] memoryMiB 4 is not a whole number of MiB of at least 6 at Test/Tiny; allowed: a whole number of MiB, at least 6');
    const s = stack();
    new ManagedInstancesTask(s, 'Slow', { cpu: 3, container: { image: IMAGE } });
    expect(() => Template.fromStack(s)).toThrow(/\[ECS-TD-29\] task cpu 3 is outside what ECS accepts for a task definition that does not require FARGATE at Test\/Slow\/TaskDefinition; allowed: 128 to 196608 CPU units/);
  });

  test('bridge and none are not Managed Instances network modes (ECS-TD-08)', () => {
    for (const networkMode of [ecs.NetworkMode.BRIDGE, ecs.NetworkMode.NONE]) {
      expect(() => new ManagedInstancesTask(stack(), 'Task', { container: { image: IMAGE }, networkMode })).toThrow(/ECS-TD-08/);
    }
  });
});

describe('enableFaultInjection on kit tasks', () => {
  test('FargateTask and awsvpc Ec2Task render EnableFaultInjection', () => {
    const s = stack();
    new FargateTask(s, 'F', { container: { image: IMAGE }, enableFaultInjection: true });
    new Ec2Task(s, 'E', { container: { image: IMAGE }, enableFaultInjection: false });
    const t = Template.fromStack(s);
    t.hasResourceProperties('AWS::ECS::TaskDefinition', { RequiresCompatibilities: ['FARGATE'], EnableFaultInjection: true });
    t.hasResourceProperties('AWS::ECS::TaskDefinition', { RequiresCompatibilities: ['EC2'], EnableFaultInjection: false });
  });

  test('a bridge Ec2Task with fault injection fails with ECS-TD-25', () => {
    let code: string | undefined;
    try {
      new Ec2Task(stack(), 'E', { container: { image: IMAGE }, networkMode: ecs.NetworkMode.BRIDGE, enableFaultInjection: true });
    } catch (e) {
      code = EcsKitErrors.codeOf(e);
    }
    expect(code).toBe('ECS-TD-25');
  });
});
