/**
 * Issue 14, "right at deploy time": CloudFormation that ECS, EventBridge
 * Scheduler and Application Auto Scaling accept and that runs. Each test names
 * the AWS page it follows.
 */
import { App, Duration, Size, Stack, Validations } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { ENV, fargateTask, fixture, IMAGE } from './helpers';
import { EcsCluster } from '../../src/cluster';
import { BackendService, ScheduledJob, WorkerService, WorkerServiceProps } from '../../src/service';
import { FargateTask } from '../../src/task';

const INFRASTRUCTURE_POLICY = {
  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AmazonECSInfrastructureRolePolicyForVolumes']],
};

function dataTask(stack: Stack, id = 'Task'): FargateTask {
  const task = fargateTask(stack, id, 9090, 'api');
  task.addEbsVolume('data', { containerPath: '/data', size: Size.gibibytes(20) });
  return task;
}

describe('EBS volumes configured at launch', () => {
  // AWS: "Amazon ECS infrastructure IAM role" (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/infrastructure_IAM_role.html):
  // ECS attaches EBS volumes with a role trusted by ecs.amazonaws.com and AmazonECSInfrastructureRolePolicyForVolumes.
  // "Specify Amazon EBS volume configuration at Amazon ECS deployment"
  // (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/configure-ebs-volume.html): a configuredAtLaunch
  // volume needs a volume configuration in CreateService/RunTask (AWS::ECS::Service VolumeConfigurations).
  test('the service renders VolumeConfigurations with an encrypted gp3 volume and the ECS infrastructure role', () => {
    const f = fixture();
    f.cluster.cluster.addDefaultCloudMapNamespace({ name: 'internal', useForServiceConnect: true });
    new BackendService(f.stack, 'Api', { cluster: f.cluster, task: dataTask(f.stack) });
    const t = Template.fromStack(f.stack);
    t.hasResourceProperties('AWS::ECS::TaskDefinition', {
      Volumes: [{ Name: 'data', ConfiguredAtLaunch: true }],
      ContainerDefinitions: [Match.objectLike({ MountPoints: [{ SourceVolume: 'data', ContainerPath: '/data', ReadOnly: false }] })],
    });
    t.hasResourceProperties('AWS::ECS::Service', {
      VolumeConfigurations: [{
        Name: 'data',
        ManagedEBSVolume: Match.objectLike({
          Encrypted: true,
          VolumeType: 'gp3',
          SizeInGiB: 20,
          RoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^TaskEbsVolumedataEBSRole'), 'Arn'] },
          TagSpecifications: [{ ResourceType: 'volume', PropagateTags: 'SERVICE' }],
        }),
      }],
    });
    t.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: Match.objectLike({
        Statement: [Match.objectLike({ Action: 'sts:AssumeRole', Principal: { Service: 'ecs.amazonaws.com' } })],
      }),
      ManagedPolicyArns: [INFRASTRUCTURE_POLICY],
    });
  });

  test('a volume added after the service is created still reaches the service', () => {
    const f = fixture();
    f.cluster.cluster.addDefaultCloudMapNamespace({ name: 'internal', useForServiceConnect: true });
    const task = fargateTask(f.stack, 'Task', 9090, 'api');
    new BackendService(f.stack, 'Api', { cluster: f.cluster, task });
    task.addEbsVolume('data', { containerPath: '/data', size: Size.gibibytes(8) });
    Template.fromStack(f.stack).hasResourceProperties('AWS::ECS::Service', {
      VolumeConfigurations: [Match.objectLike({ Name: 'data', ManagedEBSVolume: Match.objectLike({ SizeInGiB: 8 }) })],
    });
  });

  // AWS: "Defer volume configuration to launch time in an Amazon ECS task definition"
  // (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specify-ebs-config.html): one volume per task definition.
  test('a second EBS volume is rejected when it is added (ECS-TD-24)', () => {
    const task = dataTask(new Stack(new App(), 'S', { env: ENV }));
    expect(() => task.addEbsVolume('more', { containerPath: '/more', size: Size.gibibytes(1) }))
      .toThrow(/^\[ECS-TD-24\] EBS volume 'more' is added but the task already has EBS volume 'data' at S\/Task; allowed: one EBS volume/);
  });

  test('an EBS volume needs a size or a snapshot (KIT-TASK-EBS-SIZE)', () => {
    const task = fargateTask(new Stack(new App(), 'S', { env: ENV }), 'Task', 9090, 'api');
    expect(() => task.addEbsVolume('data', { containerPath: '/data' }))
      .toThrow("[KIT-TASK-EBS-SIZE] EBS volume 'data' has neither size nor snapshotId at S/Task; allowed: size (gp3: 1-65,536 GiB), or snapshotId to take the size from. Pass size");
    expect(() => task.addEbsVolume('data', { containerPath: '/data', snapshotId: 'snap-0123456789abcdef0' })).not.toThrow();
  });

  // AWS CloudFormation: AWS::Scheduler::Schedule EcsParameters
  // (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-scheduler-schedule-ecsparameters.html)
  // has no volume configuration, so RunTask of a task with a configuredAtLaunch volume fails on every run.
  test('ScheduledJob rejects a task with an EBS volume at synth (KIT-JOB-EBS-VOLUME)', () => {
    const f = fixture();
    new ScheduledJob(f.stack, 'Job', { cluster: f.cluster, task: dataTask(f.stack), schedule: scheduler.ScheduleExpression.rate(Duration.hours(1)) });
    expect(() => f.app.synth()).toThrow(/\[KIT-JOB-EBS-VOLUME\] task Svc\/Task has EBS volume 'data' configured at launch, which EventBridge Scheduler cannot configure at Svc\/Job/);
  });
});

