/** Ingress to instances that several stacks' services share. */
import * as ec2 from 'aws-cdk-lib/aws-ec2';

/**
 * Let `peer` reach shared instances on `port`. The rules are written from the peer's side (allowTo), so
 * aws-cdk-lib puts them in the peer's stack when the instances live in another (a base stack shared by the
 * service stacks): the service stack refers to the base stack, never the other way round. In one stack the
 * rules are the same resources as `instances.connections.allowFrom(peer)` makes.
 */
export function openOnInstances(instances: ec2.IConnectable, peer: ec2.IConnectable, port: ec2.Port, description: string): void {
  peer.connections.allowTo(instances, port, description);
}
