import { EcsQuota } from '../../quotas/quota-table';
import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toArray } from '../values';
import { launchKind, SERVICE, serviceTask } from './service-facts';

export const SV16_PLACEMENT: ResourceRule = {
  id: 'ECS-SV-16',
  title: 'Placement strategies and constraints: not on Fargate, and within the per-service limits',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Flags PlacementConstraints / PlacementStrategies on services that run on Fargate (L1 and escape hatches), more placement strategy rules than the quota allows, and more placement constraints (service plus task definition) than the per-task limit.',
  deployError: 'CreateService fails: "Placement constraints are not supported with FARGATE launch type", or the strategy / constraint count is above the limit.',
  fix: 'Drop placement settings on Fargate services and keep within the strategy and constraint limits.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html',
  resourceTypes: [SERVICE],
  onlyWith: ['PlacementStrategies', 'PlacementConstraints'],
  check(service, ctx): RuleIssue[] {
    const issues: RuleIssue[] = [];
    const strategies = toArray(service.properties.PlacementStrategies);
    const constraints = toArray(service.properties.PlacementConstraints);
    if (launchKind(service, ctx) === 'FARGATE') {
      for (const [prop, list] of [['PlacementConstraints', constraints], ['PlacementStrategies', strategies]] as const) {
        if (!list || list.length === 0) continue;
        issues.push({
          property: `Properties/${prop}`,
          value: list,
          problem: `Fargate service sets ${prop} (${list.length})`,
          allowed: `no ${prop} on Fargate; Fargate spreads tasks across Availability Zones itself`,
          fix: `Remove ${prop} from the service, or run it on EC2 capacity.`,
        });
      }
      return issues;
    }
    const maxStrategies = ctx.quotas.limit(EcsQuota.PLACEMENT_STRATEGIES_PER_SERVICE);
    if (strategies && strategies.length > maxStrategies) {
      issues.push({
        property: 'Properties/PlacementStrategies',
        value: strategies,
        problem: `PlacementStrategies has ${strategies.length} rules`,
        allowed: `at most ${maxStrategies} placement strategy rules per service`,
        fix: `Keep the ${maxStrategies} most important strategy rules (for example spread by attribute:ecs.availability-zone, then binpack memory).`,
      });
    }
    const maxConstraints = ctx.quotas.limit(EcsQuota.PLACEMENT_CONSTRAINTS_PER_TASK);
    if (constraints) {
      const task = serviceTask(service, ctx);
      const taskConstraints = task ? toArray(task.properties.PlacementConstraints) ?? [] : [];
      const total = constraints.length + taskConstraints.length;
      if (total > maxConstraints) {
        issues.push({
          property: 'Properties/PlacementConstraints',
          value: constraints,
          problem: `PlacementConstraints has ${constraints.length} service constraints${taskConstraints.length ? ` plus ${taskConstraints.length} in the task definition (${total} in all)` : ''}`,
          allowed: `at most ${maxConstraints} placement constraints per task, service and task definition combined`,
          fix: 'Merge constraints into fewer memberOf expressions (cluster query language supports "and"/"or").',
        });
      }
    }
    return issues;
  },
};
