import { Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as servicediscovery from 'aws-cdk-lib/aws-servicediscovery';
import { certificate, ec2Task, fargateTask, fixture, IMAGE, synthOnce } from './helpers';
import { CT22_EXEC_READONLY_ROOT } from '../../src/rules/container/ct-22-exec-readonly-root';
import { runRules } from '../../src/rules/engine';
import { AssemblyModel } from '../../src/rules/model';
import {
  BackendService, DaemonService, FargateCapacity, NetworkLoadBalancedService, ScheduledJob, WebService, WorkerService,
} from '../../src/service';
import { FargateTask } from '../../src/task';

describe('service defaults', () => {
  test('WebService: circuit breaker with rollback, 100/200, strategy not launch type, AZ rebalancing off, HTTPS only, internal', () => {
    const f = fixture();
    new WebService(f.stack, 'Web', { cluster: f.cluster, task: fargateTask(f.stack), certificate: certificate(f.stack) });
    const t = Template.fromStack(f.stack);
    t.hasResourceProperties('AWS::ECS::Service', {
      DeploymentConfiguration: { DeploymentCircuitBreaker: { Enable: true, Rollback: true }, MinimumHealthyPercent: 100, MaximumPercent: 200 },
      CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE', Weight: 1 }],
      LaunchType: Match.absent(),
      DesiredCount: 1,
      AvailabilityZoneRebalancing: 'DISABLED',
      EnableExecuteCommand: false,
      NetworkConfiguration: { AwsvpcConfiguration: Match.objectLike({ AssignPublicIp: 'DISABLED' }) },
    });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      Scheme: 'internal',
      LoadBalancerAttributes: Match.arrayWith([
        { Key: 'deletion_protection.enabled', Value: 'true' },
        { Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' },
        { Key: 'access_logs.s3.enabled', Value: 'true' },
      ]),
    });
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::Listener', 1);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Port: 443, Protocol: 'HTTPS', SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06' });
    t.hasResourceProperties('AWS::S3::Bucket', { BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] } });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
      TargetType: 'ip', TargetGroupAttributes: Match.arrayWith([{ Key: 'deregistration_delay.timeout_seconds', Value: '60' }]),
    });
  });

  test('WebService: the task security group takes ingress only from the load balancer security group; the ALB only from the VPC', () => {
    const f = fixture();
    new WebService(f.stack, 'Web', { cluster: f.cluster, task: fargateTask(f.stack), certificate: certificate(f.stack) });
    const t = Template.fromStack(f.stack);
    const ingress = t.findResources('AWS::EC2::SecurityGroupIngress');
    const toTasks = Object.values(ingress).filter((r: any) => JSON.stringify(r.Properties.GroupId).includes('WebSecurityGroup'));
    expect(toTasks).toHaveLength(1);
    expect(toTasks[0].Properties).toMatchObject({ FromPort: 8080, ToPort: 8080, SourceSecurityGroupId: { 'Fn::GetAtt': [expect.stringMatching(/^WebLoadBalancerSecurityGroup/), 'GroupId'] } });
    t.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: Match.stringLikeRegexp('Load balancer'),
      SecurityGroupIngress: [Match.objectLike({ FromPort: 443, CidrIp: '10.0.0.0/16' })],
    });
    const inline = Object.values(t.findResources('AWS::EC2::SecurityGroup')).flatMap((r: any) => r.Properties.SecurityGroupIngress ?? []);
    const open = [...inline, ...Object.values(ingress).map((r: any) => r.Properties)].filter((rule: any) => rule.CidrIp === '0.0.0.0/0');
    expect(open).toEqual([]);
    t.resourcePropertiesCountIs('AWS::ElasticLoadBalancingV2::Listener', { Port: 80 }, 0);
  });

  test('WebService: port 80 opens only for an explicit redirect; internet-facing opens 443 to anyone', () => {
    const f = fixture();
    new WebService(f.stack, 'Web', { cluster: f.cluster, task: fargateTask(f.stack), certificate: certificate(f.stack), internetFacing: true, redirectHttp: true });
    const t = Template.fromStack(f.stack);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Port: 80, DefaultActions: [Match.objectLike({ Type: 'redirect', RedirectConfig: Match.objectLike({ Protocol: 'HTTPS', StatusCode: 'HTTP_301' }) })] });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', { Scheme: 'internet-facing' });
    t.hasResourceProperties('AWS::EC2::SecurityGroup', { SecurityGroupIngress: Match.arrayWith([Match.objectLike({ CidrIp: '0.0.0.0/0', FromPort: 443 })]) });
  });

  test('autoscaling: DesiredCount is left out, CPU target tracking 70, min/max on the scalable target', () => {
    const f = fixture();
    new WebService(f.stack, 'Web', {
      cluster: f.cluster,
      task: fargateTask(f.stack),
      certificate: certificate(f.stack),
      autoScaling: { minCapacity: 2, maxCapacity: 8 },
      requestsPerTarget: 100,
    });
    const t = Template.fromStack(f.stack);
    t.hasResourceProperties('AWS::ECS::Service', { DesiredCount: Match.absent() });
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', { MinCapacity: 2, MaxCapacity: 8, ScalableDimension: 'ecs:service:DesiredCount' });
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      TargetTrackingScalingPolicyConfiguration: Match.objectLike({ TargetValue: 70, PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' } }),
    });
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      TargetTrackingScalingPolicyConfiguration: Match.objectLike({ TargetValue: 100, PredefinedMetricSpecification: Match.objectLike({ PredefinedMetricType: 'ALBRequestCountPerTarget' }) }),
    });
  });

  test('autoscaling with scaleOnCpu false: only the policies set (here requests per target), no CPU policy', () => {
    const f = fixture();
    const cert = certificate(f.stack);
    new WebService(f.stack, 'Web', {
      cluster: f.cluster,
      task: fargateTask(f.stack),
      certificate: cert,
      autoScaling: { maxCapacity: 8, scaleOnCpu: false, targetMemoryPercent: 60 },
      requestsPerTarget: 100,
    });
    const policies = Object.values(Template.fromStack(f.stack).findResources('AWS::ApplicationAutoScaling::ScalingPolicy'));
    expect(policies.map((p) => p.Properties.TargetTrackingScalingPolicyConfiguration.PredefinedMetricSpecification.PredefinedMetricType).sort())
      .toEqual(['ALBRequestCountPerTarget', 'ECSServiceAverageMemoryUtilization']);
    expect(() => new WebService(f.stack, 'Both', {
      cluster: f.cluster, task: fargateTask(f.stack, 'Task2'), certificate: cert, autoScaling: { maxCapacity: 8, scaleOnCpu: false, targetCpuPercent: 50 },
    })).toThrow(/\[KIT-SERVICE-SCALING\] autoScaling.targetCpuPercent 50 is set with scaleOnCpu false, so no CPU policy uses it at .*Both.*Remove targetCpuPercent, or remove scaleOnCpu: false/);
  });

  test('Fargate Spot: an on-demand base of 1 then Spot', () => {
    const f = fixture();
    new BackendService(f.stack, 'Api', {
      cluster: f.cluster,
      task: fargateTask(f.stack, 'Task', 9090, 'api'),
      fargateCapacity: FargateCapacity.spotWithOnDemandBase(),
      cloudMapNamespace: new servicediscovery.HttpNamespace(f.stack, 'Ns', { name: 'internal' }),
    });
    Template.fromStack(f.stack).hasResourceProperties('AWS::ECS::Service', {
      CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE', Base: 1, Weight: 0 }, { CapacityProvider: 'FARGATE_SPOT', Weight: 1 }],
      ServiceConnectConfiguration: Match.objectLike({ Enabled: true, Services: [Match.objectLike({ PortName: 'api' })] }),
      LoadBalancers: Match.absent(),
    });
  });

  test('KIT-SERVICE-PORT-UNMAPPED: allowFrom on a port no container maps warns (Service Connect connects to the container port)', () => {
    const f = fixture();
    const ns = new servicediscovery.HttpNamespace(f.stack, 'Ns', { name: 'internal' });
    const api = new BackendService(f.stack, 'Api', { cluster: f.cluster, task: fargateTask(f.stack, 'Task', 8080, 'api'), cloudMapNamespace: ns });
    const web = new WorkerService(f.stack, 'Client', { cluster: f.cluster, task: fargateTask(f.stack, 'ClientTask', 9000) });
    api.allowFrom(web, 80);
    api.allowFrom(web, 8080);
    const { warnings } = synthOnce(f.app, f.stack);
    expect(warnings.filter((w) => w.text.includes('KIT-SERVICE-PORT-UNMAPPED')).map((w) => `${w.path} ${w.text}`)).toEqual([
      '/Svc/Api [KIT-SERVICE-PORT-UNMAPPED] allowFrom opens port 80, which no container of task Svc/Task maps (8080) at Svc/Api; '
      + 'allowed: a container port of the task: 8080. Pass the container port the service listens on (load balancers and Service Connect proxies connect to it), '
      + 'or add that port mapping. [ack: KIT-SERVICE-PORT-UNMAPPED]',
    ]);
  });

  test('EC2 bridge tasks: capacity provider strategy, spread AZ then binpack memory, instance SG opened by allowTaskTraffic', () => {
    const f = fixture();
    const capacity = f.cluster.addEc2Capacity('Ec2');
    new WebService(f.stack, 'Web', { cluster: f.cluster, task: ec2Task(f.stack), certificate: certificate(f.stack) });
    const t = Template.fromStack(f.stack);
    t.hasResourceProperties('AWS::ECS::Service', {
      CapacityProviderStrategy: [{ CapacityProvider: Match.anyValue(), Weight: 1 }],
      PlacementStrategies: [{ Type: 'spread', Field: 'attribute:ecs.availability-zone' }, { Type: 'binpack', Field: 'MEMORY' }],
    });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', { TargetType: 'instance' });
    t.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      FromPort: 32768,
      ToPort: 65535,
      GroupId: f.stack.resolve(capacity.securityGroup.securityGroupId),
      SourceSecurityGroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^WebLoadBalancerSecurityGroup'), 'GroupId'] },
    });
  });

  test('ECS Exec: needs the cluster\'s audited logging and makes the root filesystem writable', () => {
    const f = fixture({ enableExecuteCommand: true });
    new BackendService(f.stack, 'Api', {
      cluster: f.cluster,
      task: fargateTask(f.stack, 'Task', 9090, 'api'),
      enableExecuteCommand: true,
      cloudMapNamespace: new servicediscovery.HttpNamespace(f.stack, 'Ns', { name: 'internal' }),
    });
    const t = Template.fromStack(f.stack);
    t.hasResourceProperties('AWS::ECS::Service', { EnableExecuteCommand: true });
    t.hasResourceProperties('AWS::ECS::TaskDefinition', { ContainerDefinitions: [Match.objectLike({ ReadonlyRootFilesystem: false })] });
  });

  test('ECS Exec keeps an explicit readonlyRootFilesystem: true, and ECS-CT-22 says whether the SSM agent can write (found by a Copilot user trial)', () => {
    const f = fixture({ enableExecuteCommand: true });
    const ssm = ['/var/lib/amazon', '/var/log/amazon'];
    const task = new FargateTask(f.stack, 'Task', {
      container: { image: IMAGE, portMappings: [{ containerPort: 9090, name: 'api' }], readonlyRootFilesystem: true, scratchPaths: ssm },
    });
    // A container added to the task definition directly sits between the kit's: overrides follow positions.
    task.taskDefinition.addContainer('router', { image: IMAGE, memoryLimitMiB: 64, essential: false });
    task.addContainer('agent', { image: IMAGE, readonlyRootFilesystem: true });
    task.addContainer('cache', { image: IMAGE });
    new BackendService(f.stack, 'Api', { cluster: f.cluster, task, enableExecuteCommand: true, cloudMapNamespace: new servicediscovery.HttpNamespace(f.stack, 'Ns', { name: 'internal' }) });
    const template = Template.fromStack(f.stack).toJSON();
    const [, td] = Object.entries(template.Resources as Record<string, any>).find(([, r]) => r.Type === 'AWS::ECS::TaskDefinition')!;
    const readonly = Object.fromEntries(td.Properties.ContainerDefinitions.map((c: any) => [c.Name, c.ReadonlyRootFilesystem]));
    expect(readonly).toEqual({ 'app': true, 'scratch-init': true, 'router': undefined, 'agent': true, 'cache': false });
    const findings = runRules(new AssemblyModel([{ name: 'Svc', template }]), { rules: [CT22_EXEC_READONLY_ROOT] });
    expect(findings.map((x) => x.message)).toEqual([expect.stringContaining("container 'agent' of task definition")]);
  });

  test('deployment alarms: 5xx and unhealthy hosts roll back', () => {
    const f = fixture();
    new WebService(f.stack, 'Web', { cluster: f.cluster, task: fargateTask(f.stack), certificate: certificate(f.stack), enableDeploymentAlarms: true });
    const t = Template.fromStack(f.stack);
    t.resourceCountIs('AWS::CloudWatch::Alarm', 2);
    t.hasResourceProperties('AWS::ECS::Service', {
      DeploymentConfiguration: Match.objectLike({ Alarms: { AlarmNames: [{ Ref: Match.stringLikeRegexp('Target5xx') }, { Ref: Match.stringLikeRegexp('UnhealthyHosts') }], Enable: true, Rollback: true } }),
    });
    // ECS acts on them, so the packs' "alarm has an action" rules are acknowledged with that reason, on the alarms only.
    const alarms = f.stack.node.findAll().filter((c) => /Web\/(Target5xx|UnhealthyHosts)Alarm$/.test(c.node.path));
    expect(alarms).toHaveLength(2);
    for (const alarm of alarms) {
      const ids = Object.keys(Object.assign({}, ...alarm.node.metadata.filter((m) => m.type === 'aws:cdk:acknowledged-rules').map((m) => m.data)));
      expect(ids.sort()).toEqual(['HIPAA.Security::HIPAA.Security-CloudWatchAlarmAction', 'NIST.800.53.R5::NIST.800.53.R5-CloudWatchAlarmAction',
        'cdk-validator-cfnguard::cloudwatch_alarm_action_check']);
    }
  });

  test('DaemonService: DAEMON, EC2 launch type, 0/100, no count, no placement strategies', () => {
    const f = fixture();
    f.cluster.addEc2Capacity('Ec2');
    new DaemonService(f.stack, 'Agent', { cluster: f.cluster, task: ec2Task(f.stack) });
    Template.fromStack(f.stack).hasResourceProperties('AWS::ECS::Service', {
      SchedulingStrategy: 'DAEMON',
      LaunchType: 'EC2',
      DesiredCount: Match.absent(),
      PlacementStrategies: Match.absent(),
      DeploymentConfiguration: Match.objectLike({ MinimumHealthyPercent: 0, MaximumPercent: 100 }),
    });
  });

  test('WorkerService: KMS queue with a DLQ, consume rights in a managed policy, backlog-per-task target tracking', () => {
    const f = fixture();
    new WorkerService(f.stack, 'Worker', { cluster: f.cluster, task: fargateTask(f.stack), autoScaling: { maxCapacity: 5 } });
    const t = Template.fromStack(f.stack);
    t.resourceCountIs('AWS::SQS::Queue', 2);
    t.hasResourceProperties('AWS::SQS::Queue', { RedrivePolicy: Match.objectLike({ maxReceiveCount: 5 }), KmsMasterKeyId: Match.anyValue() });
    t.resourceCountIs('AWS::IAM::Policy', 0);
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', { PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: Match.arrayWith(['sqs:ReceiveMessage']) })]) } });
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      TargetTrackingScalingPolicyConfiguration: Match.objectLike({
        TargetValue: 10,
        CustomizedMetricSpecification: { Metrics: Match.arrayWith([Match.objectLike({ Id: 'backlog', ReturnData: true })]) },
      }),
    });
  });

  test('ScheduledJob: Scheduler with retries and DLQ; role may RunTask this definition and pass its two roles to ECS only', () => {
    const f = fixture();
    const task = fargateTask(f.stack);
    new ScheduledJob(f.stack, 'Job', { cluster: f.cluster, task, schedule: scheduler.ScheduleExpression.rate(Duration.hours(6)) });
    const t = Template.fromStack(f.stack);
    t.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(6 hours)',
      Target: Match.objectLike({
        RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 3600 },
        DeadLetterConfig: { Arn: Match.anyValue() },
        EcsParameters: Match.objectLike({ CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE', Weight: 1 }], TaskCount: 1 }),
      }),
    });
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        Statement: [
          { Action: 'ecs:RunTask', Effect: 'Allow', Resource: { Ref: Match.stringLikeRegexp('^TaskTaskDefinition') } },
          {
            Action: 'iam:PassRole',
            Effect: 'Allow',
            Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
            Resource: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^TaskExecutionRole'), 'Arn'] }, { 'Fn::GetAtt': [Match.stringLikeRegexp('^TaskTaskRole'), 'Arn'] }],
          },
        ],
      },
      Roles: [{ Ref: Match.stringLikeRegexp('^JobSchedulerRole') }],
    });
  });

  test('ScheduledJob flexibleTimeWindow: Mode FLEXIBLE with the window in minutes; OFF by default; whole minutes 1-1440 (found by a batch-jobs user trial)', () => {
    const f = fixture();
    const schedule = scheduler.ScheduleExpression.rate(Duration.minutes(15));
    new ScheduledJob(f.stack, 'Spread', { cluster: f.cluster, task: fargateTask(f.stack, 'T1'), schedule, flexibleTimeWindow: Duration.minutes(10) });
    new ScheduledJob(f.stack, 'Exact', { cluster: f.cluster, task: fargateTask(f.stack, 'T2'), schedule });
    const t = Template.fromStack(f.stack);
    t.hasResourceProperties('AWS::Scheduler::Schedule', { Description: Match.stringLikeRegexp('T1'), FlexibleTimeWindow: { Mode: 'FLEXIBLE', MaximumWindowInMinutes: 10 } });
    t.hasResourceProperties('AWS::Scheduler::Schedule', { Description: Match.stringLikeRegexp('T2'), FlexibleTimeWindow: { Mode: 'OFF' } });
    for (const [window, text] of [[Duration.hours(25), /flexibleTimeWindow \(minutes\) 1500 is out of range/], [Duration.seconds(90), /flexibleTimeWindow \(minutes\) 1\.5 is out of range/]] as const) {
      expect(() => new ScheduledJob(f.stack, `Bad${window.toSeconds()}`, { cluster: f.cluster, task: fargateTask(f.stack, `T${window.toSeconds()}`), schedule, flexibleTimeWindow: window }))
        .toThrow(text);
    }
  });

  test('ScheduledJob: tasks take the task definition\'s tags, and the role may tag only the tasks RunTask creates; NONE opts out', () => {
    const f = fixture();
    const schedule = scheduler.ScheduleExpression.rate(Duration.hours(6));
    new ScheduledJob(f.stack, 'Job', { cluster: f.cluster, task: fargateTask(f.stack), schedule });
    const t = Template.fromStack(f.stack);
    t.hasResourceProperties('AWS::Scheduler::Schedule', { Target: Match.objectLike({ EcsParameters: Match.objectLike({ PropagateTags: 'TASK_DEFINITION' }) }) });
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: { Statement: [Match.objectLike({ Action: 'ecs:TagResource', Condition: { StringEquals: { 'ecs:CreateAction': 'RunTask' } } })] },
      Roles: [{ Ref: Match.stringLikeRegexp('^JobSchedulerRole') }],
    });
    const g = fixture();
    new ScheduledJob(g.stack, 'Job', { cluster: g.cluster, task: fargateTask(g.stack), schedule, propagateTags: ecs.PropagatedTagSource.NONE });
    const u = Template.fromStack(g.stack);
    u.hasResourceProperties('AWS::Scheduler::Schedule', { Target: Match.objectLike({ EcsParameters: Match.objectLike({ PropagateTags: Match.absent() }) }) });
    expect(JSON.stringify(u.findResources('AWS::IAM::ManagedPolicy'))).not.toContain('ecs:TagResource');
  });

  test('NetworkLoadBalancedService: TLS listener, security group, internal, tasks open to the NLB group only', () => {
    const f = fixture();
    new NetworkLoadBalancedService(f.stack, 'Nlb', { cluster: f.cluster, task: fargateTask(f.stack), certificate: certificate(f.stack) });
    const t = Template.fromStack(f.stack);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Protocol: 'TLS', Port: 443, SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06' });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', { Type: 'network', Scheme: 'internal', SecurityGroups: Match.anyValue() });
    t.hasResourceProperties('AWS::EC2::SecurityGroupIngress', { FromPort: 8080, SourceSecurityGroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^NlbLoadBalancerSecurityGroup'), 'GroupId'] } });
  });
});

