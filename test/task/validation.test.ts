import * as path from 'path';
import { App, Duration, Stack, Tags, Validations } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { Platform } from 'aws-cdk-lib/aws-ecr-assets';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as fc from 'fast-check';
import { Ec2Task, FargateSize, FargateTask } from '../../src/task';

const IMAGE = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27');
const stack = () => new Stack(new App(), 'Test');
const synth = (s: Stack) => Template.fromStack(s);

describe('construction-time errors', () => {
  test.each([
    ['interval', { interval: Duration.seconds(301) }, 'ECS-CT-05'],
    ['timeout', { timeout: Duration.seconds(1) }, 'ECS-CT-06'],
    ['retries', { retries: 11 }, 'ECS-CT-07'],
    ['startPeriod', { startPeriod: Duration.seconds(301) }, 'ECS-CT-08'],
  ])('health check %s out of range', (_n, hc, code) => {
    expect(() => new FargateTask(stack(), 'Task', { container: { image: IMAGE, healthCheck: { command: ['CMD', 'true'], ...hc } } }))
      .toThrow(new RegExp(`\\[${code}\\].*at Test/Task; allowed:`));
  });

  test('KIT-TASK-CONTAINER-ID: a sidecar with the main container\'s construct id app, even when the main container has another name (found by a user trial)', () => {
    const task = new FargateTask(stack(), 'Task', { container: { image: IMAGE, containerName: 'web' } });
    expect(() => task.addContainer('app', { image: IMAGE })).toThrow(
      "[KIT-TASK-CONTAINER-ID] addContainer id 'app' is already the construct id of container 'web' (the main container's id is always app) at Test/Task; "
      + "allowed: a construct id no container of the task has (taken: app). Use another id, e.g. 'app-sidecar' (the container name defaults to the id; containerName sets another).");
    const sidecar = task.addContainer('otel', { image: IMAGE, containerName: 'app' });
    expect(sidecar.containerName).toBe('app');
    expect(() => task.addContainer('otel', { image: IMAGE })).toThrow(/\[KIT-TASK-CONTAINER-ID\] addContainer id 'otel' is already the construct id of container 'app' at/);
  });

  test('KIT-TASK-HEALTH-CHECK-TIMEOUT: a timeout longer than the interval (ECS accepts it, aws-cdk-lib refuses it at synth), found by a user trial', () => {
    const hc = (interval: number, timeout: number) => () => new FargateTask(stack(), 'Task', {
      container: { image: IMAGE, healthCheck: { command: ['CMD', 'true'], interval: Duration.seconds(interval), timeout: Duration.seconds(timeout) } },
    });
    expect(hc(5, 10)).toThrow("[KIT-TASK-HEALTH-CHECK-TIMEOUT] Health check timeout 10s of container 'app' is longer than its interval 5s, which aws-cdk-lib "
      + 'refuses at synth (ECS accepts it) at Test/Task; allowed: a timeout of at most the interval (5 seconds). '
      + 'Set healthCheck.timeout to Duration.seconds(5) or less, or healthCheck.interval to Duration.seconds(10) or more.');
    // Equal values pass, and aws-cdk-lib renders them.
    const task = hc(10, 10)();
    expect(Template.fromStack(Stack.of(task)).toJSON()).toBeDefined();
  });

  test('ECS-PM-01 at construction: a hostPort other than the containerPort in awsvpc or host mode (aws-cdk-lib throws a bare error), found by a user trial', () => {
    expect(() => new FargateTask(stack(), 'Task', { container: { image: IMAGE, portMappings: [{ containerPort: 8080, hostPort: 80 }] } }))
      .toThrow("[ECS-PM-01] container 'app' maps hostPort 80 to containerPort 8080 in awsvpc network mode at Test/Task; allowed: hostPort omitted or equal "
        + 'to containerPort (8080). Remove hostPort or set it to 8080; the load balancer or Service Connect reaches the task on its container port.');
    const host = new Ec2Task(stack(), 'Host', { networkMode: ecs.NetworkMode.HOST, container: { image: IMAGE } });
    expect(() => host.addContainer('agent', { image: IMAGE, portMappings: [{ containerPort: 9100, hostPort: 9101 }] })).toThrow(/\[ECS-PM-01\] container 'agent' maps hostPort 9101/);
    // Equal and omitted pass (hostPort 0, which the rule leaves alone, is still aws-cdk-lib's to refuse); bridge mode is not this rule's.
    new FargateTask(stack(), 'Ok', { container: { image: IMAGE, portMappings: [{ containerPort: 8080, hostPort: 8080 }, { containerPort: 9091 }] } });
    new Ec2Task(stack(), 'Bridge', { networkMode: ecs.NetworkMode.BRIDGE, container: { image: IMAGE, portMappings: [{ containerPort: 8080 }] } });
  });

  test('an empty health check command is ECS-CT-09, the rule the template check uses', () => {
    expect(() => new FargateTask(stack(), 'Task', { container: { image: IMAGE, healthCheck: { command: [] } } }))
      .toThrow(/^\[ECS-CT-09\] Health check command of container 'app' is empty \(\[\]\) at Test\/Task/);
  });

  test('health check retries: every value in 1-10 passes, others fail', () => {
    fc.assert(fc.property(fc.integer({ min: -5, max: 20 }), (retries) => {
      const build = () => new FargateTask(stack(), 'Task', { container: { image: IMAGE, healthCheck: { command: ['CMD', 'true'], retries } } });
      if (retries >= 1 && retries <= 10) build();
      else expect(build).toThrow(/ECS-CT-07/);
    }), { numRuns: 30 });
  });

  test('privileged on Fargate is ECS-CT-15', () => {
    expect(() => new FargateTask(stack(), 'Task', { container: { image: IMAGE, privileged: true } })).toThrow(/\[ECS-CT-15\]/);
  });

  test('privileged on Windows Fargate: ECS-CT-15 says only to remove it, since Windows EC2 rejects it too (ECS-CT-33; Windows trial F9)', () => {
    const windows = () => new FargateTask(stack(), 'Task', {
      size: FargateSize.windows(1024, 2048),
      container: { image: ecs.ContainerImage.fromRegistry('mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022'), privileged: true },
    });
    expect(windows).toThrow("[ECS-CT-15] Container 'app' sets privileged: true on Fargate at Test/Task; allowed: no privileged on Windows containers, "
      + 'on Fargate or EC2 capacity. Remove privileged; Windows containers cannot be privileged on EC2 capacity either (ECS-CT-33).');
    expect(() => new FargateTask(stack(), 'Task', { container: { image: IMAGE, privileged: true } })).toThrow(/or run the task on EC2 capacity/);
  });

  test('a Linux size with a Windows family is ECS-TD-02', () => {
    expect(() => new FargateTask(stack(), 'Task', {
      size: FargateSize.of(1024, 2048), operatingSystemFamily: ecs.OperatingSystemFamily.WINDOWS_SERVER_2019_CORE, container: { image: IMAGE },
    })).toThrow(/\[ECS-TD-02\]/);
  });

  test('Windows on ARM64 is ECS-TD-14', () => {
    expect(() => new FargateTask(stack(), 'Task', {
      size: FargateSize.windows(1024, 2048), cpuArchitecture: ecs.CpuArchitecture.ARM64, container: { image: IMAGE },
    })).toThrow(/\[ECS-TD-14\]/);
  });

  test('an arm64 image asset in an X86_64 task is KIT-TASK-ARCH', () => {
    const image = ecs.ContainerImage.fromAsset(path.join(__dirname, 'fixtures', 'image'), { platform: Platform.LINUX_ARM64 });
    expect(() => new FargateTask(stack(), 'Task', { container: { image } })).toThrow(/\[KIT-TASK-ARCH\] Image asset of container 'app' is built for ARM64/);
    // the matching architecture is fine
    new FargateTask(stack(), 'Task', { cpuArchitecture: ecs.CpuArchitecture.ARM64, container: { image } });
  });

  test('a Linux image asset in a Windows task is KIT-TASK-ARCH; an asset without a platform is left alone', () => {
    const linux = ecs.ContainerImage.fromAsset(path.join(__dirname, 'fixtures', 'image'), { platform: Platform.LINUX_AMD64 });
    expect(() => new FargateTask(stack(), 'Task', { size: FargateSize.windows(1024, 2048), container: { image: linux } }))
      .toThrow(/\[KIT-TASK-ARCH\] Image asset of container 'app' is built for linux\/amd64 but the task runs Windows at Test\/Task; allowed: a Windows image asset/);
    new FargateTask(stack(), 'Task', { size: FargateSize.windows(1024, 2048), container: { image: ecs.ContainerImage.fromAsset(path.join(__dirname, 'fixtures', 'image')) } });
  });

  test('EFS access point with rootDirectory is ECS-TD-30', () => {
    const s = stack();
    const task = new FargateTask(s, 'Task', { container: { image: IMAGE } });
    const fileSystem = { fileSystemId: 'fs-1', fileSystemArn: 'arn', connections: undefined } as any;
    expect(() => task.addEfsVolume('d', { fileSystem, accessPoint: { accessPointId: 'fsap-1' } as any, rootDirectory: '/x', containerPath: '/d' }))
      .toThrow(/ECS-TD-30/);
  });

  test('grantRunTask to a service principal is KIT-TASK-GRANTEE', () => {
    const task = new FargateTask(stack(), 'Task', { container: { image: IMAGE } });
    expect(() => task.grantRunTask(new iam.ServicePrincipal('events.amazonaws.com'))).toThrow(/KIT-TASK-GRANTEE/);
  });
});

