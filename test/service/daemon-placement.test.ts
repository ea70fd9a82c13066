/**
 * DaemonService on an EcsCluster with several Ec2Capacity: the daemon runs only on its capacity's
 * instances. DAEMON services take no capacity provider strategy (CreateService: "Specifying a capacity
 * provider strategy is not supported when you create a service using the DAEMON scheduling strategy",
 * aws/containers-roadmap#692), and ECS runs one daemon task on each instance that meets the placement
 * constraints (ecs_service-options.html), so the kit adds memberOf on a custom instance attribute.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { ec2Task, Fixture, fixture, IMAGE, synthOnce } from './helpers';
import { Ec2Capacity, Ec2CapacityImage } from '../../src/capacity';
import { BackendService, DaemonService, ScheduledJob, WorkerService } from '../../src/service';
import { Ec2Task, ManagedInstancesTask } from '../../src/task';

const ATTRIBUTE = /^attribute:cdk-ecs-kit-capacity == ([A-Za-z0-9]{1,128})$/;

function armTask(f: Fixture, id = 'ArmTask'): Ec2Task {
  return new Ec2Task(f.stack, id, { cpuArchitecture: ecs.CpuArchitecture.ARM64, networkMode: ecs.NetworkMode.BRIDGE, container: { image: IMAGE } });
}

/** An x86 and an ARM64 capacity, as in the user report. */
function twoCapacities(f: Fixture): { x86: Ec2Capacity; arm: Ec2Capacity } {
  const x86 = f.cluster.addEc2Capacity('X86');
  const arm = f.cluster.addEc2Capacity('Arm', { instanceTypes: [new ec2.InstanceType('m7g.large'), new ec2.InstanceType('m6g.large')] });
  return { x86, arm };
}

/** The rendered user data of a capacity's launch template, with Refs shown as <Ref>. */
function userData(t: Template, capacity: Ec2Capacity): string {
  const id = Stack.of(capacity).getLogicalId(capacity.launchTemplate.node.defaultChild as ec2.CfnLaunchTemplate);
  const base64 = t.toJSON().Resources[id].Properties.LaunchTemplateData.UserData['Fn::Base64'];
  if (typeof base64 === 'string') return base64;
  const [sep, parts] = base64['Fn::Join'];
  return parts.map((p: unknown) => typeof p === 'string' ? p : '<Ref>').join(sep);
}

function daemonService(t: Template): Record<string, any> {
  const services = Object.values(t.findResources('AWS::ECS::Service', { Properties: { SchedulingStrategy: 'DAEMON' } }));
  expect(services).toHaveLength(1);
  return services[0].Properties;
}