describe('snapshots', () => {
  const cases: Record<string, (f: ReturnType<typeof fixture>) => void> = {
    WebService: (f) => new WebService(f.stack, 'S', { cluster: f.cluster, task: fargateTask(f.stack), certificate: certificate(f.stack) }),
    NetworkLoadBalancedService: (f) => new NetworkLoadBalancedService(f.stack, 'S', { cluster: f.cluster, task: fargateTask(f.stack), certificate: certificate(f.stack) }),
    BackendService: (f) => {
      f.cluster.cluster.addDefaultCloudMapNamespace({ name: 'internal', type: servicediscovery.NamespaceType.HTTP, useForServiceConnect: true });
      new BackendService(f.stack, 'S', { cluster: f.cluster, task: fargateTask(f.stack, 'Task', 9090, 'api') });
    },
    WorkerService: (f) => new WorkerService(f.stack, 'S', { cluster: f.cluster, task: fargateTask(f.stack), autoScaling: { maxCapacity: 4 } }),
    ScheduledJob: (f) => new ScheduledJob(f.stack, 'S', { cluster: f.cluster, task: fargateTask(f.stack), schedule: scheduler.ScheduleExpression.cron({ hour: '3', minute: '0' }) }),
    DaemonService: (f) => {
      f.cluster.addEc2Capacity('Ec2');
      new DaemonService(f.stack, 'S', { cluster: f.cluster, task: ec2Task(f.stack, 'Ec2Task', ecs.NetworkMode.AWS_VPC) });
    },
  };
  for (const [name, build] of Object.entries(cases)) {
    test(name, () => {
      const f = fixture();
      build(f);
      expect(Template.fromStack(f.stack).toJSON()).toMatchSnapshot();
    });
  }
});
