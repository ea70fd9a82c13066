/** A base stack (VPC, EcsCluster) with a ServiceFleet, and services added by key. */
import { App, Stack, StackProps } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
import { EcsCluster, FargateTask, ServiceFleet, ServiceFleetProps, WebService } from '../../src';

export const IMAGE = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27');
export const CERT_ARN = 'arn:aws:acm:eu-west-1:111111111111:certificate/11111111-2222-3333-4444-555555555555';

export interface FleetApp {
  readonly app: App;
  readonly base: Stack;
  readonly fleet: ServiceFleet;
  readonly services: Map<string, WebService>;
}

export function fleetTask(scope: Construct, port = 8080): FargateTask {
  return new FargateTask(scope, 'Task', { container: { image: IMAGE, portMappings: [{ containerPort: port }] } });
}

/** The base stack `Platform` with a fleet `Fleet` and a web service per key (host `<key>.example.com`). */
export function fleetApp(keys: readonly string[], props: Partial<ServiceFleetProps> = {}, stackProps: StackProps = {}, app = new App()): FleetApp {
  const base = new Stack(app, 'Platform', stackProps);
  const vpc = new ec2.Vpc(base, 'Vpc', { maxAzs: 2, natGateways: 1 });
  const cluster = new EcsCluster(base, 'Cluster', { vpc });
  const certificate = acm.Certificate.fromCertificateArn(base, 'Certificate', CERT_ARN);
  const fleet = new ServiceFleet(base, 'Fleet', { cluster, certificate, shards: 3, ...props });
  const services = new Map<string, WebService>();
  for (const key of keys) {
    services.set(key, fleet.addWebService(key, { task: fleetTask(fleet.serviceScope(key)), hostHeaders: [`${key}.example.com`] }));
  }
  return { app, base, fleet, services };
}
