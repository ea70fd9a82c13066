/**
 * Issue 13, items 2-6: what users bring from aws-cdk-lib. Clusters (ecs.Cluster,
 * imported), task definitions (plain L2, TaskDefinitionJson), shared listeners
 * with many services, Service Connect on every service kind, public IPs.
 */
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { IMAGE, synthOnce } from './helpers';
import {
  BackendService, DaemonService, Ec2CapacityImage, Ec2Task, EcsChecks, EcsCluster, FargateSize, FargateTask, ScheduledJob, TaskDefinitionJson,
  WebService, WorkerService,
} from '../../src';

function base() {
  const app = new App();
  const stack = new Stack(app, 'Byo');
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 });
  const cert = acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:eu-west-1:123456789012:certificate/abc');
  const task = (id: string, name?: string) => new FargateTask(stack, id, {
    container: { image: IMAGE, portMappings: [{ containerPort: 8080, name }] },
  });
  return { app, stack, vpc, cert, task };
}

describe('item 3: any ecs.ICluster', () => {
  test('a plain ecs.Cluster: the service runs on it, and FARGATE gets associated', () => {
    const { app, stack, vpc, cert, task } = base();
    const cluster = new ecs.Cluster(stack, 'Plain', { vpc });
    const web = new WebService(stack, 'Web', { cluster, task: task('T'), certificate: cert, accessLogs: false });
    const { t } = synthOnce(app, stack);
    expect(web.cluster).toBe(cluster);
    t.hasResourceProperties('AWS::ECS::Service', { Cluster: { Ref: Match.stringLikeRegexp('^Plain') }, CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE', Weight: 1 }] });
    t.hasResourceProperties('AWS::ECS::ClusterCapacityProviderAssociations', { CapacityProviders: Match.arrayWith(['FARGATE']) });
  });

  // ECS rejects a strategy naming a provider the cluster does not have yet (containers-roadmap#631): the service and
  // the schedule wait for the association aws-cdk-lib adds in an aspect, as an EcsCluster's do.
  test('services and schedules on a plain ecs.Cluster depend on its capacity provider associations', () => {
    const { app, stack, vpc, task } = base();
    const cluster = new ecs.Cluster(stack, 'Plain', { vpc });
    new WorkerService(stack, 'Worker', { cluster, task: task('T') });
    new ScheduledJob(stack, 'Job', { cluster, task: task('J'), schedule: scheduler.ScheduleExpression.rate(Duration.hours(1)) });
    const { t } = synthOnce(app, stack);
    const [association] = Object.keys(t.findResources('AWS::ECS::ClusterCapacityProviderAssociations'));
    expect(association).toBeDefined();
    t.hasResource('AWS::ECS::Service', { DependsOn: Match.arrayWith([association]) });
    t.hasResource('AWS::Scheduler::Schedule', { DependsOn: Match.arrayWith([association]) });
  });

  test('an imported cluster (EcsCluster.fromClusterAttributes): synthesizes, capacity becomes a warning', () => {
    const { app, stack, vpc, task } = base();
    const cluster = EcsCluster.fromClusterAttributes(stack, 'Imported', { clusterName: 'prod', vpc });
    new WorkerService(stack, 'Worker', { cluster, task: task('T') });
    const { t, warnings } = synthOnce(app, stack);
    t.hasResourceProperties('AWS::ECS::Service', { Cluster: 'prod' });
    expect(warnings.filter((w) => w.text.includes('KIT-SERVICE-CAPACITY-UNSEEN')).map((w) => w.path)).toEqual(['/Byo/Worker']);
  });

  test('ecs.Cluster.fromClusterArn has no VPC: a precise error instead of a TypeError', () => {
    const { stack, task } = base();
    const cluster = ecs.Cluster.fromClusterArn(stack, 'ByArn', 'arn:aws:ecs:eu-west-1:123456789012:cluster/prod');
    expect(() => new WorkerService(stack, 'Worker', { cluster, task: task('T') }))
      .toThrow(/\[KIT-SERVICE-CLUSTER\] cluster Byo\/ByArn has no VPC.*fromClusterAttributes/);
  });

  test('the kit cluster\'s inner ecs.Cluster works too (it maps back to the EcsCluster)', () => {
    const { app, stack, vpc, task } = base();
    const kit = new EcsCluster(stack, 'Kit', { vpc });
    new WorkerService(stack, 'Worker', { cluster: kit.cluster, task: task('T') });
    synthOnce(app, stack).t.hasResourceProperties('AWS::ECS::Service', { Cluster: { Ref: Match.stringLikeRegexp('^KitCluster') } });
  });

  test('the other way round: an EcsCluster works where aws-cdk-lib takes an ecs.ICluster', () => {
    const { app, stack, vpc } = base();
    const cluster = new EcsCluster(stack, 'Kit', { vpc });
    const td = new ecs.FargateTaskDefinition(stack, 'Td');
    td.addContainer('app', { image: IMAGE });
    new ecs.FargateService(stack, 'Plain', { cluster, taskDefinition: td });
    synthOnce(app, stack).t.hasResourceProperties('AWS::ECS::Service', { Cluster: { Ref: Match.stringLikeRegexp('^KitCluster') } });
  });

  test('an ecs.Cluster with an ASG capacity provider runs an EC2 daemon on it', () => {
    const { app, stack, vpc } = base();
    const cluster = new ecs.Cluster(stack, 'Plain', { vpc });
    const asg = new autoscaling.AutoScalingGroup(stack, 'Asg', {
      vpc, instanceType: new ec2.InstanceType('m6i.large'), machineImage: ecs.EcsOptimizedImage.amazonLinux2023(),
    });
    cluster.addAsgCapacityProvider(new ecs.AsgCapacityProvider(stack, 'Provider', { autoScalingGroup: asg, enableManagedTerminationProtection: false }));
    const td = new ecs.Ec2TaskDefinition(stack, 'AgentTd');
    td.addContainer('agent', { image: IMAGE, memoryLimitMiB: 256 });
    new DaemonService(stack, 'Agent', { cluster, taskDefinition: td });
    synthOnce(app, stack).t.hasResourceProperties('AWS::ECS::Service', { SchedulingStrategy: 'DAEMON', LaunchType: 'EC2' });
  });
});

describe('item 4: plain task definitions and TaskDefinitionJson', () => {
  test('a plain ecs.FargateTaskDefinition runs in a WebService (Fargate from its compatibility)', () => {
    const { app, stack, vpc, cert } = base();
    const cluster = new EcsCluster(stack, 'Cluster', { vpc });
    const td = new ecs.FargateTaskDefinition(stack, 'Td', { cpu: 512, memoryLimitMiB: 1024 });
    td.addContainer('web', { image: IMAGE, portMappings: [{ containerPort: 80 }] });
    const web = new WebService(stack, 'Web', { cluster, taskDefinition: td, certificate: cert, accessLogs: false });
    expect(web.task).toBeUndefined();
    expect(web.taskDefinition).toBe(td);
    const { t } = synthOnce(app, stack);
    t.hasResourceProperties('AWS::ECS::Service', {
      CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE', Weight: 1 }],
      LoadBalancers: [{ ContainerName: 'web', ContainerPort: 80, TargetGroupArn: Match.anyValue() }],
    });
  });

  test('an EC2_AND_FARGATE task definition runs on Fargate, or on EC2 when capacity is given', () => {
    const { app, stack, vpc } = base();
    const cluster = new EcsCluster(stack, 'Cluster', { vpc });
    const capacity = cluster.addEc2Capacity('Capacity');
    const td = new ecs.TaskDefinition(stack, 'Td', { compatibility: ecs.Compatibility.EC2_AND_FARGATE, cpu: '256', memoryMiB: '512', networkMode: ecs.NetworkMode.AWS_VPC });
    td.addContainer('app', { image: IMAGE, memoryLimitMiB: 512 });
    new WorkerService(stack, 'OnFargate', { cluster, taskDefinition: td });
    new WorkerService(stack, 'OnEc2', { cluster, taskDefinition: td, capacity });
    const services = Object.values(synthOnce(app, stack).t.findResources('AWS::ECS::Service')).map((r: any) => r.Properties.CapacityProviderStrategy[0].CapacityProvider);
    expect(services[0]).toBe('FARGATE');
    expect(JSON.stringify(services[1])).toMatch(/CapacityCapacityProvider/);
  });

  // HIPAA, NIST and PCI flag inline policies: the consume grant on a plain task definition's role is a managed policy too.
  test('a WorkerService on a plain task definition grants the queue in a managed policy, not an inline one', () => {
    const { app, stack, vpc } = base();
    const cluster = new EcsCluster(stack, 'Cluster', { vpc });
    const td = new ecs.FargateTaskDefinition(stack, 'Td');
    td.addContainer('app', { image: IMAGE });
    new WorkerService(stack, 'W', { cluster, taskDefinition: td });
    const { t } = synthOnce(app, stack);
    const inline = Object.values(t.findResources('AWS::IAM::Policy')).filter((p: any) => JSON.stringify(p.Properties.Roles).includes('TdTaskRole'));
    expect(inline).toEqual([]);
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      Description: 'Consume the queue of Byo/W',
      Roles: [{ Ref: Match.stringLikeRegexp('^TdTaskRole') }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: Match.arrayWith(['sqs:ReceiveMessage', 'sqs:DeleteMessage']) }),
          Match.objectLike({ Action: 'kms:Decrypt' }),
        ]),
      },
    });
  });

  const JSON_TD = {
    family: 'nightly',
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '256',
    memory: '512',
    executionRoleArn: 'arn:aws:iam::123456789012:role/exec',
    taskRoleArn: 'arn:aws:iam::123456789012:role/app',
    containerDefinitions: [{ name: 'job', image: 'public.ecr.aws/docker/library/busybox:1.36', essential: true }],
  };

  test('TaskDefinitionJson runs as a ScheduledJob on Fargate (compatibility from the JSON)', () => {
    const { app, stack, vpc } = base();
    const cluster = new EcsCluster(stack, 'Cluster', { vpc });
    const json = TaskDefinitionJson.fromObject(stack, 'Nightly', JSON_TD);
    new ScheduledJob(stack, 'Job', { cluster, taskDefinition: json.taskDefinition, schedule: scheduler.ScheduleExpression.rate(Duration.days(1)) });
    const { t } = synthOnce(app, stack);
    t.hasResourceProperties('AWS::Scheduler::Schedule', {
      Target: { EcsParameters: Match.objectLike({ CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE', Weight: 1 }], TaskDefinitionArn: { Ref: Match.stringLikeRegexp('^Nightly') } }) },
    });
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: 'iam:PassRole', Resource: ['arn:aws:iam::123456789012:role/exec', 'arn:aws:iam::123456789012:role/app'] })]) },
    });
  });

  test('TaskDefinitionJson without roles runs as a ScheduledJob too (RunTask only, nothing to pass)', () => {
    const { app, stack, vpc } = base();
    const cluster = new EcsCluster(stack, 'Cluster', { vpc });
    const { executionRoleArn: _e, taskRoleArn: _t, ...noRoles } = JSON_TD;
    const json = TaskDefinitionJson.fromObject(stack, 'Bare', noRoles);
    new ScheduledJob(stack, 'Job', { cluster, taskDefinition: json.taskDefinition, schedule: scheduler.ScheduleExpression.rate(Duration.days(1)) });
    synthOnce(app, stack).t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: { Statement: [Match.objectLike({ Action: 'ecs:RunTask' })] },
    });
  });

  test('TaskDefinitionJson given as task: a precise error, not "an Ec2Task needs EC2 capacity"', () => {
    const { stack, vpc } = base();
    const cluster = new EcsCluster(stack, 'Cluster', { vpc });
    const json = TaskDefinitionJson.fromObject(stack, 'Nightly', JSON_TD);
    expect(() => new WorkerService(stack, 'W', { cluster, task: json as any }))
      .toThrow(/\[KIT-SERVICE-TASK\] task Byo\/Nightly is not a FargateTask or Ec2Task.*pass json.taskDefinition/);
    expect(() => new WorkerService(stack, 'W2', { cluster, taskDefinition: json.taskDefinition as any }))
      .toThrow(/\[KIT-SERVICE-TASK\] task definition Byo\/Nightly\/Imported is imported, and a service needs its containers/);
  });

  test('a kit task of another copy of cdk-ecs-kit: the error names the copies, not "not a kit task"', () => {
    const { stack, vpc, task } = base();
    const cluster = new EcsCluster(stack, 'Cluster', { vpc });
    // What a FargateTask made by a second copy of the kit looks like to this copy: not its TaskBase, but marked.
    const other = { node: { path: 'Byo/OtherTask' }, [Symbol.for('cdk-ecs-kit.task')]: true };
    expect(() => new WorkerService(stack, 'W', { cluster, task: other as any }))
      .toThrow(/\[KIT-SERVICE-TASK\] task Byo\/OtherTask is a kit task from another copy of cdk-ecs-kit \(loaded from 1 places: .*\).*Install one copy/);
    // This copy's own tasks carry the mark too.
    expect(Symbol.for('cdk-ecs-kit.task') in task('Mine')).toBe(true);
  });

  test('task and taskDefinition: exactly one', () => {
    const { stack, vpc, task } = base();
    const cluster = new EcsCluster(stack, 'Cluster', { vpc });
    expect(() => new WorkerService(stack, 'W', { cluster })).toThrow(/\[KIT-SERVICE-TASK\] neither task nor taskDefinition/);
    const t = task('T');
    expect(() => new WorkerService(stack, 'W2', { cluster, task: t, taskDefinition: t.taskDefinition })).toThrow(/both task and taskDefinition/);
  });

  test('a plain task definition gets the task rules at synth, without EcsChecks, once however many services share it', () => {
    const { app, stack, vpc } = base();
    const cluster = new EcsCluster(stack, 'Cluster', { vpc });
    const td = new ecs.FargateTaskDefinition(stack, 'Plain', { cpu: 256, memoryLimitMiB: 4096 });
    td.addContainer('app', { image: IMAGE });
    new WorkerService(stack, 'W1', { cluster, taskDefinition: td });
    new WorkerService(stack, 'W2', { cluster, taskDefinition: td });
    let message = '';
    try {
      app.synth();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('[ECS-TD-01] Fargate task cpu 256 does not allow memory 4096 MiB at Byo/Plain');
    expect(message.split('[ECS-TD-01]')).toHaveLength(2);
  });
});

