import { Token } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
import { ServiceCluster, ServiceTask, warnUnseen } from './service-inputs';
import { Ec2Capacity } from '../../capacity/ec2-capacity';
import { Ec2CapacityOs } from '../../capacity/ec2-capacity-image';
import { ManagedInstancesCapacity } from '../../capacity/managed-instances-capacity';
import { describeWeights } from '../../cluster/strategy';
import { fail } from '../../errors';
import { describeRange, inRange, IntRange, STRATEGY_BASE, STRATEGY_WEIGHT } from '../../rules/tables/capacity-limits';
import { architectureName } from '../../task/base/container-defaults';

/** Options of FargateCapacity.spotWithOnDemandBase. */
export interface FargateSpotOptions {
  /** Tasks that always run on on-demand FARGATE, placed first (0-100000). @default 1 */
  readonly onDemandBase?: number;
  /** Weight of FARGATE above the base (0-1000). @default 0 */
  readonly onDemandWeight?: number;
  /** Weight of FARGATE_SPOT (1-1000). @default 1 */
  readonly spotWeight?: number;
}

/** Where Fargate tasks run: on-demand, or Spot with an on-demand base. */
export class FargateCapacity {
  /** On-demand FARGATE only. */
  public static onDemand(): FargateCapacity {
    return new FargateCapacity([{ capacityProvider: 'FARGATE', weight: 1 }], false);
  }

  /**
   * FARGATE_SPOT with an on-demand FARGATE base: the first `onDemandBase`
   * tasks run on demand, so Spot interruptions never take the service to zero.
   */
  public static spotWithOnDemandBase(options: FargateSpotOptions = {}): FargateCapacity {
    const base = options.onDemandBase ?? 1;
    const onDemandWeight = options.onDemandWeight ?? 0;
    const spotWeight = options.spotWeight ?? 1;
    return new FargateCapacity([
      { capacityProvider: 'FARGATE', base, weight: onDemandWeight },
      { capacityProvider: 'FARGATE_SPOT', weight: spotWeight },
    ], true);
  }

  private constructor(
    /** The capacity provider strategy. */
    public readonly strategy: ecs.CapacityProviderStrategy[],
    /** True when tasks may run on FARGATE_SPOT. */
    public readonly usesSpot: boolean,
  ) {}
}

/** The resolved placement of a service's tasks. */
export interface ResolvedCapacity {
  /** The strategy; empty when the tasks use the EC2 launch type (capacity the kit cannot see). */
  readonly strategy: ecs.CapacityProviderStrategy[];
  readonly ec2Capacity?: Ec2Capacity;
  readonly managedInstancesCapacity?: ManagedInstancesCapacity;
}

