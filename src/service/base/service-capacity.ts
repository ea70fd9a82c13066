import { Token } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Ec2Capacity } from '../../capacity/ec2-capacity';
import { EcsCluster } from '../../cluster/ecs-cluster';
import { fail } from '../../errors';
import { describeRange, inRange, IntRange, STRATEGY_BASE, STRATEGY_WEIGHT } from '../../rules/tables/capacity-limits';
import { architectureName } from '../../task/base/container-defaults';
import { TaskBase } from '../../task/base/task-base';

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
  readonly strategy: ecs.CapacityProviderStrategy[];
  readonly ec2Capacity?: Ec2Capacity;
}

/** Check and resolve the capacity for a task: Fargate strategy, or the EC2 capacity provider. */
export function resolveCapacity(
  path: string, cluster: EcsCluster, task: TaskBase, capacity?: Ec2Capacity, fargate?: FargateCapacity,
): ResolvedCapacity {
  if (task.isFargate) {
    if (capacity) {
      fail({
        code: 'KIT-SERVICE-CAPACITY',
        path,
        problem: `capacity ${capacity.node.path} was given for a FargateTask`,
        allowed: 'fargateCapacity for a FargateTask, capacity for an Ec2Task',
        fix: 'Remove capacity, or use an Ec2Task.',
      });
    }
    const strategy = (fargate ?? FargateCapacity.onDemand()).strategy;
    checkItems(path, strategy);
    return { strategy };
  }
  if (fargate) {
    fail({
      code: 'KIT-SERVICE-CAPACITY',
      path,
      problem: 'fargateCapacity was given for an Ec2Task',
      allowed: 'capacity (an Ec2Capacity) for an Ec2Task',
      fix: 'Remove fargateCapacity, or use a FargateTask.',
    });
  }
  const capacities = cluster.ec2Capacities;
  const chosen = capacity ?? (capacities.length === 1 ? capacities[0] : undefined);
  if (!chosen) {
    fail({
      code: 'KIT-SERVICE-CAPACITY',
      path,
      problem: `an Ec2Task needs EC2 capacity, and cluster ${cluster.node.path} has ${capacities.length} Ec2Capacity`,
      allowed: 'capacity set, or a cluster with exactly one Ec2Capacity',
      fix: 'Pass capacity: cluster.addEc2Capacity(...).',
    });
  }
  if (!capacities.includes(chosen)) {
    fail({
      code: 'ECS-SV-05',
      path,
      problem: `capacity ${chosen.node.path} is not associated with cluster ${cluster.node.path}`,
      allowed: 'an Ec2Capacity added with this cluster\'s addEc2Capacity()',
      fix: 'Add the capacity to the service\'s cluster.',
    });
  }
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
  return { strategy: [{ capacityProvider: chosen.capacityProviderName, weight: 1 }], ec2Capacity: chosen };
}

function checkItems(path: string, strategy: readonly ecs.CapacityProviderStrategy[]): void {
  for (const item of strategy) {
    checkRange(path, 'ECS-SV-03', `weight of ${item.capacityProvider}`, item.weight, STRATEGY_WEIGHT);
    checkRange(path, 'ECS-SV-03', `base of ${item.capacityProvider}`, item.base, STRATEGY_BASE);
  }
  const weights = strategy.map((i) => i.weight ?? 0);
  if (weights.every((w) => !Token.isUnresolved(w)) && !weights.some((w) => w > 0)) {
    fail({ code: 'ECS-SV-03', path, problem: 'no provider in the Fargate capacity has a weight above 0', allowed: 'at least one weight > 0', fix: 'Give FARGATE_SPOT (or FARGATE) a weight of 1 or more.' });
  }
}

/** Fail unless `value` is an integer within `range` (tokens pass). */
export function checkRange(path: string, code: string, what: string, value: number | undefined, range: IntRange, fix?: string): void {
  if (value === undefined || Token.isUnresolved(value)) return;
  if (Number.isInteger(value) && inRange(value, range)) return;
  fail({ code, path, problem: `${what} ${value} is out of range`, allowed: describeRange(range), fix: fix ?? `Use ${describeRange(range)}.` });
}