describe('synth-time errors from the rules engine (same code as the CLI)', () => {
  test('sidecars larger than the task memory', () => {
    const s = stack();
    const task = new FargateTask(s, 'Task', { container: { image: IMAGE } });
    task.addContainer('big', { image: IMAGE, memoryLimitMiB: 510 });
    expect(() => synth(s)).toThrow(
      '[ECS-TD-18] sidecars \'big\' (510 MiB) reserve 510 MiB of the task\'s 512 MiB memory, leaving 2 MiB for the main container \'app\' at Test/Task; '
      + 'allowed: sidecar memory up to 506 MiB in all (the task\'s 512 MiB less the main container\'s 6 MiB minimum). Pick a larger FargateSize '
      + '(FargateSize.smallestFor), or give the sidecars less memory (their memoryReservationMiB or memoryLimitMiB).',
    );
  });

  test('an escape-hatch error (container memory above the task\'s) fails synth unless acknowledged, as with EcsChecks', () => {
    const build = () => {
      const s = stack();
      const task = new FargateTask(s, 'Task', { size: FargateSize.of(512, 1024), container: { image: IMAGE } });
      (task.taskDefinition.node.defaultChild as ecs.CfnTaskDefinition).addPropertyOverride('ContainerDefinitions.0.Memory', 4096);
      return { s, task };
    };
    expect(() => synth(build().s)).toThrow(/\[ECS-TD-18\] container 'app' Memory 4096 MiB is more than task Memory 1024 MiB/);
    const { s, task } = build();
    Validations.of(task).acknowledge({ id: 'ECS-TD-18', reason: 'the platform overrides the task memory at deploy' });
    expect(synth(s).findResources('AWS::ECS::TaskDefinition')).not.toEqual({});
  });

  test('no essential container is ECS-TD-21', () => {
    const s = stack();
    new FargateTask(s, 'Task', { container: { image: IMAGE, essential: false } });
    expect(() => synth(s)).toThrow(/\[ECS-TD-21\]/);
  });

  test('dependsOn COMPLETE on an essential container is ECS-CT-11', () => {
    const s = stack();
    const task = new FargateTask(s, 'Task', { container: { image: IMAGE } });
    const init = task.addContainer('init', { image: IMAGE });
    task.defaultContainer.addContainerDependencies({ container: init, condition: ecs.ContainerDependencyCondition.COMPLETE });
    expect(() => synth(s)).toThrow(/\[ECS-CT-11\]/);
  });

  test('dependsOn HEALTHY without a health check on the target is ECS-CT-12', () => {
    const s = stack();
    const task = new FargateTask(s, 'Task', { container: { image: IMAGE } });
    const db = task.addContainer('db', { image: IMAGE });
    task.defaultContainer.addContainerDependencies({ container: db, condition: ecs.ContainerDependencyCondition.HEALTHY });
    expect(() => synth(s)).toThrow(/\[ECS-CT-12\]/);
  });

  test('a dependsOn cycle is ECS-CT-13', () => {
    const s = stack();
    const task = new FargateTask(s, 'Task', { container: { image: IMAGE } });
    const b = task.addContainer('b', { image: IMAGE });
    task.defaultContainer.addContainerDependencies({ container: b });
    b.addContainerDependencies({ container: task.defaultContainer });
    expect(() => synth(s)).toThrow(/\[ECS-CT-13\]/);
  });

  test('a dependency on a container of another task is ECS-CT-13, naming that task', () => {
    const s = stack();
    const a = new FargateTask(s, 'A', { container: { image: IMAGE } });
    const b = new FargateTask(s, 'B', { container: { image: IMAGE } });
    a.defaultContainer.addContainerDependencies({ container: b.defaultContainer });
    expect(() => synth(s)).toThrow(/\[ECS-CT-13\] container 'app' depends on container 'app' of another task definition \(Test\/B\/TaskDefinition\) at Test\/A; allowed: containers of this task definition: app\./);
  });

  test('11 containers is ECS-TD-19', () => {
    const s = stack();
    const task = new FargateTask(s, 'Task', { size: FargateSize.of(4096, 8192), container: { image: IMAGE } });
    for (let i = 0; i < 10; i++) task.addContainer(`c${i}`, { image: IMAGE });
    expect(() => synth(s)).toThrow(/\[ECS-TD-19\]/);
  });

  test('a task definition over 64 KiB is ECS-TD-20', () => {
    const s = stack();
    const big = Object.fromEntries(Array.from({ length: 70 }, (_, i) => [`K${i}`, 'x'.repeat(1000)]));
    new FargateTask(s, 'Task', { container: { image: IMAGE, dockerLabels: big } });
    expect(() => synth(s)).toThrow(/\[ECS-TD-20\]/);
  });

  test('51 tags is ECS-TD-27', () => {
    const s = stack();
    const task = new FargateTask(s, 'Task', { container: { image: IMAGE } });
    for (let i = 0; i < 51; i++) Tags.of(task).add(`t${i}`, 'v');
    expect(() => synth(s)).toThrow(/\[ECS-TD-27\]/);
  });

  test('the defaults produce no engine findings at all', () => {
    const s = stack();
    const task = new FargateTask(s, 'Task', { container: { image: IMAGE, portMappings: [{ containerPort: 8080 }] } });
    task.addContainer('side', { image: IMAGE });
    synth(s);
    expect(Annotations.fromStack(s).findWarning('*', Match.anyValue())).toEqual([]);
  });
});

