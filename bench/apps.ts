/**
 * The benchmark apps: N ALB Fargate services on one VPC and cluster (in a
 * `Network` stack), spread over stacks of 25 services.
 * - `plain`: aws-cdk-lib `ecs-patterns` ApplicationLoadBalancedFargateService;
 * - `kit`: the kit's FargateTask + WebService, on the same plain VPC and
 *   cluster, with the same image, size and desired count.
 * Both run nginx-unprivileged on port 8080: the kit's default non-root user
 * could not bind nginx's port 80 (KIT-TASK-PRIVILEGED-PORT), so an app on
 * port 80 would measure a warning and a task that exits at start.
 */
import { App, Stack } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as patterns from 'aws-cdk-lib/aws-ecs-patterns';
import { loadKit } from './kit';

export const SERVICES_PER_STACK = 25;
/**
 * Both apps give every service a load balancer of its own (as ecs-patterns does): 1,000 in one Region at 1,000
 * services, over the default of 50 (ECS-QT-09). An account that runs that many has raised the quota; the
 * benchmarks measure a clean app, so the checks run with the raised value.
 */
export const BENCH_QUOTA_OVERRIDES = { applicationLoadBalancersPerRegion: 5000 };
export type AppKind = 'plain' | 'kit';

const IMAGE = 'public.ecr.aws/nginx/nginx-unprivileged:1.27';
const PORT = 8080;
const CERTIFICATE_ARN = 'arn:aws:acm:us-east-1:111111111111:certificate/11111111-2222-3333-4444-555555555555';
const ENV = { account: '111111111111', region: 'us-east-1' };

export function buildApp(app: App, services: number, kind: AppKind = 'plain'): void {
  // The kit is loaded only for the kit app (and timed with its build), so a plain app's process holds only aws-cdk-lib.
  const { FargateTask, WebService } = kind === 'kit' ? loadKit() : { FargateTask: undefined!, WebService: undefined! };
  const network = new Stack(app, 'Network', { env: ENV });
  const vpc = new ec2.Vpc(network, 'Vpc', { maxAzs: 2, natGateways: 1 });
  const cluster = new ecs.Cluster(network, 'Cluster', { vpc });
  for (let s = 0; s * SERVICES_PER_STACK < services; s++) {
    const stack = new Stack(app, `Services${s}`, { env: ENV });
    const certificate = kind === 'kit' ? acm.Certificate.fromCertificateArn(stack, 'Certificate', CERTIFICATE_ARN) : undefined;
    for (let i = s * SERVICES_PER_STACK; i < Math.min(services, (s + 1) * SERVICES_PER_STACK); i++) {
      if (kind === 'plain') {
        new patterns.ApplicationLoadBalancedFargateService(stack, `Svc${i}`, {
          cluster,
          cpu: 256,
          memoryLimitMiB: 512,
          desiredCount: 2,
          taskImageOptions: { image: ecs.ContainerImage.fromRegistry(IMAGE), containerPort: PORT },
        });
      } else {
        const task = new FargateTask(stack, `Svc${i}Task`, {
          container: { image: ecs.ContainerImage.fromRegistry(IMAGE), portMappings: [{ containerPort: PORT }], scratchPaths: ['/tmp'] },
        });
        // No access-log bucket: the plain pattern has none either.
        new WebService(stack, `Svc${i}`, { cluster, task, certificate, desiredCount: 2, accessLogs: false });
      }
    }
  }
}

/** The plain app (kept for bench/rule-pass.ts and older scripts). */
export function buildPlainApp(app: App, services: number): void {
  buildApp(app, services, 'plain');
}