describe('DaemonService placement on its capacity', () => {
  test('two capacities: the daemon is confined to its capacity, whose instances alone register the attribute', () => {
    const f = fixture();
    const { x86, arm } = twoCapacities(f);
    new DaemonService(f.stack, 'Agent', { cluster: f.cluster, task: armTask(f), capacity: arm });
    const t = synthOnce(f.app, f.stack).t;
    const svc = daemonService(t);
    expect(svc.LaunchType).toBe('EC2');
    expect(svc.CapacityProviderStrategy).toBeUndefined();
    expect(svc.PlacementConstraints).toHaveLength(1);
    expect(svc.PlacementConstraints[0].Type).toBe('memberOf');
    const value = ATTRIBUTE.exec(svc.PlacementConstraints[0].Expression)![1];
    expect(userData(t, arm)).toContain(`\necho 'ECS_INSTANCE_ATTRIBUTES={"cdk-ecs-kit-capacity":"${value}"}' >> /etc/ecs/ecs.config`);
    expect(userData(t, x86)).not.toContain('ECS_INSTANCE_ATTRIBUTES');
  });

  test('the capacity\'s default is constrained too, when a second capacity is added after the daemon', () => {
    const f = fixture();
    const only = f.cluster.addEc2Capacity('Only');
    new DaemonService(f.stack, 'Agent', { cluster: f.cluster, task: ec2Task(f.stack) });
    f.cluster.addEc2Capacity('Later');
    const t = synthOnce(f.app, f.stack).t;
    const value = ATTRIBUTE.exec(daemonService(t).PlacementConstraints[0].Expression)![1];
    expect(userData(t, only)).toContain(`"cdk-ecs-kit-capacity":"${value}"`);
  });

  test('one capacity: no constraint and the user data is the one without a daemon (no launch template change)', () => {
    const without = fixture();
    const plain = without.cluster.addEc2Capacity('Ec2');
    const before = userData(synthOnce(without.app, without.stack).t, plain);

    const f = fixture();
    const capacity = f.cluster.addEc2Capacity('Ec2');
    new DaemonService(f.stack, 'Agent', { cluster: f.cluster, task: ec2Task(f.stack) });
    const t = synthOnce(f.app, f.stack).t;
    expect(daemonService(t).PlacementConstraints).toBeUndefined();
    expect(userData(t, capacity)).toBe(before);
    expect(before).not.toContain('ECS_INSTANCE_ATTRIBUTES');
  });

  test('two daemons on two capacities get different values; a replica service on the daemon\'s capacity keeps its strategy and no constraint', () => {
    const f = fixture();
    const { x86, arm } = twoCapacities(f);
    new DaemonService(f.stack, 'ArmAgent', { cluster: f.cluster, task: armTask(f), capacity: arm });
    new DaemonService(f.stack, 'X86Agent', { cluster: f.cluster, task: ec2Task(f.stack), capacity: x86 });
    new WorkerService(f.stack, 'Worker', { cluster: f.cluster, task: armTask(f, 'WorkerTask'), capacity: arm });
    const t = synthOnce(f.app, f.stack).t;
    const expressions = Object.values(t.findResources('AWS::ECS::Service', { Properties: { SchedulingStrategy: 'DAEMON' } }))
      .map((r) => r.Properties.PlacementConstraints[0].Expression as string);
    const values = expressions.map((e) => ATTRIBUTE.exec(e)![1]);
    expect(new Set(values).size).toBe(2);
    expect(values.filter((v) => userData(t, arm).includes(`"${v}"`))).toHaveLength(1);
    expect(values.filter((v) => userData(t, x86).includes(`"${v}"`))).toHaveLength(1);
    const replica = Object.values(t.findResources('AWS::ECS::Service', { Properties: { SchedulingStrategy: 'REPLICA' } }))[0].Properties;
    expect(replica.PlacementConstraints).toBeUndefined();
    expect(replica.CapacityProviderStrategy).toEqual([expect.objectContaining({ Weight: 1 })]);
  });

  test('constraints added to the aws-cdk-lib service are kept next to the kit\'s', () => {
    const f = fixture();
    const { arm } = twoCapacities(f);
    const daemon = new DaemonService(f.stack, 'Agent', { cluster: f.cluster, task: armTask(f), capacity: arm });
    (daemon.service as ecs.Ec2Service).addPlacementConstraints(ecs.PlacementConstraint.memberOf('attribute:ecs.instance-type =~ m7g.*'));
    const constraints = daemonService(synthOnce(f.app, f.stack).t).PlacementConstraints;
    expect(constraints).toEqual([
      { Type: 'memberOf', Expression: 'attribute:ecs.instance-type =~ m7g.*' },
      { Type: 'memberOf', Expression: expect.stringMatching(ATTRIBUTE) },
    ]);
  });

  test('Bottlerocket registers the attribute as settings.ecs.instance-attributes, inside [settings.ecs]', () => {
    const f = fixture();
    f.cluster.addEc2Capacity('Al');
    const br = f.cluster.addEc2Capacity('Br', { image: Ec2CapacityImage.bottlerocket() });
    new DaemonService(f.stack, 'Agent', { cluster: f.cluster, task: ec2Task(f.stack), capacity: br });
    const t = synthOnce(f.app, f.stack).t;
    const value = ATTRIBUTE.exec(daemonService(t).PlacementConstraints[0].Expression)![1];
    const text = userData(t, br);
    expect(text).toMatch(new RegExp(`^\n?\\[settings\\.ecs\\]\\n(?:[a-z-]+ = .*\\n)+instance-attributes = \\{ "cdk-ecs-kit-capacity" = "${value}" \\}$`));
  });

  test('Windows sets ECS_INSTANCE_ATTRIBUTES in the machine environment before Initialize-ECSAgent', () => {
    const f = fixture();
    f.cluster.addEc2Capacity('Linux');
    const win = f.cluster.addEc2Capacity('Win', { image: Ec2CapacityImage.windowsServer() });
    const task = new Ec2Task(f.stack, 'WinTask', { windows: true, networkMode: ecs.NetworkMode.AWS_VPC, container: { image: IMAGE, memoryLimitMiB: 512 } });
    new DaemonService(f.stack, 'Agent', { cluster: f.cluster, task, capacity: win });
    const t = synthOnce(f.app, f.stack).t;
    const value = ATTRIBUTE.exec(daemonService(t).PlacementConstraints[0].Expression)![1];
    const text = userData(t, win);
    const env = `[Environment]::SetEnvironmentVariable("ECS_INSTANCE_ATTRIBUTES", '{"cdk-ecs-kit-capacity":"${value}"}', "Machine")\nInitialize-ECSAgent`;
    expect(text).toContain(env);
  });
});