describe('Ec2Task network modes', () => {
  test('awsvpc by default, memory 512 on the main container, Docker volume', () => {
    const s = stack();
    const task = new Ec2Task(s, 'Task', { container: { image: IMAGE } });
    task.addDockerVolume('cache', { containerPath: '/cache', configuration: { driver: 'local', scope: ecs.Scope.TASK } });
    const t = synth(s);
    t.hasResourceProperties('AWS::ECS::TaskDefinition', {
      NetworkMode: 'awsvpc',
      RequiresCompatibilities: ['EC2'],
      ContainerDefinitions: [Match.objectLike({ Memory: 512, ReadonlyRootFilesystem: true, User: '1000' })],
      Volumes: [{ Name: 'cache', DockerVolumeConfiguration: { Driver: 'local', Scope: 'task' } }],
    });
    expect(t.toJSON()).toMatchSnapshot();
  });

  test('bridge with dynamic host ports passes; a fixed host port is KIT-TASK-BRIDGE-HOST-PORT', () => {
    const ok = stack();
    new Ec2Task(ok, 'Task', { networkMode: ecs.NetworkMode.BRIDGE, container: { image: IMAGE, portMappings: [{ containerPort: 80 }] } });
    synth(ok).hasResourceProperties('AWS::ECS::TaskDefinition', { NetworkMode: 'bridge' });
    const bad = stack();
    new Ec2Task(bad, 'Task', { networkMode: ecs.NetworkMode.BRIDGE, container: { image: IMAGE, portMappings: [{ containerPort: 80, hostPort: 8080 }] } });
    expect(() => synth(bad)).toThrow(/\[KIT-TASK-BRIDGE-HOST-PORT\]/);
  });

  // A task no service runs yet (RunTask, a service in another app): the check can be acknowledged.
  test('an acknowledged KIT-TASK-BRIDGE-HOST-PORT passes; the message names the daemon exception', () => {
    const s = stack();
    new Ec2Task(s, 'Task', { networkMode: ecs.NetworkMode.BRIDGE, container: { image: IMAGE, portMappings: [{ containerPort: 4317, hostPort: 4317 }] } });
    expect(() => synth(s)).toThrow(/Leave hostPort unset: .* \(a task that only DaemonServices run, one per instance, may keep it\)/);
    const acked = stack();
    const daemonTask = new Ec2Task(acked, 'Task', { networkMode: ecs.NetworkMode.BRIDGE, container: { image: IMAGE, portMappings: [{ containerPort: 4317, hostPort: 4317 }] } });
    Validations.of(daemonTask).acknowledge({ id: 'KIT-TASK-BRIDGE-HOST-PORT', reason: 'OpenTelemetry agent daemon: one task per instance' });
    expect(() => synth(acked)).not.toThrow();
    // On the task definition, as the README shows for rules, it counts too.
    const onDefinition = stack();
    const t = new Ec2Task(onDefinition, 'Task', { networkMode: ecs.NetworkMode.BRIDGE, container: { image: IMAGE, portMappings: [{ containerPort: 4317, hostPort: 4317 }] } });
    Validations.of(t.taskDefinition).acknowledge({ id: 'KIT-TASK-BRIDGE-HOST-PORT', reason: 'daemon' });
    expect(() => synth(onDefinition)).not.toThrow();
  });

  test('host mode warns; a host port unlike the container port is rejected (ECS-PM-01)', () => {
    const s = stack();
    new Ec2Task(s, 'Task', { networkMode: ecs.NetworkMode.HOST, container: { image: IMAGE, portMappings: [{ containerPort: 80 }] } });
    synth(s);
    expect(Annotations.fromStack(s).findWarning('/Test/Task', Match.stringLikeRegexp('KIT-TASK-HOST-NETWORK'))).toHaveLength(1);
    const bad = stack();
    expect(() => new Ec2Task(bad, 'Task', { networkMode: ecs.NetworkMode.HOST, container: { image: IMAGE, portMappings: [{ containerPort: 80, hostPort: 81 }] } })).toThrow(/^\[ECS-PM-01\] container 'app' maps hostPort 81 to containerPort 80 in host network mode/);
  });

  test('none with port mappings is ECS-PM-02 from the engine', () => {
    const s = stack();
    new Ec2Task(s, 'Task', { networkMode: ecs.NetworkMode.NONE, container: { image: IMAGE, portMappings: [{ containerPort: 80 }] } });
    expect(() => synth(s)).toThrow(/\[ECS-PM-02\]/);
  });
});

