/**
 * The benchmark app: N ALB Fargate services built with plain aws-cdk-lib
 * (ecs-patterns), on one VPC and cluster, spread over stacks of 25 services.
 */
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as patterns from 'aws-cdk-lib/aws-ecs-patterns';

export const SERVICES_PER_STACK = 25;

export function buildPlainApp(app: App, services: number): void {
  const network = new Stack(app, 'Network', { env: { account: '111111111111', region: 'us-east-1' } });
  const vpc = new ec2.Vpc(network, 'Vpc', { maxAzs: 2, natGateways: 1 });
  const cluster = new ecs.Cluster(network, 'Cluster', { vpc });
  for (let s = 0; s * SERVICES_PER_STACK < services; s++) {
    const stack = new Stack(app, `Services${s}`, { env: { account: '111111111111', region: 'us-east-1' } });
    for (let i = s * SERVICES_PER_STACK; i < Math.min(services, (s + 1) * SERVICES_PER_STACK); i++) {
      new patterns.ApplicationLoadBalancedFargateService(stack, `Svc${i}`, {
        cluster,
        cpu: 256,
        memoryLimitMiB: 512,
        desiredCount: 2,
        taskImageOptions: { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), containerPort: 80 },
      });
    }
  }
}