/** Check and resolve the capacity for a task: Fargate strategy, the EC2 or the Managed Instances capacity provider. */
export function resolveCapacity(
  scope: Construct, cluster: ServiceCluster, task: ServiceTask, capacity?: Ec2Capacity, fargate?: FargateCapacity,
  managedInstances?: ManagedInstancesCapacity, daemon = false,
): ResolvedCapacity {
  const path = scope.node.path;
  if (task.isManagedInstances || managedInstances) {
    return resolveManagedInstances(path, cluster, task, managedInstances, capacity ? 'capacity' : fargate ? 'fargateCapacity' : undefined);
  }
  if (task.isFargate) {
    if (capacity) {
      fail({
        code: 'KIT-SERVICE-CAPACITY',
        path,
        problem: `capacity ${capacity.node.path} was given for task ${task.path}, which runs on Fargate`,
        allowed: 'fargateCapacity for a Fargate task, capacity for an EC2 task',
        fix: 'Remove capacity, or use an Ec2Task (or an EC2-compatible task definition).',
      });
    }
    const chosen = fargate ?? FargateCapacity.onDemand();
    checkItems(path, chosen.strategy);
    fargateProviders(scope, cluster, chosen);
    return { strategy: chosen.strategy };
  }
  if (fargate) {
    fail({
      code: 'KIT-SERVICE-CAPACITY',
      path,
      problem: `fargateCapacity was given for task ${task.path}, which runs on EC2`,
      allowed: 'capacity (an Ec2Capacity) for an EC2 task',
      fix: 'Remove fargateCapacity, or use a FargateTask (or a Fargate-compatible task definition).',
    });
  }
  if (!cluster.kit) return plainEc2Capacity(scope, cluster, task, capacity);
  const kit = cluster.kit;
  const capacities = kit.ec2Capacities;
  const chosen = capacity ?? (capacities.length === 1 ? capacities[0] : undefined);
  if (!chosen) {
    fail({
      code: 'KIT-SERVICE-CAPACITY',
      path,
      problem: `task ${task.path} runs on EC2 (${daemon ? 'a DAEMON service runs one task on each container instance' : 'it is not Fargate-compatible'}), `
        + `and cluster ${kit.node.path} has ${capacities.length} Ec2Capacity`,
      allowed: 'capacity set, or a cluster with exactly one Ec2Capacity',
      fix: capacities.length === 0
        ? `Add EC2 capacity to the cluster: cluster.addEc2Capacity(...)${daemon ? '; a daemon runs one task on each of its instances' : ', or run a FargateTask'}.`
        : `Pass capacity: the Ec2Capacity to run on (one of ${capacities.map((c) => c.node.path).join(', ')}), as returned by cluster.addEc2Capacity(...).`,
    });
  }
  if (!capacities.includes(chosen)) {
    fail({
      code: 'ECS-SV-05',
      path,
      problem: `capacity ${chosen.node.path} is not associated with cluster ${kit.node.path}`,
      allowed: 'an Ec2Capacity added with this cluster\'s addEc2Capacity()',
      fix: 'Add the capacity to the service\'s cluster.',
    });
  }
  checkArchitecture(path, task, chosen);
  checkOperatingSystem(path, task, chosen);
  return { strategy: [{ capacityProvider: chosen.capacityProviderName, weight: 1 }], ec2Capacity: chosen };
}

function checkArchitecture(path: string, task: ServiceTask, chosen: Ec2Capacity): void {
  if (!task.cpuArchitecture) return;
  const taskArch = architectureName(task.cpuArchitecture);
  const hostArch = architectureName(chosen.cpuArchitecture);
  if (taskArch !== hostArch) {
    fail({
      code: 'KIT-SERVICE-ARCH',
      path,
      problem: `the task runs on ${taskArch} but capacity ${chosen.node.path} launches ${hostArch} instances`,
      allowed: 'the same CPU architecture on both',
      fix: 'Set the task\'s cpuArchitecture to the capacity\'s, or use matching instance types.',
    });
  }
}

/** A Windows task needs Windows instances and a Linux task Linux ones: ECS never places it otherwise. */
function checkOperatingSystem(path: string, task: ServiceTask, chosen: Ec2Capacity): void {
  if (!task.kit) return; // the OS family of a plain task definition is not known for sure before synth
  const taskOs = task.kit.isWindows ? 'Windows' : 'Linux';
  const hostOs = chosen.operatingSystem === Ec2CapacityOs.WINDOWS ? 'Windows' : 'Linux';
  if (taskOs !== hostOs) {
    fail({
      code: 'KIT-SERVICE-OS',
      path,
      problem: `the task runs ${taskOs} containers but capacity ${chosen.node.path} launches ${hostOs} instances`,
      allowed: 'Windows tasks on a Windows Server image, Linux tasks on Amazon Linux or Bottlerocket',
      fix: taskOs === 'Windows' ? 'Add capacity with image: Ec2CapacityImage.windowsServer() and pass it as capacity.' : 'Pass a Linux capacity, or set windows: true on the task if its image is Windows.',
    });
  }
}

/** FARGATE / FARGATE_SPOT on a cluster the kit did not make: associate them, or warn when unseen. */
function fargateProviders(scope: Construct, cluster: ServiceCluster, chosen: FargateCapacity): void {
  if (cluster.kit) return;
  const needed = chosen.strategy.map((s) => s.capacityProvider);
  if (cluster.visible) {
    if (needed.some((n) => !cluster.visible!.capacityProviderNames.includes(n))) cluster.visible.enableFargateCapacityProviders();
    return;
  }
  warnUnseen(scope, 'KIT-SERVICE-CAPACITY-UNSEEN',
    `imported cluster ${cluster.path} is used with capacity providers ${needed.join(', ')} that the kit cannot see`,
    `${needed.join(' and ')} associated with the cluster`,
    'Make sure the cluster has the Fargate capacity providers (aws ecs put-cluster-capacity-providers), or acknowledge this warning');
}

