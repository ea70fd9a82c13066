/**
 * Opening a service's task port to a peer: on the awsvpc tasks' security group, or on the instances' for bridge and
 * host tasks (a fixed host port, else the dynamic host port range).
 */
import { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
import { fixedHostPort, warnUnmappedPort } from './service-checks';
import { ServiceCluster, ServiceTask } from './service-inputs';
import { Ec2Capacity } from '../../capacity/ec2-capacity';
import { openOnInstances } from '../../capacity/instance-ingress';
import { ManagedInstancesCapacity } from '../../capacity/managed-instances-capacity';
import { DYNAMIC_HOST_PORTS } from '../../rules/tables/capacity-limits';

/** Where a service's tasks take traffic. */
export interface TaskPortTargets {
  readonly scope: Construct;
  readonly service: ecs.BaseService;
  readonly task: ServiceTask;
  /** The awsvpc tasks' security group. */
  readonly securityGroup?: ec2.ISecurityGroup;
  readonly ec2Capacity?: Ec2Capacity;
  readonly managedInstancesCapacity?: ManagedInstancesCapacity;
  readonly cluster: ServiceCluster;
}

/** Let `peer` reach the tasks on `port`; `opener` says what opened it, for KIT-SERVICE-PORT-UNMAPPED. */
export function openTaskPort(t: TaskPortTargets, peer: ec2.IConnectable, port: number, opener: string): void {
  const id = t.scope.node.id;
  warnUnmappedPort(t.scope, t.task, port, opener);
  if (t.securityGroup) {
    t.service.connections.allowFrom(peer, ec2.Port.tcp(port), `to ${id} port ${port}`);
  } else if (t.ec2Capacity) {
    // A bridge (or Windows NAT) mapping with a fixed host port is reached on that port, not the dynamic range.
    const mapped = t.task.networkMode === ecs.NetworkMode.BRIDGE || t.task.networkMode === ecs.NetworkMode.NAT;
    const fixed = mapped ? fixedHostPort(t.task, port) : undefined;
    if (fixed !== undefined) openOnInstances(t.ec2Capacity, peer, ec2.Port.tcp(fixed), `to ${id} host port ${fixed}`);
    else t.ec2Capacity.allowTaskTraffic(peer, t.task.networkMode, port);
  } else if (t.managedInstancesCapacity) {
    // Host mode: the container port on the instances.
    openOnInstances(t.managedInstancesCapacity, peer, ec2.Port.tcp(port), `to ${id} port ${port}`);
  } else if (t.cluster.visible) {
    // The instances of an ecs.Cluster: its connections hold their security groups.
    const bridge = t.task.networkMode === ecs.NetworkMode.BRIDGE;
    const fixed = bridge ? fixedHostPort(t.task, port) : undefined;
    const range = fixed !== undefined ? ec2.Port.tcp(fixed)
      : bridge ? ec2.Port.tcpRange(DYNAMIC_HOST_PORTS.min, DYNAMIC_HOST_PORTS.max) : ec2.Port.tcp(port);
    const description = `to ${id} port ${fixed ?? port}`;
    // From another stack, aws-cdk-lib's service holds the cluster's groups imported into its own stack and writes
    // its target rules there: the same rule through it is deduplicated, not a second copy EC2 would reject.
    if (Stack.of(t.cluster.visible) === Stack.of(t.service)) openOnInstances(t.cluster.visible, peer, range, description);
    else t.service.connections.allowFrom(peer, range, description);
  }
}