describe('item 2: shared listeners', () => {
  test('10 kit WebServices on one kit WebService\'s listener', () => {
    const { app, stack, vpc, cert, task } = base();
    const cluster = new EcsCluster(stack, 'Cluster', { vpc });
    const front = new WebService(stack, 'Front', { cluster, task: task('FrontTask'), certificate: cert, accessLogs: false });
    for (let i = 1; i <= 10; i++) {
      new WebService(stack, `Api${i}`, { cluster, task: task(`Task${i}`), listener: front.listener, priority: i, hostHeaders: [`api${i}.example.com`] });
    }
    const { t } = synthOnce(app, stack);
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::ListenerRule', 10);
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', 1);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', { Priority: 10, Conditions: [{ Field: 'host-header', HostHeaderConfig: { Values: ['api10.example.com'] } }] });
  });

  test('10 services on a plain ALB listener, with path rules', () => {
    const { app, stack, vpc, cert, task } = base();
    const cluster = new EcsCluster(stack, 'Cluster', { vpc });
    const alb = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc });
    const listener = alb.addListener('Https', { port: 443, certificates: [cert], defaultAction: elbv2.ListenerAction.fixedResponse(404) });
    for (let i = 1; i <= 10; i++) {
      new WebService(stack, `Svc${i}`, { cluster, task: task(`Task${i}`), listener, priority: 100 + i, pathPatterns: [`/svc${i}/*`] });
    }
    synthOnce(app, stack).t.resourceCountIs('AWS::ElasticLoadBalancingV2::ListenerRule', 10);
  });

  test('a priority already used on the shared listener fails at construction (ECS-RC-07)', () => {
    const { stack, vpc, cert, task } = base();
    const cluster = new EcsCluster(stack, 'Cluster', { vpc });
    const alb = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc });
    const listener = alb.addListener('Https', { port: 443, certificates: [cert], defaultAction: elbv2.ListenerAction.fixedResponse(404) });
    new WebService(stack, 'A', { cluster, task: task('TaskA'), listener, priority: 10, pathPatterns: ['/a/*'] });
    expect(() => new WebService(stack, 'B', { cluster, task: task('TaskB'), listener, priority: 10, pathPatterns: ['/b/*'] }))
      .toThrow(/^\[ECS-RC-07\] listener rule priority 10 is already used on this listener by \S+\/A\/TargetGroup at \S+\/B\/TargetGroup; allowed: a priority unique on the listener \(1-50000\)\. Set another priority on \S+\/B \(priority/);
  });
});