/** EC2 capacity on a cluster the kit did not make: its one ASG provider, its ASG, or a warning when unseen. */
function plainEc2Capacity(scope: Construct, cluster: ServiceCluster, task: ServiceTask, capacity?: Ec2Capacity): ResolvedCapacity {
  const path = scope.node.path;
  if (capacity) {
    fail({
      code: 'ECS-SV-05',
      path,
      problem: `capacity ${capacity.node.path} is not associated with cluster ${cluster.path}`,
      allowed: 'an Ec2Capacity of the service\'s EcsCluster; on other clusters, the cluster\'s own capacity',
      fix: 'Remove capacity: on an ecs.Cluster the service uses its Auto Scaling group capacity provider.',
    });
  }
  const visible = cluster.visible;
  if (!visible) {
    warnUnseen(scope, 'KIT-SERVICE-CAPACITY-UNSEEN',
      `task ${task.path} runs on EC2 in imported cluster ${cluster.path}, whose container instances the kit cannot see`,
      'EC2 container instances registered with the cluster',
      'Make sure the cluster has EC2 capacity for the task, or acknowledge this warning');
    return { strategy: [] };
  }
  const providers = visible.capacityProviderNames.filter((n) => !FARGATE_PROVIDER_NAMES.includes(n));
  if (providers.length === 1) return { strategy: [{ capacityProvider: providers[0], weight: 1 }] };
  if (providers.length === 0 && visible.hasEc2Capacity) return { strategy: [] };
  return fail({
    code: 'KIT-SERVICE-CAPACITY',
    path,
    problem: `task ${task.path} runs on EC2, and cluster ${cluster.path} has ${providers.length} Auto Scaling group capacity providers`,
    allowed: 'a cluster with one capacity provider (addAsgCapacityProvider) or an Auto Scaling group (addCapacity)',
    fix: providers.length ? 'Use an EcsCluster with Ec2Capacity to pick the capacity per service.' : 'Add EC2 capacity to the cluster: cluster.addAsgCapacityProvider(...).',
  });
}

const FARGATE_PROVIDER_NAMES = ['FARGATE', 'FARGATE_SPOT'];

function checkItems(path: string, strategy: readonly ecs.CapacityProviderStrategy[]): void {
  for (const item of strategy) {
    checkRange(path, 'ECS-SV-03', `weight of ${item.capacityProvider}`, item.weight, STRATEGY_WEIGHT);
    checkRange(path, 'ECS-SV-03', `base of ${item.capacityProvider}`, item.base, STRATEGY_BASE);
  }
  const weights = strategy.map((i) => i.weight ?? 0);
  if (weights.every((w) => !Token.isUnresolved(w)) && !weights.some((w) => w > 0)) {
    fail({ code: 'ECS-SV-03', path, problem: `no provider in fargateCapacity has a weight above 0 (${describeWeights(strategy)})`, allowed: 'at least one weight > 0', fix: 'Give FARGATE_SPOT (or FARGATE) a weight of 1 or more.' });
  }
}

/**
 * Tasks per service is an adjustable quota (ECS-SV-25): the constructs only
 * reject impossible counts; EcsChecks compares against the app's QuotaProfile.
 */
export const ANY_COUNT = Number.MAX_SAFE_INTEGER;

/** Fail unless `value` is an integer within `range` (tokens pass). */
export function checkRange(path: string, code: string, what: string, value: number | undefined, range: IntRange, fix?: string): void {
  checkRanges(path, code, [{ what, value, range, fix }]);
}

/** One props field checked by checkRanges. */
export interface RangeCheck {
  readonly what: string;
  readonly value: number | undefined;
  readonly range: IntRange;
  readonly fix?: string;
}

