/**
 * docs/migrate-ecs-patterns.md's worked example: the same four services with
 * aws-cdk-lib's ecs-patterns (before) and with the kit (after). Both build a
 * stack named 'Orders' with the same construct ids, so
 * `cdk-ecs-kit check --baseline before.cdk.out after.cdk.out` compares them
 * (test/examples/migrate-ecs-patterns.test.ts synthesizes both and runs it).
 */
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as applicationautoscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as ecsPatterns from 'aws-cdk-lib/aws-ecs-patterns';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import {
  FargateCapacity, FargateSize, FargateTask, NetworkLoadBalancedService, ScheduledJob, WebService, WorkerService,
} from '../../src';

const CERTIFICATE_ARN = 'arn:aws:acm:eu-west-1:111111111111:certificate/11111111-2222-3333-4444-555555555555';
const IMAGE = 'public.ecr.aws/nginx/nginx-unprivileged:1.27';

/** What both versions share and keep: the VPC, the cluster and the certificate. */
function shared(app: App): { stack: Stack; cluster: ecs.Cluster; certificate: acm.ICertificate } {
  const stack = new Stack(app, 'Orders');
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  // The kit's services take the cluster you have: keeping it keeps every service's Cluster property.
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc, containerInsightsV2: ecs.ContainerInsights.ENABLED });
  const certificate = acm.Certificate.fromCertificateArn(stack, 'Certificate', CERTIFICATE_ARN);
  return { stack, cluster, certificate };
}

/** Before: aws-cdk-lib ecs-patterns. */
export function buildWithPatterns(app: App): Stack {
  const { stack, cluster, certificate } = shared(app);
  const web = new ecsPatterns.ApplicationLoadBalancedFargateService(stack, 'Web', {
    cluster,
    cpu: 512,
    memoryLimitMiB: 1024,
    desiredCount: 2,
    taskImageOptions: { image: ecs.ContainerImage.fromRegistry(IMAGE), containerPort: 8080, environment: { LOG_LEVEL: 'info' } },
    certificate,
    redirectHTTP: true,
    publicLoadBalancer: true,
    circuitBreaker: { rollback: true },
  });
  web.targetGroup.configureHealthCheck({ path: '/healthz' });
  web.service.autoScaleTaskCount({ minCapacity: 2, maxCapacity: 10 }).scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });

  new ecsPatterns.NetworkLoadBalancedFargateService(stack, 'Tcp', {
    cluster,
    taskImageOptions: { image: ecs.ContainerImage.fromRegistry(IMAGE), containerPort: 8080 },
    listenerPort: 443,
    publicLoadBalancer: false,
  });

  new ecsPatterns.QueueProcessingFargateService(stack, 'Worker', {
    cluster,
    cpu: 256,
    memoryLimitMiB: 512,
    image: ecs.ContainerImage.fromRegistry(IMAGE),
    maxReceiveCount: 5,
    visibilityTimeout: Duration.minutes(2),
    minScalingCapacity: 1,
    maxScalingCapacity: 8,
    capacityProviderStrategies: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }],
  });

  new ecsPatterns.ScheduledFargateTask(stack, 'Nightly', {
    cluster,
    scheduledFargateTaskImageOptions: { image: ecs.ContainerImage.fromRegistry(IMAGE), cpu: 256, memoryLimitMiB: 512 },
    schedule: applicationautoscaling.Schedule.cron({ hour: '2', minute: '30' }),
  });
  return stack;
}

/** After: the kit, same construct ids, same cluster. */
export function buildWithKit(app: App): Stack {
  const { stack, cluster, certificate } = shared(app);
  const image = ecs.ContainerImage.fromRegistry(IMAGE);
  // nginx-unprivileged writes to /tmp only, as uid 101: runs on the kit's read-only root filesystem.
  const webTask = new FargateTask(stack, 'WebTask', {
    size: FargateSize.of(512, 1024),
    container: { image, portMappings: [{ containerPort: 8080 }], environment: { LOG_LEVEL: 'info' }, scratchPaths: ['/tmp'] },
  });
  new WebService(stack, 'Web', {
    cluster,
    task: webTask,
    certificate,
    redirectHttp: true,
    internetFacing: true,
    healthCheck: { path: '/healthz' },
    autoScaling: { minCapacity: 2, maxCapacity: 10, targetCpuPercent: 60 },
  });

  new NetworkLoadBalancedService(stack, 'Tcp', {
    cluster,
    task: new FargateTask(stack, 'TcpTask', { container: { image, portMappings: [{ containerPort: 8080 }], scratchPaths: ['/tmp'] } }),
    certificate,
    listenerPort: 443,
  });

  new WorkerService(stack, 'Worker', {
    cluster,
    task: new FargateTask(stack, 'WorkerTask', { container: { image, scratchPaths: ['/tmp'] } }),
    maxReceiveCount: 5,
    visibilityTimeout: Duration.minutes(2),
    autoScaling: { minCapacity: 1, maxCapacity: 8 },
    fargateCapacity: FargateCapacity.spotWithOnDemandBase({ onDemandBase: 0 }),
  });

  new ScheduledJob(stack, 'Nightly', {
    cluster,
    task: new FargateTask(stack, 'NightlyTask', { container: { image, scratchPaths: ['/tmp'] } }),
    schedule: scheduler.ScheduleExpression.cron({ hour: '2', minute: '30' }),
  });
  return stack;
}