describe('DaemonService refuses Managed Instances (ECS-SV-07)', () => {
  test('managedInstancesCapacity with an Ec2Task', () => {
    const f = fixture();
    f.cluster.addEc2Capacity('Ec2');
    const mi = f.cluster.addManagedInstancesCapacity('MI');
    expect(() => new DaemonService(f.stack, 'D', { cluster: f.cluster, task: ec2Task(f.stack), managedInstancesCapacity: mi }))
      .toThrow(/\[ECS-SV-07\] managedInstancesCapacity Svc\/Cluster\/MI is set on a DaemonService at Svc\/D; allowed: an EC2 task on an Ec2Capacity: DAEMON services run one task on each EC2 container instance, not on Fargate or Managed Instances\. Remove managedInstancesCapacity and run an Ec2Task on an Ec2Capacity \(capacity\), or, for one task on each Managed Instances instance, use ECS Managed Daemons \(ecs\.CfnDaemon\)\./);
  });

  test('a ManagedInstancesTask', () => {
    const f = fixture();
    f.cluster.addManagedInstancesCapacity('MI');
    const task = new ManagedInstancesTask(f.stack, 'MiTask', { container: { image: IMAGE } });
    expect(() => new DaemonService(f.stack, 'D', { cluster: f.cluster, task }))
      .toThrow(/\[ECS-SV-07\] task Svc\/MiTask runs on Managed Instances at Svc\/D; .* Run an Ec2Task on an Ec2Capacity \(capacity\), or, for one task on each Managed Instances instance, use ECS Managed Daemons/);
  });

  test('a cluster without EC2 capacity: the fix adds one, and does not suggest a FargateTask', () => {
    const f = fixture();
    expect(() => new DaemonService(f.stack, 'D', { cluster: f.cluster, task: ec2Task(f.stack) }))
      .toThrow(/\[KIT-SERVICE-CAPACITY\] task Svc\/Ec2Task runs on EC2 \(a DAEMON service runs one task on each container instance\), .* has 0 Ec2Capacity at Svc\/D; .* Add EC2 capacity to the cluster: cluster\.addEc2Capacity\(\.\.\.\); a daemon runs one task on each of its instances\.$/); // A replica service may move to Fargate instead.
    expect(() => new BackendService(f.stack, 'B', { cluster: f.cluster, task: ec2Task(f.stack, 'T2') }))
      .toThrow(/Add EC2 capacity to the cluster: cluster\.addEc2Capacity\(\.\.\.\), or run a FargateTask\.$/);
  });

  test('an Ec2Task on an Ec2Capacity still synthesizes', () => {
    const f = fixture();
    f.cluster.addEc2Capacity('Ec2', { minCapacity: 1 });
    f.cluster.addManagedInstancesCapacity('MI');
    new DaemonService(f.stack, 'D', { cluster: f.cluster, task: ec2Task(f.stack) });
    expect(daemonService(synthOnce(f.app, f.stack).t).LaunchType).toBe('EC2');
  });
});