// ECS: "On Amazon EC2, task memory is optional, but it is required for Service Connect"; task-level cpu and memory
// "are ignored for Windows containers" (RegisterTaskDefinition memory).
describe('Ec2Task cpu (found by a user trial: GPU and large tasks had to put CPU on the container)', () => {
  test('sets task-level Cpu; without it there is none', () => {
    const s = stack();
    new Ec2Task(s, 'Task', { cpu: 4096, memoryMiB: 8192, container: { image: IMAGE } });
    new Ec2Task(s, 'Bare', { container: { image: IMAGE } });
    const t = synth(s);
    t.hasResourceProperties('AWS::ECS::TaskDefinition', { Family: Match.stringLikeRegexp('TestTask'), Cpu: '4096', Memory: '8192' });
    t.hasResourceProperties('AWS::ECS::TaskDefinition', { Family: Match.stringLikeRegexp('TestBare'), Cpu: Match.absent() });
  });

  test('out of range is ECS-TD-29 at construction; on Windows KIT-TASK-CPU', () => {
    expect(() => new Ec2Task(stack(), 'Task', { cpu: 64, container: { image: IMAGE } })).toThrow(
      /^\[ECS-TD-29\] task cpu 64 is outside what ECS accepts for a task definition that does not require FARGATE at Test\/Task; allowed: whole CPU units from 128 to 196608 \(0\.125 to 192 vCPU\)\. Use cpu 128 or more/);
    expect(() => new Ec2Task(stack(), 'Task', { cpu: 200_000, container: { image: IMAGE } })).toThrow(/\[ECS-TD-29\].*Use cpu 196608 or less/);
    expect(() => new Ec2Task(stack(), 'Task', { windows: true, cpu: 1024, container: { image: IMAGE, memoryLimitMiB: 1024 } })).toThrow(
      /^\[KIT-TASK-CPU\] cpu 1024 is set on a Windows task, where ECS ignores task-level cpu at Test\/Task/);
  });
});

