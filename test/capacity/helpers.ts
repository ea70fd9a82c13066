import { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { EcsCluster } from '../../src/cluster';

/** An env-agnostic stack with a plain VPC and an EcsCluster. */
export function clusterStack(): { stack: Stack; vpc: ec2.Vpc; cluster: EcsCluster } {
  const stack = new Stack();
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  const cluster = new EcsCluster(stack, 'Cluster', { vpc });
  return { stack, vpc, cluster };
}
