/** ECS-RC-10: a task must fit the largest instance its capacity providers launch. */
import { App, Duration, Size, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as fc from 'fast-check';
import { Ec2CapacityImage } from '../../../src/capacity';
import { EcsCluster } from '../../../src/cluster';
import { runRules } from '../../../src/rules/engine';
import { AssemblyModel } from '../../../src/rules/model';
import { RC10_TASK_FITS_INSTANCES } from '../../../src/rules/reach/rc-10-task-fits-instances';
import { instanceSize } from '../../../src/rules/tables/instance-sizes';
import { DaemonService, ScheduledJob, WorkerService } from '../../../src/service';
import { Ec2Task, ManagedInstancesTask } from '../../../src/task';
import { assemblyOf, check, Resources } from '../helpers';

interface Options {
  /** Instance types: one is the launch template's, several a mixed instances policy. */
  types?: unknown[];
  taskMemory?: unknown;
  taskCpu?: unknown;
  containers?: Record<string, unknown>[];
  strategy?: unknown[];
}

function template(o: Options = {}): Resources {
  const types = o.types ?? ['m6i.large'];
  const lt = { LaunchTemplateId: { Ref: 'Lt' }, Version: { 'Fn::GetAtt': ['Lt', 'LatestVersionNumber'] } };
  return {
    Lt: { Type: 'AWS::EC2::LaunchTemplate', Properties: { LaunchTemplateData: { ImageId: 'ami-0123456789abcdef0', InstanceType: types[0] } } },
    Asg: {
      Type: 'AWS::AutoScaling::AutoScalingGroup',
      Properties: {
        MinSize: '0',
        MaxSize: '2',
        ...types.length > 1
          ? { MixedInstancesPolicy: { LaunchTemplate: { LaunchTemplateSpecification: lt, Overrides: types.map((t) => ({ InstanceType: t })) } } }
          : { LaunchTemplate: lt },
      },
    },
    Provider: { Type: 'AWS::ECS::CapacityProvider', Properties: { AutoScalingGroupProvider: { AutoScalingGroupArn: { Ref: 'Asg' } } } },
    Task: {
      Type: 'AWS::ECS::TaskDefinition',
      Properties: {
        RequiresCompatibilities: ['EC2'],
        ...o.taskMemory !== undefined ? { Memory: o.taskMemory } : {},
        ...o.taskCpu !== undefined ? { Cpu: o.taskCpu } : {},
        ContainerDefinitions: o.containers ?? [{ Name: 'app', Image: 'nginx', Memory: 512 }],
      },
    },
    Svc: {
      Type: 'AWS::ECS::Service',
      Properties: { TaskDefinition: { Ref: 'Task' }, CapacityProviderStrategy: o.strategy ?? [{ CapacityProvider: { Ref: 'Provider' }, Weight: 1 }] },
    },
  };
}

const messages = (o: Options) => check(RC10_TASK_FITS_INSTANCES, template(o)).map((f) => f.message);

describe('ECS-RC-10 task fits the instances (L1)', () => {
  test('bad: task memory above the largest instance type', () => {
    expect(messages({ types: ['m6i.large', 'm7i.large'], taskMemory: '16384' })).toEqual([
      '[ECS-RC-10] task TestStack/Task needs 16384 MiB of memory (Memory; the largest instance has 8192 MiB installed, and ECS registers less than that '
      + 'for tasks), more than any instance of TestStack/Provider (m6i.large or m7i.large) offers at TestStack/Svc; allowed: a task that fits on one '
      + 'instance: TestStack/Provider (m6i.large or m7i.large) below its 8192 MiB installed (ECS registers a few percent less), up to 2048 CPU units '
      + 'and 0 GPUs. Use larger instance types for the capacity (Ec2Capacity instanceTypes, or the Auto Scaling group\'s instance type), or reduce the task\'s memory '
      + '(memoryMiB of a kit Ec2Task or ManagedInstancesTask, or memoryLimitMiB / memoryReservationMiB of its containers), CPU or GPUs.',
    ]);
  });

  test('bad: container memory, CPU and GPUs add up', () => {
    const containers = [
      { Name: 'app', Image: 'x', MemoryReservation: 6144, Memory: 9000, Cpu: 2048 },
      { Name: 'side', Image: 'x', Memory: 4096, Cpu: 1024, ResourceRequirements: [{ Type: 'GPU', Value: '1' }] },
    ];
    const [m] = messages({ containers });
    expect(m).toContain('needs 10240 MiB of memory (the containers\' MemoryReservation or Memory; the largest instance has 8192 MiB installed, and ECS registers less than that for tasks), 3072 CPU units (the largest instance has 2048) and 1 GPU (the instances have at most 0)');
    // Four GPUs on single-GPU g5 types; the 12xlarge has four.
    expect(messages({ types: ['g5.xlarge', 'g5.2xlarge'], containers: [{ Name: 'a', Image: 'x', Memory: 1024, ResourceRequirements: [{ Type: 'GPU', Value: '4' }] }] }))
      .toEqual([expect.stringContaining('needs 4 GPUs (the instances have at most 1)')]);
    expect(messages({ types: ['g5.12xlarge'], containers: [{ Name: 'a', Image: 'x', Memory: 1024, ResourceRequirements: [{ Type: 'GPU', Value: '4' }] }] })).toEqual([]);
  });

  test('bad: GPU types whose image has no NVIDIA driver offer no GPUs; good: the GPU AMI, an nvidia Bottlerocket, or an unknown image', () => {
    const gpuTask = [{ Name: 'a', Image: 'x', Memory: 1024, ResourceRequirements: [{ Type: 'GPU', Value: '1' }] }];
    const withImage = (imageId: unknown, parameter?: string) => {
      const r = template({ types: ['g5.xlarge'], containers: gpuTask });
      ((r.Lt.Properties as Record<string, Record<string, unknown>>).LaunchTemplateData).ImageId = imageId;
      const extra = parameter === undefined ? {} : {
        Parameters: { SsmParameterValueImage: { Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>', Default: parameter } },
      };
      return runRules(assemblyOf(r, extra), { rules: [RC10_TASK_FITS_INSTANCES] }).map((f) => f.message);
    };
    const standard = withImage({ Ref: 'SsmParameterValueImage' }, '/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id');
    expect(standard).toEqual([expect.stringContaining('needs 1 GPU (the instances have at most 0: image /aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id '
      + 'has no NVIDIA driver, so the agent registers none of the instances\' 1 GPU)')]);
    expect(standard[0]).toContain('Give the capacity a GPU image: Ec2CapacityImage.amazonLinux2023Gpu()');
    expect(withImage('{{resolve:ssm:/aws/service/bottlerocket/aws-ecs-2/x86_64/latest/image_id}}')).toHaveLength(1);
    expect(withImage({ Ref: 'SsmParameterValueImage' }, '/aws/service/ecs/optimized-ami/amazon-linux-2023/gpu/recommended/image_id')).toEqual([]);
    expect(withImage('{{resolve:ssm:/aws/service/bottlerocket/aws-ecs-2-nvidia/x86_64/latest/image_id}}')).toEqual([]);
    expect(withImage('ami-0123456789abcdef0')).toEqual([]); // a custom AMI may carry the driver
    expect(withImage({ Ref: 'ImageParameter' })).toEqual([]);
  });

  test('bad: task-level cpu as vCPU text, and burstable sizes', () => {
    expect(messages({ types: ['t3.micro'], taskCpu: '4 vCPU', taskMemory: '512' })).toEqual([expect.stringContaining('needs 4096 CPU units (the largest instance has 2048)')]);
    expect(messages({ types: ['t3.micro'], taskMemory: '2 GB' })).toEqual([expect.stringContaining('needs 2048 MiB of memory (Memory; the largest instance has 1024 MiB installed')]);
  });

  test('bad: exactly the installed memory (the agent registers less: the kernel and platform keep some)', () => {
    expect(messages({ types: ['m6i.large'], taskMemory: '8192' })).toEqual([expect.stringContaining('needs 8192 MiB of memory (Memory; the largest instance has 8192 MiB installed')]);
    expect(messages({ types: ['m6i.large'], containers: [{ Name: 'a', Image: 'x', MemoryReservation: 8192 }] })).toHaveLength(1);
  });

  test('good: fits one of the types (memory below the installed amount), or another provider of the strategy', () => {
    expect(messages({ types: ['m6i.large', 'r6i.large'], taskMemory: '16000' })).toEqual([]);
    expect(messages({ types: ['m6i.large'], taskMemory: '8191', taskCpu: '2048' })).toEqual([]);
    const o = template({ taskMemory: '16384' });
    o.Big = { Type: 'AWS::ECS::CapacityProvider', Properties: { AutoScalingGroupProvider: { AutoScalingGroupArn: 'arn:aws:autoscaling:eu-west-1:1:autoScalingGroup:x' } } };
    (o.Svc.Properties as Record<string, unknown>).CapacityProviderStrategy = [{ CapacityProvider: { Ref: 'Provider' }, Weight: 1 }, { CapacityProvider: { Ref: 'Big' }, Weight: 1 }];
    expect(check(RC10_TASK_FITS_INSTANCES, o)).toEqual([]); // the second group is outside the app: it may be large
  });

  test('silent: unknown or unresolved types and sizes, Fargate in the strategy', () => {
    expect(messages({ types: ['x2iedn.xlarge'], taskMemory: '65536' })).toEqual([]);
    expect(messages({ types: ['m6i.metal'], taskMemory: '65536' })).toEqual([]);
    expect(messages({ types: [{ Ref: 'InstanceType' }], taskMemory: '65536' })).toEqual([]);
    expect(messages({ taskMemory: { Ref: 'Memory' } })).toEqual([]);
    expect(messages({ containers: [{ Name: 'app', Image: 'x' }] })).toEqual([]); // no memory at all: another rule's finding
    expect(messages({ taskMemory: '65536', strategy: [{ CapacityProvider: { Ref: 'Provider' }, Weight: 1 }, { CapacityProvider: 'FARGATE', Weight: 1 }] })).toEqual([]);
  });
});

describe('instance size table', () => {
  test('known sizes', () => {
    expect(instanceSize('m6i.large')).toEqual({ vcpu: 2, memoryMiB: 8192, gpus: 0 });
    expect(instanceSize('c7g.medium')).toEqual({ vcpu: 1, memoryMiB: 2048, gpus: 0 });
    expect(instanceSize('r6i.24xlarge')).toEqual({ vcpu: 96, memoryMiB: 786432, gpus: 0 });
    expect(instanceSize('c5.9xlarge')).toEqual({ vcpu: 36, memoryMiB: 73728, gpus: 0 });
    expect(instanceSize('t4g.nano')).toEqual({ vcpu: 2, memoryMiB: 512, gpus: 0 });
    expect(instanceSize('g5.48xlarge')).toEqual({ vcpu: 192, memoryMiB: 786432, gpus: 8 });
    expect(instanceSize('g4dn.16xlarge')).toEqual({ vcpu: 64, memoryMiB: 262144, gpus: 1 });
    expect(instanceSize('g5g.xlarge')).toEqual({ vcpu: 4, memoryMiB: 8192, gpus: 1 });
    expect(instanceSize('g5g.16xlarge')).toEqual({ vcpu: 64, memoryMiB: 131072, gpus: 2 });
    expect(instanceSize('g5g.large')).toBeUndefined();
    for (const unknown of ['c5n.large', 'g5.large', 'm6i.metal', 'x2idn.16xlarge', 'nonsense']) expect(instanceSize(unknown)).toBeUndefined();
  });

  test('property: memory per vCPU is the family ratio at every evenly scaled size', () => {
    fc.assert(fc.property(fc.constantFrom(['m6i', 4], ['c7g', 2], ['r7i', 8]), fc.integer({ min: 1, max: 48 }), ([family, ratio], n) => {
      const size = instanceSize(`${family}.${n}xlarge`)!;
      return size.vcpu === 4 * n && size.memoryMiB === size.vcpu * (ratio as number) * 1024;
    }));
  });
});

describe('ECS-RC-10 on kit templates', () => {
  const run = (stack: Stack) => {
    const model = new AssemblyModel([{ name: stack.stackName, template: Template.fromStack(stack).toJSON() }]);
    return runRules(model, { rules: [RC10_TASK_FITS_INSTANCES] }).map((f) => f.message);
  };
  const base = () => {
    const stack = new Stack(new App(), 'Fit');
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 });
    return { stack, cluster: new EcsCluster(stack, 'Cluster', { vpc }) };
  };

  test('bad: a 16 GiB Ec2Task on the default capacity (m6i.large, m7i.large) fails synth (the service runs the rule); good: 4 GiB', () => {
    const build = (memoryMiB: number) => {
      const { stack, cluster } = base();
      cluster.addEc2Capacity('Ec2');
      new WorkerService(stack, 'Worker', { cluster, task: new Ec2Task(stack, 'Task', { memoryMiB, container: { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/busybox:1.36') } }) });
      return stack;
    };
    expect(() => Template.fromStack(build(16384))).toThrow(/\[ECS-RC-10\] task Fit\/Task\/TaskDefinition needs 16384 MiB of memory \(Memory; the largest instance has 8192 MiB installed/);
    expect(run(build(4096))).toEqual([]);
  });

  test('bad: a GPU task on GPU capacity given the standard image explicitly; good: the default (GPU) image', () => {
    const build = (image?: Ec2CapacityImage) => {
      const { stack, cluster } = base();
      const capacity = cluster.addEc2Capacity('Gpu', { instanceTypes: [new ec2.InstanceType('g5.xlarge')], image });
      const task = new Ec2Task(stack, 'Task', { memoryMiB: 4096, container: { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/busybox:1.36'), gpuCount: 1 } });
      new WorkerService(stack, 'Worker', { cluster, task, capacity });
      return stack;
    };
    expect(() => Template.fromStack(build(Ec2CapacityImage.amazonLinux2023()))).toThrow(/\[ECS-RC-10\] task Fit\/Task\/TaskDefinition needs 1 GPU \(the instances have at most 0: image .*has no NVIDIA driver/);
    expect(run(build())).toEqual([]);
  });

  test('bad: a 2-GPU task on Graviton g5g.8xlarge (one GPU); good: on g5g.16xlarge with bottlerocketNvidia(), not with bottlerocket()', () => {
    const build = (type: string, image: Ec2CapacityImage) => {
      const { stack, cluster } = base();
      const capacity = cluster.addEc2Capacity('Gpu', { instanceTypes: [new ec2.InstanceType(type)], image });
      const task = new Ec2Task(stack, 'Task', {
        memoryMiB: 4096,
        cpuArchitecture: ecs.CpuArchitecture.ARM64,
        container: { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/busybox:1.36'), gpuCount: 2 },
      });
      new WorkerService(stack, 'Worker', { cluster, task, capacity });
      return stack;
    };
    expect(() => Template.fromStack(build('g5g.8xlarge', Ec2CapacityImage.bottlerocketNvidia()))).toThrow(/needs 2 GPUs \(the instances have at most 1\)/);
    expect(() => Template.fromStack(build('g5g.16xlarge', Ec2CapacityImage.bottlerocket()))).toThrow(
      /image \/aws\/service\/bottlerocket\/aws-ecs-2\/arm64\/latest\/image_id has no NVIDIA driver.*bottlerocketNvidia\(\)/s);
    expect(run(build('g5g.16xlarge', Ec2CapacityImage.bottlerocketNvidia()))).toEqual([]);
  });

  test('bad: a Managed Instances task above the requirements\' maximums', () => {
    const { stack, cluster } = base();
    const mi = cluster.addManagedInstancesCapacity('Mi', {
      instanceRequirements: { vCpuCountMin: 2, vCpuCountMax: 2, memoryMin: Size.gibibytes(4), memoryMax: Size.gibibytes(8) },
    });
    const task = new ManagedInstancesTask(stack, 'Task', { cpu: 8192, memoryMiB: 32768, container: { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/busybox:1.36') } });
    new WorkerService(stack, 'Worker', { cluster, task, managedInstancesCapacity: mi });
    expect(() => Template.fromStack(stack)).toThrow(new RegExp('needs 32768 MiB of memory \\(Memory; the largest instance has 8192 MiB installed, and ECS registers less than that for tasks\\) and 8192 CPU units \\(the largest instance has 2048\\).*'
      + 'Use larger instance types for the capacity \\(raise the Managed Instances requirements\' VCpuCount and MemoryMiB maximums\\)'));
  });

  test('bad: a Managed Instances task larger than every allowed instance type, or needing a GPU none has (found by a Managed Instances user trial)', () => {
    const build = (instanceTypes: string[], task: { cpu?: number; gpuCount?: number }) => {
      const { stack, cluster } = base();
      const mi = cluster.addManagedInstancesCapacity('Mi', { instanceTypes: instanceTypes.map((t) => new ec2.InstanceType(t)) });
      const image = ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/busybox:1.36');
      const t = new ManagedInstancesTask(stack, 'Task', { cpu: task.cpu ?? 1024, memoryMiB: 2048, container: { image, gpuCount: task.gpuCount } });
      new WorkerService(stack, 'Worker', { cluster, task: t, managedInstancesCapacity: mi });
      return stack;
    };
    expect(() => Template.fromStack(build(['m6i.large', 'c6i.large'], { cpu: 4096 })))
      .toThrow(/needs 4096 CPU units \(the largest instance has 2048\), more than any instance of Fit\/Cluster\/Mi\S* \(m6i\.large or c6i\.large\).*larger Managed Instances instanceTypes/);
    expect(() => Template.fromStack(build(['m6i.xlarge'], { gpuCount: 1 })))
      .toThrow(/needs 1 GPU \(the instances have at most 0\).*for GPUs, GPU types such as g5 or g6/);
    expect(run(build(['m6i.xlarge'], { cpu: 4096 }))).toEqual([]);
    expect(run(build(['g5.xlarge'], { gpuCount: 1 }))).toEqual([]);
  });

  const bigTask = (stack: Stack, memoryReservationMiB: number) =>
    new Ec2Task(stack, 'Task', { container: { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/busybox:1.36'), memoryReservationMiB } });

  test('bad: a DaemonService task larger than its capacity\'s instances (it runs on none); good: one that fits', () => {
    const build = (memoryMiB: number) => {
      const { stack, cluster } = base();
      const capacity = cluster.addEc2Capacity('Ec2');
      new DaemonService(stack, 'Agent', { cluster, capacity, task: bigTask(stack, memoryMiB) });
      return stack;
    };
    expect(() => Template.fromStack(build(20000))).toThrow(/\[ECS-RC-10\] task Fit\/Task\/TaskDefinition needs 20000 MiB of memory .* at Fit\/Agent\/Service\/Service/);
    expect(run(build(2048))).toEqual([]);
  });

  test('a daemon pinned by memberOf to one of two capacities is judged on that capacity\'s instances only', () => {
    const build = (pinned: string) => {
      const { stack, cluster } = base();
      const small = cluster.addEc2Capacity('Small', { instanceTypes: [new ec2.InstanceType('m6i.large')] });
      const large = cluster.addEc2Capacity('Large', { instanceTypes: [new ec2.InstanceType('r6i.xlarge')] });
      new DaemonService(stack, 'Agent', { cluster, capacity: pinned === 'small' ? small : large, task: bigTask(stack, 16000) });
      return stack;
    };
    expect(() => Template.fromStack(build('small'))).toThrow(/needs 16000 MiB .*Fit\/Cluster\/Small\/CapacityProvider\/CapacityProvider \(m6i.large\) offers/);
    expect(run(build('large'))).toEqual([]);
  });

  test('bad: a ScheduledJob on EC2 capacity whose task fits no instance (each run fails to place); good: one that fits', () => {
    const build = (memoryMiB: number) => {
      const { stack, cluster } = base();
      const capacity = cluster.addEc2Capacity('Ec2');
      new ScheduledJob(stack, 'Job', { cluster, capacity, task: bigTask(stack, memoryMiB), schedule: scheduler.ScheduleExpression.rate(Duration.hours(1)) });
      return stack;
    };
    expect(() => Template.fromStack(build(20000))).toThrow(/\[ECS-RC-10\] task Fit\/Task\/TaskDefinition needs 20000 MiB of memory .* at Fit\/Job\/Schedule/);
    expect(run(build(2048))).toEqual([]);
  });
});

describe('ECS-RC-10 on daemons and schedules (L1)', () => {
  const daemon = (extra: Resources = {}, memory = 20000): Resources => {
    const t = template({ taskMemory: String(memory) });
    const { Svc: _svc, ...rest } = t;
    return {
      ...rest,
      Cluster: { Type: 'AWS::ECS::Cluster', Properties: {} },
      Assoc: { Type: 'AWS::ECS::ClusterCapacityProviderAssociations', Properties: { Cluster: { Ref: 'Cluster' }, CapacityProviders: ['FARGATE', { Ref: 'Provider' }], DefaultCapacityProviderStrategy: [] } },
      Daemon: { Type: 'AWS::ECS::Service', Properties: { Cluster: { Ref: 'Cluster' }, TaskDefinition: { Ref: 'Task' }, LaunchType: 'EC2', SchedulingStrategy: 'DAEMON' } },
      ...extra,
    };
  };

  test('bad: a daemon larger than every EC2 provider of its cluster; good: smaller', () => {
    expect(check(RC10_TASK_FITS_INSTANCES, daemon()).map((f) => f.message)).toEqual([expect.stringContaining('needs 20000 MiB of memory')]);
    expect(check(RC10_TASK_FITS_INSTANCES, daemon({}, 4096))).toEqual([]);
  });

  test('silent: an Auto Scaling group outside the providers joins the cluster (its instances may be larger); a replica service without a strategy', () => {
    const bare = {
      BareLt: { Type: 'AWS::EC2::LaunchTemplate', Properties: { LaunchTemplateData: { InstanceType: 'r6i.4xlarge', UserData: { 'Fn::Base64': { 'Fn::Join': ['', ['echo ECS_CLUSTER=', { Ref: 'Cluster' }]] } } } } },
      BareAsg: { Type: 'AWS::AutoScaling::AutoScalingGroup', Properties: { MinSize: '1', MaxSize: '1', LaunchTemplate: { LaunchTemplateId: { Ref: 'BareLt' } } } },
    };
    expect(check(RC10_TASK_FITS_INSTANCES, daemon(bare))).toEqual([]);
    const replica = daemon();
    (replica.Daemon.Properties as Record<string, unknown>).SchedulingStrategy = 'REPLICA';
    expect(check(RC10_TASK_FITS_INSTANCES, replica)).toEqual([]);
  });

  test('bad: an EventBridge rule and a Scheduler schedule running the task on the provider; silent on Fargate', () => {
    const target = (providers: unknown[]) => ({ TaskDefinitionArn: { Ref: 'Task' }, CapacityProviderStrategy: providers.map((p) => ({ CapacityProvider: p, Weight: 1 })) });
    const t = template({ taskMemory: '20000' });
    const schedules: Resources = {
      Rule: { Type: 'AWS::Events::Rule', Properties: { ScheduleExpression: 'rate(1 hour)', Targets: [{ Id: 't', Arn: 'arn:aws:ecs:eu-west-1:111111111111:cluster/c', EcsParameters: target([{ Ref: 'Provider' }]) }] } },
      Schedule: { Type: 'AWS::Scheduler::Schedule', Properties: { ScheduleExpression: 'rate(1 hour)', FlexibleTimeWindow: { Mode: 'OFF' }, Target: { Arn: 'arn:aws:ecs:eu-west-1:111111111111:cluster/c', RoleArn: 'arn:aws:iam::111111111111:role/r', EcsParameters: target([{ Ref: 'Provider' }]) } } },
      OnFargate: { Type: 'AWS::Scheduler::Schedule', Properties: { ScheduleExpression: 'rate(1 hour)', FlexibleTimeWindow: { Mode: 'OFF' }, Target: { Arn: 'arn:aws:ecs:eu-west-1:111111111111:cluster/c', RoleArn: 'arn:aws:iam::111111111111:role/r', EcsParameters: target(['FARGATE']) } } },
    };
    const findings = check(RC10_TASK_FITS_INSTANCES, { ...t, ...schedules }).filter((f) => f.logicalId !== 'Svc');
    expect(findings.map((f) => [f.logicalId, f.property])).toEqual([
      ['Rule', 'Properties/Targets/0/EcsParameters/CapacityProviderStrategy'],
      ['Schedule', 'Properties/Target/EcsParameters/CapacityProviderStrategy'],
    ]);
  });
});
