/**
 * Opening a service's task port to a peer: on the awsvpc tasks' security group, or on the instances' for bridge and
 * host tasks (a fixed host port, else the dynamic host port range).
 */
import { Stack } from 'aws-cdk-lib';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct, IConstruct } from 'constructs';
import { fixedHostPort, warnUnmappedPort } from './service-checks';
import { ServiceCluster, ServiceTask } from './service-inputs';
import { Ec2Capacity } from '../../capacity/ec2-capacity';
import { openOnInstances } from '../../capacity/instance-ingress';
import { ManagedInstancesCapacity } from '../../capacity/managed-instances-capacity';
import { dynamicHostPorts } from '../../rules/tables/capacity-limits';

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
    const instances = plainClusterInstances(t.cluster.visible);
    // NAT is Windows-only, so its dynamic host ports are the Windows range, as on the kit's own capacity.
    const dynamic = dynamicHostPorts(t.task.networkMode);
    const fixed = dynamic ? fixedHostPort(t.task, port) : undefined;
    const range = fixed !== undefined ? ec2.Port.tcp(fixed)
      : dynamic ? ec2.Port.tcpRange(dynamic.min, dynamic.max) : ec2.Port.tcp(port);
    const description = `to ${id} port ${fixed ?? port}`;
    // From another stack, aws-cdk-lib's service holds the cluster's groups imported into its own stack and writes
    // its target rules there: the same rule through it is deduplicated, not a second copy EC2 would reject. A
    // provider's group is not among them: its rules are written from the peer's side.
    if (instances !== t.cluster.visible || Stack.of(instances) === Stack.of(t.service)) openOnInstances(instances, peer, range, description);
    else t.service.connections.allowFrom(peer, range, description);
  }
}

/**
 * The instances of a plain ecs.Cluster. `addCapacity` puts their security groups on the cluster's connections;
 * `addAsgCapacityProvider` does not, so the Auto Scaling group of the cluster's one provider (the one its EC2 services
 * run on) is found by name in the app.
 */
function plainClusterInstances(cluster: ecs.Cluster): ec2.IConnectable & IConstruct {
  if (cluster.connections.securityGroups.length > 0) return cluster;
  // One walk of the app per cluster, not per service: many services share a cluster.
  const found = PROVIDER_GROUPS.get(cluster);
  if (found) return found;
  const names = cluster.capacityProviderNames;
  const provider = cluster.node.root.node.findAll().find((c): c is ecs.AsgCapacityProvider =>
    c instanceof ecs.AsgCapacityProvider && names.includes(c.capacityProviderName));
  if (!(provider?.autoScalingGroup instanceof autoscaling.AutoScalingGroup)) return cluster;
  PROVIDER_GROUPS.set(cluster, provider.autoScalingGroup);
  return provider.autoScalingGroup;
}

/** The Auto Scaling group found for a plain cluster's provider. */
const PROVIDER_GROUPS = new WeakMap<ecs.Cluster, autoscaling.AutoScalingGroup>();
