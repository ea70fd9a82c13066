/** Shared fixtures of the service tests: a stack with a literal env, a VPC, a cluster and tasks. */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { EcsCluster } from '../../src/cluster';
import { Ec2Task, FargateTask } from '../../src/task';

export const ENV = { account: '123456789012', region: 'eu-west-1' };
export const CERT_ARN = 'arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';
export const IMAGE = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27');

export interface Fixture {
  readonly app: App;
  readonly stack: Stack;
  readonly vpc: ec2.Vpc;
  readonly cluster: EcsCluster;
}

export function fixture(clusterProps: { enableExecuteCommand?: boolean } = {}, app = new App()): Fixture {
  const stack = new Stack(app, 'Svc', { env: ENV });
  const vpc = new ec2.Vpc(stack, 'Vpc', { availabilityZones: ['eu-west-1a', 'eu-west-1b'], natGateways: 1 });
  const cluster = new EcsCluster(stack, 'Cluster', { vpc, ...clusterProps });
  return { app, stack, vpc, cluster };
}

export function fargateTask(stack: Stack, id = 'Task', port = 8080, name?: string): FargateTask {
  return new FargateTask(stack, id, { container: { image: IMAGE, portMappings: [{ containerPort: port, name }] } });
}

export function ec2Task(stack: Stack, id = 'Ec2Task', networkMode = ecs.NetworkMode.BRIDGE): Ec2Task {
  return new Ec2Task(stack, id, { networkMode, container: { image: IMAGE, portMappings: [{ containerPort: 8080 }] } });
}

export function certificate(stack: Stack): acm.ICertificate {
  return acm.Certificate.fromCertificateArn(stack, 'Cert', CERT_ARN);
}

/** Synthesize once (aws-cdk-lib's capacity-provider aspect cannot run twice): template and warnings. */
export function synthOnce(app: App, stack: Stack): { t: Template; warnings: { path: string; text: string }[] } {
  const artifact = app.synth().getStackArtifact(stack.artifactId);
  const warnings = artifact.messages.filter((m) => m.level === 'warning').map((m) => ({ path: m.id, text: String(m.entry.data) }));
  return { t: Template.fromJSON(artifact.template), warnings };
}

