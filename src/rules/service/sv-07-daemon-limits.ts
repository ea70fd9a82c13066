import { ResourceRule, RuleIssue, Severity } from '../rule';
import { hasDefaultStrategy, resolveCluster } from './cluster-providers';
import { controllerType, launchKind, schedulingStrategy, SERVICE } from './service-facts';
import { toArray } from '../values';

export const SV07_DAEMON_LIMITS: ResourceRule = {
  id: 'ECS-SV-07',
  title: 'DAEMON services: EC2 launch type, no capacity provider strategy, no placement strategies, ECS controller',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Flags SchedulingStrategy DAEMON together with a CODE_DEPLOY or EXTERNAL deployment controller (aws-cdk-lib does not check '
    + 'CODE_DEPLOY on Ec2Service), with Fargate (LaunchType FARGATE or a FARGATE/FARGATE_SPOT-only strategy, reachable through L1 and '
    + 'escape hatches), with any CapacityProviderStrategy (aws-cdk-lib passes capacityProviderStrategies on a daemon Ec2Service), with '
    + 'PlacementStrategies (escape hatches), and without LaunchType on a cluster of the app that has a default capacity provider strategy '
    + '(ECS applies the default, so the daemon gets a strategy it refuses). Unresolved clusters and strategies are skipped.',
  deployError: "CreateService fails: tasks using the Fargate launch type or the CODE_DEPLOY or EXTERNAL deployment controller types don't "
    + 'support the DAEMON scheduling strategy; "Specifying a capacity provider strategy is not supported when you create a service using '
    + 'the DAEMON scheduling strategy" (also from the cluster\'s default strategy); "The daemon scheduling strategy does not support '
    + 'placement strategies".',
  fix: 'Give the daemon LaunchType EC2 (no capacity provider strategy, no placement strategies) and the ECS deployment controller; target '
    + 'instances with placement constraints (memberOf). Use REPLICA for Fargate or blue/green.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html',
  resourceTypes: [SERVICE],
  onlyWith: ['SchedulingStrategy'],
  check(service, ctx): RuleIssue[] {
    if (schedulingStrategy(service) !== 'DAEMON') return [];
    const issues: RuleIssue[] = [];
    const controller = controllerType(service);
    if (controller === 'CODE_DEPLOY' || controller === 'EXTERNAL') {
      issues.push({
        property: 'Properties/DeploymentController/Type',
        value: controller,
        problem: `DAEMON service uses the ${controller} deployment controller`,
        allowed: 'the ECS deployment controller for DAEMON services',
        fix: 'Set DeploymentController Type to ECS, or use SchedulingStrategy REPLICA for blue/green deployments.',
      });
    }
    const fargate = launchKind(service, ctx) === 'FARGATE';
    if (fargate) {
      const viaLaunchType = service.properties.LaunchType !== undefined;
      issues.push({
        property: viaLaunchType ? 'Properties/LaunchType' : 'Properties/CapacityProviderStrategy',
        value: viaLaunchType ? service.properties.LaunchType : service.properties.CapacityProviderStrategy,
        problem: 'DAEMON service runs on Fargate',
        allowed: 'DAEMON on EC2 or EXTERNAL capacity only',
        fix: 'Use SchedulingStrategy REPLICA on Fargate, or move the daemon to EC2 capacity.',
        builtInOverlap: 'E3044',
      });
    }
    const strategy = toArray(service.properties.CapacityProviderStrategy);
    if (!fargate && strategy !== undefined && strategy.length > 0) {
      issues.push({
        property: 'Properties/CapacityProviderStrategy',
        value: service.properties.CapacityProviderStrategy,
        problem: 'DAEMON service names a capacity provider strategy',
        allowed: 'LaunchType EC2 (or EXTERNAL) without CapacityProviderStrategy',
        fix: 'Remove CapacityProviderStrategy (capacityProviderStrategies in aws-cdk-lib) and set LaunchType EC2; '
          + 'a placement constraint (memberOf) keeps the daemon on one Auto Scaling group\'s instances.',
      });
    } else if (service.properties.LaunchType === undefined && service.properties.CapacityProviderStrategy === undefined) {
      const cluster = resolveCluster(service.properties.Cluster, service, ctx);
      if (cluster !== undefined && hasDefaultStrategy(cluster, ctx) === true) {
        issues.push({
          property: 'Properties/LaunchType',
          value: undefined,
          problem: `DAEMON service has no LaunchType, so ECS gives it the default capacity provider strategy of cluster ${cluster.path}`,
          allowed: 'LaunchType EC2 (or EXTERNAL) on a DAEMON service',
          fix: 'Set LaunchType EC2 on the daemon (in aws-cdk-lib, an Ec2Service without capacityProviderStrategies sets it).',
        });
      }
    }
    const placement = toArray(service.properties.PlacementStrategies);
    if (placement !== undefined && placement.length > 0) {
      issues.push({
        property: 'Properties/PlacementStrategies',
        value: service.properties.PlacementStrategies,
        problem: `DAEMON service has ${placement.length} placement strateg${placement.length === 1 ? 'y' : 'ies'}`,
        allowed: 'no PlacementStrategies on a DAEMON service (placement constraints are allowed)',
        fix: 'Remove PlacementStrategies: a daemon runs one task on every instance that meets its placement constraints.',
      });
    }
    return issues;
  },
};