// AWS CloudFormation: DependsOn (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-dependson.html):
// a managed policy attaches itself to the role, so the schedule must depend on the policy resources, not only on the role,
// or a rate() schedule can fire before it may run the task or write dead letters.
test('ScheduledJob depends on its role, its RunTask policy and its dead-letter policy', () => {
  const f = fixture();
  new ScheduledJob(f.stack, 'Job', { cluster: f.cluster, task: fargateTask(f.stack), schedule: scheduler.ScheduleExpression.rate(Duration.minutes(5)) });
  const t = Template.fromStack(f.stack);
  const logicalId = (type: string, pattern: RegExp) => Object.keys(t.findResources(type)).find((id) => pattern.test(id))!;
  const schedule = Object.values(t.findResources('AWS::Scheduler::Schedule'))[0];
  expect(schedule.DependsOn).toEqual(expect.arrayContaining([
    logicalId('AWS::IAM::Role', /^JobSchedulerRole/),
    logicalId('AWS::IAM::ManagedPolicy', /^TaskRunTaskPolicy/),
    logicalId('AWS::IAM::ManagedPolicy', /^JobDeadLetterPolicy/),
  ]));
});

describe('WorkerService backlog scaling', () => {
  // AWS CloudFormation: AWS::ApplicationAutoScaling::ScalingPolicy TargetTrackingScalingPolicyConfiguration
  // (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-applicationautoscaling-scalingpolicy-targettrackingscalingpolicyconfiguration.html):
  // ScaleInCooldown/ScaleOutCooldown (seconds) are per policy; the backlog policy takes the service's cooldowns like the CPU policy.
  test('the backlog policy uses the autoScaling cooldowns', () => {
    const f = fixture();
    new WorkerService(f.stack, 'Worker', {
      cluster: f.cluster,
      task: fargateTask(f.stack),
      autoScaling: { maxCapacity: 5, scaleInCooldown: Duration.minutes(10), scaleOutCooldown: Duration.seconds(30) },
    });
    const t = Template.fromStack(f.stack);
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      PolicyName: 'Worker-backlog-per-task',
      TargetTrackingScalingPolicyConfiguration: Match.objectLike({ ScaleInCooldown: 600, ScaleOutCooldown: 30 }),
    });
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      TargetTrackingScalingPolicyConfiguration: Match.objectLike({
        PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' }, ScaleInCooldown: 600, ScaleOutCooldown: 30,
      }),
    });
  });

  test('defaults stay 300 s in, 60 s out', () => {
    const f = fixture();
    new WorkerService(f.stack, 'Worker', { cluster: f.cluster, task: fargateTask(f.stack), autoScaling: { maxCapacity: 5 } });
    Template.fromStack(f.stack).hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      PolicyName: 'Worker-backlog-per-task',
      TargetTrackingScalingPolicyConfiguration: Match.objectLike({ ScaleInCooldown: 300, ScaleOutCooldown: 60 }),
    });
  });

  // AWS: "Amazon ECS CloudWatch metrics" (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/available-metrics.html)
  // lists no task count in AWS/ECS; RunningTaskCount is an ECS/ContainerInsights metric
  // (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Container-Insights-metrics-ECS.html), published only for
  // clusters with Container Insights: without it the metric math has no data and never scales.
  /** A WorkerService on a cluster with Container Insights off. */
  function workerWithoutInsights(props: Partial<WorkerServiceProps> = {}) {
    const app = new App();
    const stack = new Stack(app, 'Svc', { env: ENV });
    const vpc = new ec2.Vpc(stack, 'Vpc', { availabilityZones: ['eu-west-1a', 'eu-west-1b'], natGateways: 1 });
    const cluster = new EcsCluster(stack, 'Cluster', { vpc, containerInsights: ecs.ContainerInsights.DISABLED });
    const worker = new WorkerService(stack, 'Worker', { cluster, task: new FargateTask(stack, 'Task', { container: { image: IMAGE } }), ...props });
    return { app, stack, worker };
  }

  test('backlog scaling on a cluster without Container Insights fails synth (KIT-SERVICE-BACKLOG-METRIC)', () => {
    const { app } = workerWithoutInsights({ autoScaling: { maxCapacity: 5 } });
    expect(() => app.synth()).toThrow(/\[KIT-SERVICE-BACKLOG-METRIC\] autoScaling tracks backlog per task with ECS\/ContainerInsights RunningTaskCount, but Container Insights is 'disabled' on cluster Svc\/Cluster at Svc\/Worker/);
  });

  test('an aws-cdk-lib ecs.Cluster that sets no Container Insights: a warning, since the account setting decides (KIT-SERVICE-BACKLOG-METRIC-UNSET)', () => {
    const build = (insights?: ecs.ContainerInsights) => {
      const app = new App();
      const stack = new Stack(app, 'Svc', { env: ENV });
      const vpc = new ec2.Vpc(stack, 'Vpc', { availabilityZones: ['eu-west-1a', 'eu-west-1b'], natGateways: 1 });
      const cluster = new ecs.Cluster(stack, 'Plain', { vpc, containerInsightsV2: insights });
      new WorkerService(stack, 'Worker', { cluster, task: new FargateTask(stack, 'Task', { container: { image: IMAGE } }), autoScaling: { maxCapacity: 5 } });
      return { app, stack };
    };
    const { app, stack } = build();
    expect(() => app.synth()).not.toThrow();
    expect(Annotations.fromStack(stack).findWarning('/Svc/Worker', Match.stringLikeRegexp('KIT-SERVICE-BACKLOG-METRIC-UNSET')).map((w) => String(w.entry.data)))
      .toEqual([expect.stringContaining('cluster Svc/Plain does not set Container Insights, so the account setting decides (off unless the account turned it on)')]);
    expect(String(Annotations.fromStack(stack).findWarning('/Svc/Worker', Match.stringLikeRegexp('UNSET'))[0].entry.data))
      .toContain('containerInsightsV2: ecs.ContainerInsights.ENABLED on an aws-cdk-lib ecs.Cluster');
    // Set explicitly: no warning.
    const on = build(ecs.ContainerInsights.ENABLED);
    expect(Annotations.fromStack(on.stack).findWarning('*', Match.stringLikeRegexp('KIT-SERVICE-BACKLOG-METRIC-UNSET'))).toEqual([]);
  });

  test('an acknowledged KIT-SERVICE-BACKLOG-METRIC passes synth (the metric may come from elsewhere)', () => {
    const { app, worker } = workerWithoutInsights({ autoScaling: { maxCapacity: 5 } });
    Validations.of(worker).acknowledge({ id: 'KIT-SERVICE-BACKLOG-METRIC', reason: 'Container Insights is turned on for the account by the platform team' });
    expect(() => app.synth()).not.toThrow();
  });

  test('scaleOnBacklog: false scales on CPU only, so Container Insights may be off', () => {
    const { app, stack } = workerWithoutInsights({ scaleOnBacklog: false, autoScaling: { maxCapacity: 5 } });
    expect(() => app.synth()).not.toThrow();
    const policies = Object.values(Template.fromStack(stack).findResources('AWS::ApplicationAutoScaling::ScalingPolicy'));
    expect(policies.map((p) => p.Properties.TargetTrackingScalingPolicyConfiguration.PredefinedMetricSpecification?.PredefinedMetricType))
      .toEqual(['ECSServiceAverageCPUUtilization']);
  });

  test('backlogPerTask without a backlog policy to use it fails (KIT-SERVICE-SCALING)', () => {
    const f = fixture();
    const task = fargateTask(f.stack);
    expect(() => new WorkerService(f.stack, 'NoScaling', { cluster: f.cluster, task, backlogPerTask: 20 }))
      .toThrow(/\[KIT-SERVICE-SCALING\] backlogPerTask 20 is set with no autoScaling, so no backlog policy uses it at .*NoScaling.*Set autoScaling/);
    expect(() => new WorkerService(f.stack, 'CpuOnly', { cluster: f.cluster, task, backlogPerTask: 20, scaleOnBacklog: false, autoScaling: { maxCapacity: 5 } }))
      .toThrow(/backlogPerTask 20 is set with scaleOnBacklog false.*Remove backlogPerTask, or remove scaleOnBacklog: false/);
  });

  test('without autoScaling, Container Insights may be off', () => {
    expect(() => workerWithoutInsights().app.synth()).not.toThrow();
  });
});