describe('Ec2Task memoryMiB', () => {
  test('sets task-level Memory; the main container gets what the sidecars leave', () => {
    const s = stack();
    const task = new Ec2Task(s, 'Task', { memoryMiB: 1024, container: { image: IMAGE } });
    task.addContainer('side', { image: IMAGE });
    synth(s).hasResourceProperties('AWS::ECS::TaskDefinition', {
      Memory: '1024',
      ContainerDefinitions: [Match.objectLike({ Name: 'app', Memory: 896 }), Match.objectLike({ Name: 'side', Memory: 128 })],
    });
  });

  test('without it there is no task-level Memory and the main container gets 512 MiB', () => {
    const s = stack();
    new Ec2Task(s, 'Task', { container: { image: IMAGE } });
    synth(s).hasResourceProperties('AWS::ECS::TaskDefinition', { Memory: Match.absent(), ContainerDefinitions: [Match.objectLike({ Memory: 512 })] });
  });

  test('sidecars that leave the main container less than 6 MiB are ECS-TD-18, with an EC2 fix', () => {
    const s = stack();
    const task = new Ec2Task(s, 'Task', { memoryMiB: 256, container: { image: IMAGE } });
    task.addContainer('side', { image: IMAGE, memoryLimitMiB: 252 });
    expect(() => synth(s)).toThrow(/\[ECS-TD-18\] sidecars 'side' \(252 MiB\) reserve 252 MiB of the task's 256 MiB memory, leaving 4 MiB for the main container 'app'.*Raise the task memory \(memoryMiB\)/);
  });

  test.each([
    [{ memoryMiB: 5 }, /memoryMiB 5 is not a whole number of MiB of at least 6 at Test\/Task.*Use a whole number of MiB of 6 or more/],
    [{ memoryMiB: 1000.5 }, /memoryMiB 1000.5 is not a whole number/],
    [{ memoryMiB: 1024, windows: true }, /memoryMiB 1024 is set on a Windows task, where ECS ignores task-level memory.*Remove memoryMiB and give each container memoryLimitMiB/],
  ])('%j is KIT-TASK-MEMORY', (props, message) => {
    expect(() => new Ec2Task(stack(), 'Task', { ...props, container: { image: IMAGE, memoryLimitMiB: 512 } })).toThrow(/^\[KIT-TASK-MEMORY\]/);
    expect(() => new Ec2Task(stack(), 'Task', { ...props, container: { image: IMAGE, memoryLimitMiB: 512 } })).toThrow(message);
  });
});