/** checkRange for several fields at once: one error naming every field out of range, so a user fixes them in one pass. */
export function checkRanges(path: string, code: string, checks: readonly RangeCheck[]): void {
  const bad = checks.filter(({ value, range }) =>
    value !== undefined && !Token.isUnresolved(value) && !(Number.isInteger(value) && inRange(value, range)));
  if (bad.length === 0) return;
  const one = bad.length === 1;
  fail({
    code,
    path,
    problem: bad.map((c) => `${c.what} ${c.value} is out of range`).join('; '),
    allowed: bad.map((c) => (one ? describeRange(c.range) : `${c.what}: ${describeRange(c.range)}`)).join('; '),
    fix: bad.map((c) => c.fix ?? nearestFix(c.what, c.value!, c.range)).join(' '),
  });
}

/** The allowed value nearest to `value`, as the fix. */
function nearestFix(what: string, value: number, range: IntRange): string {
  const nearest = Math.min(range.max, Math.max(range.min, Math.round(value)));
  return `Set ${what} to ${nearest}${value > range.max ? ' or less' : value < range.min ? ' or more' : ''}.`;
}

/** A Managed Instances task on a ManagedInstancesCapacity of the service's EcsCluster. */
function resolveManagedInstances(
  path: string, cluster: ServiceCluster, task: ServiceTask, given: ManagedInstancesCapacity | undefined, other: string | undefined,
): ResolvedCapacity {
  if (!task.isManagedInstances) {
    fail({
      code: 'KIT-SERVICE-CAPACITY',
      path,
      problem: `managedInstancesCapacity ${given!.node.path} was given for task ${task.path}, which is not compatible with MANAGED_INSTANCES`,
      allowed: 'a ManagedInstancesTask (or a task definition with compatibility MANAGED_INSTANCES) on Managed Instances capacity',
      fix: 'Use a ManagedInstancesTask, or remove managedInstancesCapacity to run the task on its own launch type.',
    });
  }
  if (other) {
    fail({
      code: 'KIT-SERVICE-CAPACITY',
      path,
      problem: `${other} was given for task ${task.path}, which runs on Managed Instances`,
      allowed: 'managedInstancesCapacity (a ManagedInstancesCapacity) for a Managed Instances task',
      fix: `Remove ${other}, and pass managedInstancesCapacity: cluster.addManagedInstancesCapacity(...) if the cluster has several.`,
    });
  }
  const kit = cluster.kit;
  const capacities = kit?.managedInstancesCapacities ?? [];
  const chosen = given ?? (capacities.length === 1 ? capacities[0] : undefined);
  if (!chosen) {
    fail({
      code: 'KIT-SERVICE-CAPACITY',
      path,
      problem: `task ${task.path} runs on Managed Instances, and cluster ${cluster.path} has ${capacities.length} ManagedInstancesCapacity`,
      allowed: 'managedInstancesCapacity set, or an EcsCluster with exactly one ManagedInstancesCapacity',
      fix: kit ? 'Pass managedInstancesCapacity: cluster.addManagedInstancesCapacity(...).' : 'Run the service in an EcsCluster and add Managed Instances capacity with addManagedInstancesCapacity().',
    });
  }
  if (!capacities.includes(chosen)) {
    fail({
      code: 'ECS-SV-05',
      path,
      problem: `managedInstancesCapacity ${chosen.node.path} is not associated with cluster ${cluster.path}`,
      allowed: 'a ManagedInstancesCapacity added with this cluster\'s addManagedInstancesCapacity()',
      fix: 'Add the capacity to the service\'s cluster: a Managed Instances provider belongs to one cluster.',
    });
  }
  if (task.cpuArchitecture && !chosen.supportsArchitecture(task.cpuArchitecture)) {
    fail({
      code: 'KIT-SERVICE-ARCH',
      path,
      problem: `the task's cpuArchitecture ${architectureName(task.cpuArchitecture)} is not among the ${chosen.cpuArchitectures.map(architectureName).join(', ')} instances capacity ${chosen.node.path} launches`,
      allowed: 'a task architecture the capacity\'s instance types or CPU manufacturers provide',
      fix: 'Set the task\'s cpuArchitecture to the capacity\'s, or widen the capacity\'s instance requirements.',
    });
  }
  return { strategy: [{ capacityProvider: chosen.capacityProviderName, weight: 1 }], managedInstancesCapacity: chosen };
}
