import { Annotations, Aspects, IAspect, IResolveContext, Lazy } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { Construct, IConstruct } from 'constructs';
import { ServiceBase } from './base/service-base';
import { ServiceBaseProps } from './base/service-props';
import { ScheduledJob } from './scheduled-job';
import { Ec2Capacity } from '../capacity/ec2-capacity';
import { formatMessage } from '../rules/engine';

/**
 * Props of a DaemonService: no count, no autoscaling, no Fargate.
 *
 * `capacity` is the Ec2Capacity whose instances run the daemon (default: the cluster's only one). The
 * inherited `managedInstancesCapacity` is not supported: DAEMON services run on EC2 container instances,
 * so setting it fails with ECS-SV-07. For one task per Managed Instances instance, use ECS Managed
 * Daemons (ecs.CfnDaemon).
 */
export interface DaemonServiceProps extends ServiceBaseProps {}

/**
 * One task on every EC2 container instance of its capacity (DAEMON scheduling). On an EcsCluster with
 * more than one Ec2Capacity, the daemon gets a memberOf placement constraint on a container instance
 * attribute that the capacity's instances register, so it never runs on the cluster's other capacities.
 * Deployments stop a task before starting its replacement: minHealthyPercent 0 and maxHealthyPercent
 * 100 by default (ECS-SV-07). A task definition compatible with both runs on EC2 here.
 */
export class DaemonService extends ServiceBase {
  constructor(scope: Construct, id: string, props: DaemonServiceProps) {
    super(scope, id, props, { daemon: true });
    const capacity = this.ec2Capacity;
    const kit = this._serviceCluster.kit;
    if (!capacity || !kit) return;
    // DAEMON services take no capacity provider strategy (CreateService refuses one), so a placement
    // constraint is what keeps the daemon on its capacity. Decided at synth: capacities added later count.
    const shared = () => kit.ec2Capacities.length > 1;
    confineTo(this.service, capacity._daemonPlacementExpression(shared), shared);
    Aspects.of(this).add(new IdleCapacityWarning(this, capacity));
  }
}

/** Adds memberOf `expression` to the service's placement constraints when `needed()` is true at synth. */
function confineTo(service: ecs.BaseService, expression: string, needed: () => boolean): void {
  const cfn = service.node.defaultChild as ecs.CfnService;
  // Keep what aws-cdk-lib renders (constraints added with addPlacementConstraints) and append ours.
  const rendered = cfn.placementConstraints;
  cfn.placementConstraints = Lazy.uncachedAny({
    produce: (context: IResolveContext) => {
      const own = (context.resolve(rendered) ?? []) as ecs.CfnService.PlacementConstraintProperty[];
      const all = needed() ? [...own, { type: 'memberOf', expression }] : own;
      return all.length ? all : undefined;
    },
  });
}

/**
 * Warns when no instance of the daemon's capacity may ever run: minCapacity 0 and no replica service
 * or scheduled job on it. The daemon's EC2 launch type does not drive managed scaling.
 */
class IdleCapacityWarning implements IAspect {
  private done = false;
  constructor(private readonly daemon: DaemonService, private readonly capacity: Ec2Capacity) {}

  public visit(node: IConstruct): void {
    if (node !== this.daemon || this.done) return;
    this.done = true;
    if (this.capacity._minCapacity !== 0) return;
    const name = this.capacity.capacityProviderName;
    const own = this.daemon.node.findAll();
    const runsOn = (c: IConstruct): boolean => {
      if (c instanceof ServiceBase) return !(c instanceof DaemonService) && c.ec2Capacity === this.capacity;
      // A plain aws-cdk-lib service (Ec2Service) whose strategy names the capacity's provider.
      if (c instanceof ecs.CfnService) {
        const strategy = c.capacityProviderStrategy;
        const names = (s: unknown) => (s as ecs.CfnService.CapacityProviderStrategyItemProperty).capacityProvider === name;
        return !own.includes(c) && Array.isArray(strategy) && strategy.some(names);
      }
      if (!(c instanceof ScheduledJob)) return false;
      const target = c.schedule.target as scheduler.CfnSchedule.TargetProperty;
      const ecsParameters = target.ecsParameters as scheduler.CfnSchedule.EcsParametersProperty | undefined;
      const strategy = ecsParameters?.capacityProviderStrategy as scheduler.CfnSchedule.CapacityProviderStrategyItemProperty[] | undefined;
      return (strategy ?? []).some((s) => s.capacityProvider === name);
    };
    if (this.daemon.node.root.node.findAll().some(runsOn)) return;
    Annotations.of(this.daemon).addWarningV2('KIT-SERVICE-DAEMON-IDLE', formatMessage('KIT-SERVICE-DAEMON-IDLE', this.daemon.node.path, {
      problem: `capacity ${this.capacity.node.path} has minCapacity 0 and no replica service or ScheduledJob runs on it, so it launches no instance and the daemon runs no task`,
      allowed: 'a daemon capacity with minCapacity 1 or more, or with a replica service or ScheduledJob on it (a daemon\'s EC2 launch type does not drive managed scaling)',
      fix: 'Set minCapacity on the Ec2Capacity, or run a replica service on it, or acknowledge this warning if instances are started another way',
    }));
  }
}
