import { App, CfnParameter, Stack } from 'aws-cdk-lib';
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

  test('CfnParameter cpu and memory stay references; the main container shares a token memory (found by a Managed Instances user trial)', () => {
    const s = stack();
    const cpu = new CfnParameter(s, 'Cpu', { type: 'Number', default: 512 }).valueAsNumber;
    const memory = new CfnParameter(s, 'Memory', { type: 'Number', default: 1024 }).valueAsNumber;
    new ManagedInstancesTask(s, 'CpuParam', { cpu, memoryMiB: 1024, container: { image: IMAGE } });
    new ManagedInstancesTask(s, 'MemoryParam', { cpu: 512, memoryMiB: memory, container: { image: IMAGE, scratchPaths: ['/tmp'] } });
    const t = Template.fromStack(s);
    t.hasResourceProperties('AWS::ECS::TaskDefinition', { Cpu: { Ref: 'Cpu' }, Memory: '1024', ContainerDefinitions: [Match.objectLike({ Name: 'app', Memory: 1024 })] });
    t.hasResourceProperties('AWS::ECS::TaskDefinition', {
      Cpu: '512',
      Memory: { Ref: 'Memory' },
      ContainerDefinitions: [Match.objectLike({ Name: 'app', Memory: Match.absent() }), Match.objectLike({ Name: 'scratch-init', Memory: 16 })],
    });
  });

  test('an Ec2Task with a token memoryMiB: cpu and memory stay references; the main container must size itself (KIT-TASK-MEMORY)', () => {
    const s = stack();
    const memory = new CfnParameter(s, 'Memory', { type: 'Number', default: 1024 }).valueAsNumber;
    const cpu = new CfnParameter(s, 'Cpu', { type: 'Number', default: 512 }).valueAsNumber;
    const error = (() => {
      try {
        new Ec2Task(s, 'Bare', { memoryMiB: memory, container: { image: IMAGE } });
      } catch (e) {
        return e as Error;
      }
      return undefined;
    })();
    expect(EcsKitErrors.codeOf(error)).toBe('KIT-TASK-MEMORY');
    expect(error?.message).toContain('Give the main container a memoryReservationMiB');
    new Ec2Task(s, 'Sized', { cpu, memoryMiB: memory, container: { image: IMAGE, memoryReservationMiB: 256 } });
    Template.fromStack(s).hasResourceProperties('AWS::ECS::TaskDefinition', {
      Cpu: { Ref: 'Cpu' }, Memory: { Ref: 'Memory' }, ContainerDefinitions: [Match.objectLike({ Name: 'app', MemoryReservation: 256 })],
    });
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
