/**
 * A real multi-stack app: a network stack with one shared cluster (exported
 * by CDK's cross-stack references, and by its literal name), and three
 * service stacks that together cross the legacy quotas by cheap means:
 *   - 504 services on the shared cluster (3 L2 services + 167 L1 services per stack), legacy 500
 *   - DesiredCount 1,200 on one service and autoscaling MaxCapacity 1,100 on another, legacy 1,000
 *   - two target groups on one service, legacy 1
 *   - two ASG capacity providers of MaxSize 600 behind the cluster, legacy 1,000 instances
 *   - a ~40 KB task definition, legacy 32 KiB
 * All of it is within today's defaults.
 */
import { App, Stack } from 'aws-cdk-lib';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { StackInput } from '../../src/rules/model';

export const L1_SERVICES_PER_STACK = 167;

export function buildApp(outdir?: string): App {
  // Path metadata as the cdk CLI turns it on, so findings name construct paths.
  const app = new App({ outdir, context: { 'aws:cdk:enable-path-metadata': true } });
  const network = new Stack(app, 'Network');
  const vpc = new ec2.Vpc(network, 'Vpc', {
    maxAzs: 2,
    natGateways: 1, // tasks pull public images through the NAT gateway (ECS-RC-01)
    subnetConfiguration: [
      { name: 'public', subnetType: ec2.SubnetType.PUBLIC },
      { name: 'app', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
    ],
  });
  const cluster = new ecs.Cluster(network, 'Cluster', { vpc, clusterName: 'shared', enableFargateCapacityProviders: true });
  for (const id of ['A', 'B']) {
    const asg = new autoscaling.AutoScalingGroup(network, `Asg${id}`, {
      vpc,
      instanceType: new ec2.InstanceType('m7g.large'),
      machineImage: ecs.EcsOptimizedImage.amazonLinux2023(ecs.AmiHardwareType.ARM),
      minCapacity: 0,
      maxCapacity: 600,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
    });
    cluster.addAsgCapacityProvider(new ecs.AsgCapacityProvider(network, `Provider${id}`, { autoScalingGroup: asg }));
  }

  const serviceStack = (name: string, build: (stack: Stack, task: ecs.FargateTaskDefinition) => void) => {
    const stack = new Stack(app, name);
    const task = new ecs.FargateTaskDefinition(stack, 'Task', { cpu: 256, memoryLimitMiB: 512 });
    task.addContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), portMappings: [{ containerPort: 80 }] });
    build(stack, task);
    // Cheap extra services on the same cluster: L1, sharing the task definition.
    for (let i = 0; i < L1_SERVICES_PER_STACK; i++) {
      new ecs.CfnService(stack, `Worker${i}`, {
        cluster: cluster.clusterName,
        taskDefinition: task.taskDefinitionArn,
        launchType: 'FARGATE',
        desiredCount: 0,
        networkConfiguration: { awsvpcConfiguration: { subnets: vpc.privateSubnets.map((s) => s.subnetId) } },
      });
    }
    return stack;
  };

  // Tasks per service: DesiredCount 1,200.
  serviceStack('Orders', (stack, task) => {
    new ecs.FargateService(stack, 'Api', { cluster, taskDefinition: task, desiredCount: 1200, minHealthyPercent: 100 });
  });

  // Two target groups on one service; a 40 KB task definition.
  serviceStack('Web', (stack) => {
    const big = new ecs.FargateTaskDefinition(stack, 'BigTask', { cpu: 256, memoryLimitMiB: 512 });
    const environment: Record<string, string> = {};
    for (let i = 0; i < 400; i++) environment[`SETTING_${i}`] = 'v'.repeat(80);
    big.addContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), environment, portMappings: [{ containerPort: 80 }] });
    const svc = new ecs.FargateService(stack, 'Site', { cluster, taskDefinition: big, desiredCount: 2, minHealthyPercent: 100 });
    const alb = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc, internetFacing: false });
    for (const port of [80, 8080]) {
      const listener = alb.addListener(`L${port}`, { port, protocol: elbv2.ApplicationProtocol.HTTP, open: false });
      listener.addTargets(`T${port}`, { port: 80, protocol: elbv2.ApplicationProtocol.HTTP, targets: [svc] });
    }
  });

  // Autoscaling MaxCapacity 1,100 on a service that names the cluster by its literal name.
  serviceStack('Billing', (stack, task) => {
    const byName = ecs.Cluster.fromClusterAttributes(stack, 'SharedByName', { clusterName: 'shared', vpc });
    const svc = new ecs.FargateService(stack, 'Worker', { cluster: byName, taskDefinition: task, desiredCount: 2, minHealthyPercent: 100 });
    svc.autoScaleTaskCount({ minCapacity: 2, maxCapacity: 1100 }).scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });
  });
  return app;
}

/** The synthesized stacks as the rules read them. */
export function stacksOf(app: App): StackInput[] {
  const asm = app.synth();
  return asm.stacks.map((s) => ({ name: s.stackName, template: s.template, environment: { region: s.environment.region } }));
}