describe('KIT-SERVICE-DAEMON-IDLE warning', () => {
  const idle = (warnings: { path: string; text: string }[]) => warnings.filter((w) => w.text.includes('[KIT-SERVICE-DAEMON-IDLE]'));

  test('minCapacity 0 and nothing else on the capacity', () => {
    const f = fixture();
    f.cluster.addEc2Capacity('Ec2');
    new DaemonService(f.stack, 'Agent', { cluster: f.cluster, task: ec2Task(f.stack) });
    const warnings = idle(synthOnce(f.app, f.stack).warnings);
    expect(warnings).toHaveLength(1);
    expect(warnings[0].path).toBe('/Svc/Agent');
    expect(warnings[0].text).toMatch(/^\[KIT-SERVICE-DAEMON-IDLE\] capacity Svc\/Cluster\/Ec2 has minCapacity 0 and no replica service or ScheduledJob runs on it, .* at Svc\/Agent; allowed: .*Set minCapacity on the Ec2Capacity/);
  });

  test('no warning with minCapacity 1', () => {
    const f = fixture();
    f.cluster.addEc2Capacity('Ec2', { minCapacity: 1 });
    new DaemonService(f.stack, 'Agent', { cluster: f.cluster, task: ec2Task(f.stack) });
    expect(idle(synthOnce(f.app, f.stack).warnings)).toEqual([]);
  });

  test('no warning with a replica service on the capacity, added after the daemon', () => {
    const f = fixture();
    f.cluster.addEc2Capacity('Ec2');
    new DaemonService(f.stack, 'Agent', { cluster: f.cluster, task: ec2Task(f.stack) });
    new WorkerService(f.stack, 'Worker', { cluster: f.cluster, task: ec2Task(f.stack, 'WorkerTask') });
    expect(idle(synthOnce(f.app, f.stack).warnings)).toEqual([]);
  });

  test('no warning with a plain aws-cdk-lib Ec2Service whose strategy names the capacity', () => {
    const f = fixture();
    const capacity = f.cluster.addEc2Capacity('Ec2');
    new DaemonService(f.stack, 'Agent', { cluster: f.cluster, task: ec2Task(f.stack) });
    const td = new ecs.Ec2TaskDefinition(f.stack, 'PlainTd');
    td.addContainer('app', { image: IMAGE, memoryLimitMiB: 256 });
    new ecs.Ec2Service(f.stack, 'Plain', {
      cluster: f.cluster.cluster, taskDefinition: td, capacityProviderStrategies: [{ capacityProvider: capacity.capacityProviderName, weight: 1 }],
    });
    expect(idle(synthOnce(f.app, f.stack).warnings)).toEqual([]);
  });

  test('no warning with a ScheduledJob on the capacity; a replica service on another capacity does not count', () => {
    const f = fixture();
    const { x86, arm } = twoCapacities(f);
    new DaemonService(f.stack, 'Agent', { cluster: f.cluster, task: ec2Task(f.stack), capacity: x86 });
    new WorkerService(f.stack, 'Worker', { cluster: f.cluster, task: armTask(f), capacity: arm });
    expect(idle(synthOnce(f.app, f.stack).warnings)).toHaveLength(1);

    const g = fixture();
    const { x86: x } = twoCapacities(g);
    new DaemonService(g.stack, 'Agent', { cluster: g.cluster, task: ec2Task(g.stack), capacity: x });
    new ScheduledJob(g.stack, 'Job', { cluster: g.cluster, task: ec2Task(g.stack, 'JobTask'), capacity: x, schedule: scheduler.ScheduleExpression.rate(Duration.hours(1)) });
    expect(idle(synthOnce(g.app, g.stack).warnings)).toEqual([]);
  });
});

