/**
 * A realistic ECS app in two stacks (network + services), so mutations start
 * from templates that reach deep into what the task, service, capacity,
 * registry and reach rules read, with a cross-stack export/import.
 */
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as patterns from 'aws-cdk-lib/aws-ecs-patterns';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secrets from 'aws-cdk-lib/aws-secretsmanager';
import { CfnTemplate } from '../../../src/rules/model';

/** Build the app (not synthesized). */
export function buildRichApp(app: App = new App()): App {
  const env = { account: '123456789012', region: 'us-east-1' };
  const net = new Stack(app, 'Net', { env });
  const vpc = new ec2.Vpc(net, 'Vpc', { maxAzs: 2, natGateways: 1 });
  const repo = new ecr.Repository(net, 'Repo');
  const svc = new Stack(app, 'Svc', { env });
  const cluster = new ecs.Cluster(svc, 'Cluster', { vpc, containerInsightsV2: ecs.ContainerInsights.ENABLED });
  const asg = new autoscaling.AutoScalingGroup(svc, 'Asg', {
    vpc, instanceType: new ec2.InstanceType('t3.small'), machineImage: ecs.EcsOptimizedImage.amazonLinux2023(), minCapacity: 0, maxCapacity: 2,
  });
  cluster.addAsgCapacityProvider(new ecs.AsgCapacityProvider(svc, 'Cp', { autoScalingGroup: asg }));
  const secret = new secrets.Secret(svc, 'Secret');
  const web = new patterns.ApplicationLoadBalancedFargateService(svc, 'Web', {
    cluster,
    cpu: 256,
    memoryLimitMiB: 512,
    desiredCount: 2,
    enableExecuteCommand: true,
    taskImageOptions: {
      image: ecs.ContainerImage.fromEcrRepository(repo, 'v1'),
      containerPort: 8080,
      secrets: { TOKEN: ecs.Secret.fromSecretsManager(secret) },
      environment: { MODE: 'prod' },
    },
  });
  web.taskDefinition.defaultContainer?.addPortMappings({ containerPort: 9090, name: 'admin' });
  web.targetGroup.configureHealthCheck({ path: '/health', interval: Duration.seconds(30) });
  const ec2Td = new ecs.Ec2TaskDefinition(svc, 'Ec2Td', { networkMode: ecs.NetworkMode.BRIDGE });
  const main = ec2Td.addContainer('main', {
    image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'),
    memoryLimitMiB: 256,
    memoryReservationMiB: 128,
    portMappings: [{ containerPort: 80, hostPort: 0 }],
    healthCheck: { command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'], interval: Duration.seconds(10), retries: 3 },
    logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'main', logGroup: new logs.LogGroup(svc, 'Logs') }),
  });
  const sidecar = ec2Td.addContainer('sidecar', { image: ecs.ContainerImage.fromRegistry('busybox'), memoryLimitMiB: 64, essential: false });
  main.addContainerDependencies({ container: sidecar, condition: ecs.ContainerDependencyCondition.START });
  new ecs.Ec2Service(svc, 'Ec2Svc', {
    cluster, taskDefinition: ec2Td, capacityProviderStrategies: [{ capacityProvider: 'Cp', weight: 1 }],
  });
  new patterns.ScheduledFargateTask(svc, 'Nightly', {
    cluster,
    schedule: appscaling.Schedule.expression('rate(1 day)'),
    scheduledFargateTaskImageOptions: { image: ecs.ContainerImage.fromRegistry('busybox'), memoryLimitMiB: 512 },
  });
  return app;
}

/** The app's stack templates, one assembly. */
export function richTemplates(): { name: string; template: CfnTemplate }[] {
  const asm = buildRichApp().synth();
  return asm.stacks.map((s) => ({ name: s.stackName, template: s.template as CfnTemplate }));
}
