/**
 * False-positive guard: the common aws-cdk-lib ECS shapes, built the way
 * their docs show, must pass EcsChecks with no error and only the expected
 * advisory warnings.
 */
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as patterns from 'aws-cdk-lib/aws-ecs-patterns';
import * as events from 'aws-cdk-lib/aws-events';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { EcsChecks, QuotaProfile } from '../../src';

const image = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27');

test('aws-cdk-lib patterns and L2s synthesize without EcsChecks errors', () => {
  const app = new App({ context: { 'aws:cdk:enable-path-metadata': true } });
  const stack = new Stack(app, 'Patterns', { env: { account: '111111111111', region: 'eu-west-1' } });
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc, enableFargateCapacityProviders: true });
  cluster.addDefaultCloudMapNamespace({ name: 'local' });

  const asg = new autoscaling.AutoScalingGroup(stack, 'Asg', {
    vpc,
    instanceType: new ec2.InstanceType('m6i.large'),
    machineImage: ecs.EcsOptimizedImage.amazonLinux2023(),
    minCapacity: 0,
    maxCapacity: 4,
  });
  const cp = new ecs.AsgCapacityProvider(stack, 'Cp', { autoScalingGroup: asg });
  cluster.addAsgCapacityProvider(cp);

  new patterns.ApplicationLoadBalancedFargateService(stack, 'AlbFargate', {
    cluster, cpu: 512, memoryLimitMiB: 1024, desiredCount: 2, taskImageOptions: { image },
  });
  const nlb = new patterns.NetworkLoadBalancedFargateService(stack, 'NlbFargate', {
    cluster, cpu: 1024, memoryLimitMiB: 2048, taskImageOptions: { image },
  });
  // The pattern gives the NLB no security group and the tasks no ingress, so its health checks never pass
  // (aws-cdk#1490, #4091): open the VPC range as users must. ECS-RC-04 reports the bare pattern (test/rules/reach/cdk-l2.test.ts).
  nlb.service.connections.allowFrom(ec2.Peer.ipv4(vpc.vpcCidrBlock), ec2.Port.tcp(80));
  const albEc2 = new patterns.ApplicationLoadBalancedEc2Service(stack, 'AlbEc2', {
    cluster,
    memoryLimitMiB: 512,
    taskImageOptions: { image },
    capacityProviderStrategies: [{ capacityProvider: cp.capacityProviderName, weight: 1 }],
  });
  // addAsgCapacityProvider leaves the group's security group off cluster.connections, so the pattern opens nothing
  // on the instances (aws-cdk#22764): open the dynamic host ports as users must. ECS-RC-23 reports the bare pattern.
  asg.connections.allowFrom(albEc2.loadBalancer, ec2.Port.tcpRange(32768, 65535));
  new patterns.QueueProcessingFargateService(stack, 'Queue', {
    cluster, cpu: 256, memoryLimitMiB: 512, image, queue: new sqs.Queue(stack, 'Q'), maxScalingCapacity: 5,
  });
  new patterns.ScheduledFargateTask(stack, 'Scheduled', {
    cluster, schedule: events.Schedule.rate(Duration.hours(1)), scheduledFargateTaskImageOptions: { image, cpu: 256, memoryLimitMiB: 512 },
  });

  // Sidecars, dependencies, health checks, Service Connect, a big Fargate size, a bridge-mode EC2 task.
  const td = new ecs.FargateTaskDefinition(stack, 'Sidecars', { cpu: 8192, memoryLimitMiB: 16384 });
  const app1 = td.addContainer('app', {
    image,
    memoryReservationMiB: 512,
    portMappings: [{ containerPort: 8080, name: 'http' }],
    healthCheck: { command: ['CMD-SHELL', 'curl -f http://localhost:8080/ || exit 1'], retries: 3, startPeriod: Duration.seconds(30) },
  });
  const init = td.addContainer('init', { image, essential: false, memoryLimitMiB: 128 });
  app1.addContainerDependencies({ container: init, condition: ecs.ContainerDependencyCondition.SUCCESS });
  const proxy = td.addContainer('proxy', { image, memoryLimitMiB: 256, essential: true });
  proxy.addContainerDependencies({ container: app1, condition: ecs.ContainerDependencyCondition.HEALTHY });
  const connect = new ecs.FargateService(stack, 'Connect', {
    cluster,
    taskDefinition: td,
    minHealthyPercent: 100,
    serviceConnectConfiguration: { services: [{ portMappingName: 'http' }] },
  });
  // A Service Connect server admits its clients (ECS-RC-17 warns on one that admits nobody).
  connect.connections.allowFrom(ec2.Peer.ipv4('10.0.0.0/16'), ec2.Port.tcp(8080), 'Service Connect clients in the VPC');

  const bridge = new ecs.Ec2TaskDefinition(stack, 'Bridge', { networkMode: ecs.NetworkMode.BRIDGE });
  bridge.addContainer('web', { image, memoryLimitMiB: 256, portMappings: [{ containerPort: 80 }] });
  new ecs.Ec2Service(stack, 'BridgeService', {
    cluster,
    taskDefinition: bridge,
    minHealthyPercent: 50,
    capacityProviderStrategies: [{ capacityProvider: cp.capacityProviderName, weight: 1 }],
  });

  const report = EcsChecks.check(app);
  expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
  // No warnings either: Fargate vCPU (QT-04) speaks only once the profile holds the account's value (issue 13).
  expect(report.findings).toEqual([]);
  const account = EcsChecks.check(app, { quotas: QuotaProfile.current().withOverrides({ fargateOnDemandVcpu: 6 }) });
  expect([...new Set(account.findings.map((f) => f.ruleId))]).toEqual(['ECS-QT-04']);
});