describe('a bridge task with a fixed host port', () => {
  // One task per instance: the fixed port never conflicts. A replica service of the same task may place two on one host.
  test('passes KIT-TASK-BRIDGE-HOST-PORT when only DaemonServices run it; fails when a replica service runs it too', () => {
    const build = (replica: boolean) => {
      const f = fixture();
      f.cluster.addEc2Capacity('Ec2', { minCapacity: 1 });
      const task = new Ec2Task(f.stack, 'StatsdTask', { networkMode: ecs.NetworkMode.BRIDGE, container: { image: IMAGE, portMappings: [{ containerPort: 8125, hostPort: 8125, protocol: ecs.Protocol.UDP }] } });
      new DaemonService(f.stack, 'Statsd', { cluster: f.cluster, task });
      if (replica) new ecs.Ec2Service(f.stack, 'Replica', { cluster: f.cluster, taskDefinition: task.taskDefinition, minHealthyPercent: 0 });
      return f.app;
    };
    expect(() => build(false).synth()).not.toThrow();
    expect(() => build(true).synth()).toThrow(/\[KIT-TASK-BRIDGE-HOST-PORT\] Container 'app' maps container port 8125 to fixed host port 8125 in bridge mode \(a DaemonService runs it, but so does Svc\/Replica\) at Svc\/StatsdTask/);
  });

  // RunTask places a second copy next to the daemon's: the fixed port is taken on every instance.
  test('fails when a ScheduledJob or an EventBridge rule in another stack also runs it', () => {
    const build = (runner: 'job' | 'rule') => {
      const f = fixture();
      const capacity = f.cluster.addEc2Capacity('Ec2', { minCapacity: 1 });
      const task = new Ec2Task(f.stack, 'StatsdTask', { networkMode: ecs.NetworkMode.BRIDGE, container: { image: IMAGE, portMappings: [{ containerPort: 8125, hostPort: 8125 }] } });
      new DaemonService(f.stack, 'Statsd', { cluster: f.cluster, task });
      if (runner === 'job') new ScheduledJob(f.stack, 'Flush', { cluster: f.cluster, task, capacity, schedule: scheduler.ScheduleExpression.rate(Duration.hours(1)) });
      if (runner === 'rule') {
        const other = new Stack(f.app, 'Jobs', { env: { account: f.stack.account, region: f.stack.region } });
        new events.Rule(other, 'Flush', {
          schedule: events.Schedule.rate(Duration.hours(1)),
          targets: [new targets.EcsTask({ cluster: f.cluster, taskDefinition: task.taskDefinition })],
        });
      }
      return f.app;
    };
    expect(() => build('job').synth()).toThrow(/fixed host port 8125 in bridge mode \(a DaemonService runs it, but so does Svc\/Flush\/Schedule\) at Svc\/StatsdTask/);
    expect(() => build('rule').synth()).toThrow(/fixed host port 8125 in bridge mode \(a DaemonService runs it, but so does Jobs\/Flush\/Resource\) at Svc\/StatsdTask/);
  });
});

describe('allowFrom on a bridge task with a fixed host port', () => {
  test('opens the host port (not the dynamic range) whether given the container or the host port, without KIT-SERVICE-PORT-UNMAPPED', () => {
    const f = fixture();
    const capacity = f.cluster.addEc2Capacity('Ec2', { minCapacity: 1 });
    // Only a daemon runs it, so KIT-TASK-BRIDGE-HOST-PORT needs no acknowledgement.
    const task = new Ec2Task(f.stack, 'StatsdTask', { networkMode: ecs.NetworkMode.BRIDGE, container: { image: IMAGE, portMappings: [{ containerPort: 8125, hostPort: 80 }] } });
    const daemon = new DaemonService(f.stack, 'Statsd', { cluster: f.cluster, task });
    const callers = new ec2.SecurityGroup(f.stack, 'Callers', { vpc: f.vpc });
    daemon.allowFrom(callers, 80);
    daemon.allowFrom(callers, 8125);
    const { t, warnings } = synthOnce(f.app, f.stack);
    expect(warnings.filter((w) => w.text.includes('KIT-SERVICE-PORT-UNMAPPED'))).toEqual([]);
    const rules = Object.values(t.findResources('AWS::EC2::SecurityGroupIngress', {
      Properties: {
        GroupId: f.stack.resolve(capacity.securityGroup.securityGroupId),
        SourceSecurityGroupId: f.stack.resolve(callers.securityGroupId),
      },
    })).map((r) => `${r.Properties.FromPort}-${r.Properties.ToPort}`);
    expect(rules).toEqual(['80-80']);
  });
});

