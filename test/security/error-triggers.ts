/**
 * Shared pieces of the error-quality tables: the trigger row type and a small
 * app (stack `S` with a VPC and an EcsCluster) to build the bad input in.
 */
import { App, Stack } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { EcsCluster, EcsClusterProps, Ec2Task, FargateTask, WebService, WebServiceProps } from '../../src';
import { DEFAULTS_CERTIFICATE_ARN, DEFAULTS_IMAGE } from '../fixtures/default-props-app';

/** One construct validation error and the smallest public-API input that raises it. */
export interface ErrorTrigger {
  /** The id the error carries (KIT-* or ECS-*). */
  readonly code: string;
  /** The property the problem must name (compared ignoring case and spaces: "cpu architecture" names cpuArchitecture). */
  readonly prop: string;
  /** The bad value the problem must quote; for a missing or conflicting setting, the words that say so. */
  readonly bad: string;
  /** Builds the bad input: throws an EcsKitError, or (for a synth-time check) fails app.synth(). */
  readonly trigger: () => void;
  /** The construct path the error names. @default a path in stack S */
  readonly path?: string | RegExp;
}

export const IMAGE = DEFAULTS_IMAGE;

export interface Env {
  readonly app: App;
  readonly stack: Stack;
  readonly vpc: ec2.Vpc;
  readonly cluster: EcsCluster;
}

export function env(clusterProps: Partial<EcsClusterProps> = {}): Env {
  const app = new App();
  const stack = new Stack(app, 'S', { env: { account: '111111111111', region: 'eu-west-1' } });
  const vpc = new ec2.Vpc(stack, 'Vpc', { availabilityZones: ['eu-west-1a', 'eu-west-1b'], natGateways: 1 });
  const cluster = new EcsCluster(stack, 'Cluster', { vpc, ...clusterProps });
  return { app, stack, vpc, cluster };
}

export const fargateTask = (stack: Stack, id = 'Task', port = 8080, name?: string) =>
  new FargateTask(stack, id, { container: { image: IMAGE, portMappings: [{ containerPort: port, name }] } });

export const ec2Task = (stack: Stack, id = 'Ec2Task', networkMode = ecs.NetworkMode.BRIDGE, cpuArchitecture?: ecs.CpuArchitecture) =>
  new Ec2Task(stack, id, { networkMode, cpuArchitecture, container: { image: IMAGE, portMappings: [{ containerPort: 8080 }] } });

export const certificate = (stack: Stack) => acm.Certificate.fromCertificateArn(stack, 'Cert', DEFAULTS_CERTIFICATE_ARN);

/** A WebService in a fresh env, with `extra` props. */
export function web(extra: Partial<WebServiceProps> = {}, e = env()): WebService {
  return new WebService(e.stack, 'Web', { cluster: e.cluster, task: fargateTask(e.stack), certificate: certificate(e.stack), ...extra });
}
