/**
 * Realistic user apps, written only against the package's public API (the
 * package root) plus aws-cdk-lib, in env-agnostic stacks as `cdk init` makes them.
 */
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import {
  BackendService, DaemonService, EcsCluster, Ec2Task, FargateSize, FargateTask, ScheduledJob, SecureRepository, WebService, WorkerService,
} from '../../src';

const CERT_ARN = 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';

/** A web API: a Fargate task with an app container reading a secret and a log-router sidecar, behind HTTPS. */
export function webApiApp(app = new App()): Stack {
  const stack = new Stack(app, 'WebApi');
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  const cluster = new EcsCluster(stack, 'Cluster', { vpc });
  const repo = new SecureRepository(stack, 'Repo');
  const dbPassword = new secretsmanager.Secret(stack, 'DbPassword');
  const task = new FargateTask(stack, 'ApiTask', {
    size: FargateSize.of(512, 1024),
    container: {
      image: repo.imageForTag('1.0.0'),
      portMappings: [{ containerPort: 8080 }],
      secrets: { DB_PASSWORD: ecs.Secret.fromSecretsManager(dbPassword) },
      scratchPaths: ['/tmp'],
    },
  });
  task.addContainer('metrics', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0') });
  new WebService(stack, 'Api', {
    cluster,
    task,
    certificate: acm.Certificate.fromCertificateArn(stack, 'Cert', CERT_ARN),
    autoScaling: { minCapacity: 2, maxCapacity: 6 },
  });
  return stack;
}

/** A queue worker, a nightly job, and a Service Connect backend the worker calls. */
export function workerApp(app = new App()): Stack {
  const stack = new Stack(app, 'Worker');
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  const cluster = new EcsCluster(stack, 'Cluster', { vpc, defaultCloudMapNamespace: { name: 'internal' } });
  const image = ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/python:3.12-slim');
  const backend = new BackendService(stack, 'Pricing', {
    cluster,
    task: new FargateTask(stack, 'PricingTask', { container: { image, portMappings: [{ containerPort: 8000, name: 'pricing' }] } }),
  });
  const worker = new WorkerService(stack, 'Orders', {
    cluster,
    task: new FargateTask(stack, 'OrdersTask', { container: { image, command: ['python', '-m', 'worker'] } }),
    serviceConnect: {},
  });
  backend.allowFrom(worker, 8000);
  new ScheduledJob(stack, 'Nightly', {
    cluster,
    task: new FargateTask(stack, 'NightlyTask', { container: { image, command: ['python', '-m', 'report'] } }),
    schedule: scheduler.ScheduleExpression.cron({ hour: '2', minute: '0' }),
  });
  return stack;
}

/** EC2 capacity the user already has: a plain ecs.Cluster with an ASG capacity provider, a daemon and a service on it. */
export function ec2App(app = new App()): Stack {
  const stack = new Stack(app, 'Ec2');
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  const cluster = new ecs.Cluster(stack, 'Existing', { vpc, containerInsightsV2: ecs.ContainerInsights.ENABLED });
  const asg = new autoscaling.AutoScalingGroup(stack, 'Instances', {
    vpc,
    instanceType: new ec2.InstanceType('m6i.large'),
    machineImage: ecs.EcsOptimizedImage.amazonLinux2023(),
    minCapacity: 0,
    maxCapacity: 4,
    requireImdsv2: true,
  });
  cluster.addAsgCapacityProvider(new ecs.AsgCapacityProvider(stack, 'Provider', { autoScalingGroup: asg, enableManagedTerminationProtection: false }));
  const image = ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/nginx:1.27');
  new DaemonService(stack, 'LogAgent', {
    cluster,
    task: new Ec2Task(stack, 'LogAgentTask', { networkMode: ecs.NetworkMode.BRIDGE, container: { image, memoryLimitMiB: 128 } }),
  });
  new WorkerService(stack, 'Batch', {
    cluster,
    task: new Ec2Task(stack, 'BatchTask', { container: { image } }),
    healthCheckGracePeriod: Duration.seconds(30),
  });
  return stack;
}