describe('item 5: Service Connect', () => {
  // CreateService: "Unsupported operating system in task definition. Please choose Linux" (aws/copilot-cli#5696).
  test('BackendService on a Windows FargateTask fails synth with ECS-SC-13; a WorkerService (no Service Connect) on it does not', () => {
    const build = (backend: boolean) => {
      const { app, stack, vpc } = base();
      const cluster = new EcsCluster(stack, 'Cluster', { vpc, defaultCloudMapNamespace: { name: 'internal' } });
      const task = new FargateTask(stack, 'WinTask', {
        operatingSystemFamily: ecs.OperatingSystemFamily.WINDOWS_SERVER_2022_CORE,
        size: FargateSize.windows(1024, 2048),
        container: { image: IMAGE, portMappings: [{ containerPort: 8080, name: 'api' }] },
      });
      if (backend) new BackendService(stack, 'Api', { cluster, task });
      else new WorkerService(stack, 'Api', { cluster, task });
      return app;
    };
    expect(() => build(true)).toThrow(/^\[ECS-SC-13\] Service Connect is what a BackendService is reached through, but task \S*WinTask runs Windows at \S*\/Api; allowed: Service Connect on Linux tasks only \(its proxy is a Linux container\)\. Run the Windows task in a WorkerService/);
    expect(() => build(false).synth()).not.toThrow();
  });

  test('an EC2 Windows task (no RuntimePlatform) gets ECS-SC-13 first, not the task memory error it could not fix (ECS-SC-06)', () => {
    const { stack, vpc } = base();
    const cluster = new EcsCluster(stack, 'Cluster', { vpc, defaultCloudMapNamespace: { name: 'internal' } });
    const capacity = cluster.addEc2Capacity('Win', { image: Ec2CapacityImage.windowsServer() });
    const task = new Ec2Task(stack, 'WinTask', { windows: true, container: { image: IMAGE, portMappings: [{ containerPort: 80, name: 'http' }] } });
    expect(() => new BackendService(stack, 'OnWin', { cluster, task, capacity })).toThrow(/^\[ECS-SC-13\] /);
    const client = new Ec2Task(stack, 'WinClient', { windows: true, container: { image: IMAGE } });
    expect(() => new WorkerService(stack, 'Worker', { cluster, task: client, capacity, serviceConnect: {} })).toThrow(/^\[ECS-SC-13\] Service Connect is enabled.*Remove serviceConnect/);
  });

  // ECS: "On Amazon EC2, task memory is optional, but it is required for Service Connect" (ECS-SC-06).
  test('BackendService on an Ec2Task: task memoryMiB satisfies ECS-SC-06; without it synth fails with the rule\'s message', () => {
    const build = (memoryMiB?: number) => {
      const { app, stack, vpc } = base();
      const cluster = new EcsCluster(stack, 'Cluster', { vpc, defaultCloudMapNamespace: { name: 'internal' } });
      cluster.addEc2Capacity('Ec2');
      const task = new Ec2Task(stack, 'OrdersTask', { memoryMiB, container: { image: IMAGE, portMappings: [{ containerPort: 8080, name: 'orders' }] } });
      new BackendService(stack, 'Orders', { cluster, task });
      return { app, stack };
    };
    const ok = build(1024);
    const report = EcsChecks.check(ok.app);
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const t = Template.fromStack(ok.stack);
    t.hasResourceProperties('AWS::ECS::TaskDefinition', { Memory: '1024', ContainerDefinitions: [Match.objectLike({ Memory: 1024 })] });
    t.hasResourceProperties('AWS::ECS::Service', { ServiceConnectConfiguration: Match.objectLike({ Enabled: true }) });
    const bad = build().app;
    expect(() => bad.synth()).toThrow(/\[ECS-SC-06\] Service Connect is enabled but task definition \S*OrdersTask\S* sets no task-level Memory.*memoryMiB on the kit's Ec2Task/);
  });

  test('EcsCluster defaultCloudMapNamespace: BackendService works out of the box; Web and Worker are clients', () => {
    const { app, stack, vpc, cert, task } = base();
    const cluster = new EcsCluster(stack, 'Cluster', { vpc, defaultCloudMapNamespace: { name: 'internal' } });
    const backend = new BackendService(stack, 'Orders', { cluster, task: task('OrdersTask', 'orders') });
    new WebService(stack, 'Web', { cluster, task: task('WebTask'), certificate: cert, accessLogs: false, serviceConnect: {} });
    new WorkerService(stack, 'Worker', { cluster, task: task('WorkerTask'), serviceConnect: {} });
    expect(backend.portMappingName).toBe('orders');
    const { t } = synthOnce(app, stack);
    t.hasResourceProperties('AWS::ServiceDiscovery::PrivateDnsNamespace', { Name: 'internal' });
    const configs = Object.values(t.findResources('AWS::ECS::Service')).map((r: any) => r.Properties.ServiceConnectConfiguration);
    expect(configs.every((c) => c?.Enabled === true)).toBe(true);
    expect(configs.filter((c) => c.Services).map((c) => c.Services[0].PortName)).toEqual(['orders']);
  });

  test('ECS-SC-02: a portMappingName the main container does not have, on BackendService\'s top-level prop', () => {
    const { stack, vpc, task } = base();
    const cluster = new EcsCluster(stack, 'Cluster', { vpc, defaultCloudMapNamespace: { name: 'internal' } });
    expect(() => new BackendService(stack, 'Orders', { cluster, task: task('OrdersTask', 'orders'), portMappingName: 'order' }))
      .toThrow(/\[ECS-SC-02\] Service Connect portMappingName 'order' is not a port mapping of any container of \S*OrdersTask.*allowed: a named port mapping: orders/);
  });

  test('server mode on a WebService that names a port', () => {
    const { app, stack, vpc, cert, task } = base();
    const cluster = new EcsCluster(stack, 'Cluster', { vpc, defaultCloudMapNamespace: { name: 'internal' } });
    new WebService(stack, 'Web', { cluster, task: task('WebTask', 'web'), certificate: cert, accessLogs: false, serviceConnect: { portMappingName: 'web' } });
    synthOnce(app, stack).t.hasResourceProperties('AWS::ECS::Service', {
      ServiceConnectConfiguration: Match.objectLike({ Enabled: true, Services: [Match.objectLike({ PortName: 'web' })] }),
    });
  });

  test('no namespace anywhere: ECS-SC-01 names the EcsCluster prop', () => {
    const { stack, vpc, task } = base();
    const cluster = new EcsCluster(stack, 'Cluster', { vpc });
    expect(() => new WorkerService(stack, 'W', { cluster, task: task('T'), serviceConnect: {} }))
      .toThrow(/\[ECS-SC-01\].*defaultCloudMapNamespace/);
  });
});

describe('item 6: public subnets and assignPublicIp', () => {
  test('Fargate tasks in public subnets without a public IP fail (ECS-SV-31); assignPublicIp: true fixes it', () => {
    const { app, stack, vpc, task } = base();
    const cluster = new EcsCluster(stack, 'Cluster', { vpc });
    expect(() => new WorkerService(stack, 'W', { cluster, task: task('T'), vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC } }))
      .toThrow(/\[ECS-SV-31\] Fargate tasks run in public subnets/);
    new WorkerService(stack, 'W2', { cluster, task: task('T2'), vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC }, assignPublicIp: true });
    synthOnce(app, stack).t.hasResourceProperties('AWS::ECS::Service', { NetworkConfiguration: { AwsvpcConfiguration: Match.objectLike({ AssignPublicIp: 'ENABLED' }) } });
  });

  test('common props on every service kind: platformVersion, propagateTags, healthCheckGracePeriod, serviceName', () => {
    const { app, stack, vpc, task } = base();
    const cluster = new EcsCluster(stack, 'Cluster', { vpc });
    new WorkerService(stack, 'W', {
      cluster,
      task: task('T'),
      platformVersion: ecs.FargatePlatformVersion.VERSION1_4,
      propagateTags: ecs.PropagatedTagSource.TASK_DEFINITION,
      serviceName: 'worker',
      healthCheckGracePeriod: Duration.seconds(30),
    });
    synthOnce(app, stack).t.hasResourceProperties('AWS::ECS::Service', {
      PlatformVersion: '1.4.0', PropagateTags: 'TASK_DEFINITION', ServiceName: 'worker', HealthCheckGracePeriodSeconds: 30,
    });
  });
});
