import { ResourceRule, RuleIssue, Severity } from '../rule';
import { CLUSTER, CLUSTER_ASSOCIATIONS, itemLabel, SERVICE, strategyOf } from './service-facts';
import { STRATEGY_BASE, STRATEGY_WEIGHT } from '../tables/capacity-limits';

// One table for this rule and EcsCluster's / the services' construction-time checks.
const MAX_WEIGHT = STRATEGY_WEIGHT.max;
const MAX_BASE = STRATEGY_BASE.max;

export const SV03_WEIGHT_BASE_RANGE: ResourceRule = {
  id: 'ECS-SV-03',
  title: 'Capacity provider weight 0-1000, base 0-100000, and not every weight 0',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Checks Weight (0-1000) and Base (0-100000) of every strategy item of services and cluster default strategies, and that a strategy with several providers gives at least one of them a weight above 0 (an omitted Weight is 0).',
  deployError: 'CreateService / RunTask / PutClusterCapacityProviders fail when a strategy of several providers has all weights 0; CloudFormation rejects out-of-range values.',
  fix: 'Use weights 0-1000 with at least one above 0, and a base of 0-100000.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html',
  resourceTypes: [SERVICE, CLUSTER, CLUSTER_ASSOCIATIONS],
  onlyWith: ['CapacityProviderStrategy', 'DefaultCapacityProviderStrategy'],
  check(resource, ctx): RuleIssue[] {
    const strategy = strategyOf(resource, ctx);
    if (!strategy) return [];
    const issues: RuleIssue[] = [];
    for (const item of strategy.items) {
      if (item.weight !== undefined && (item.weight < 0 || item.weight > MAX_WEIGHT)) {
        issues.push({
          property: `${item.pointer}/Weight`,
          value: item.raw.Weight,
          problem: `capacity provider ${itemLabel(item)} has Weight ${item.weight}`,
          allowed: `0 to ${MAX_WEIGHT}`,
          fix: `Set the weight of ${itemLabel(item)} between 0 and ${MAX_WEIGHT}; weights are relative, so scale them down together.`,
        });
      }
      if (item.base !== undefined && (item.base < 0 || item.base > MAX_BASE)) {
        issues.push({
          property: `${item.pointer}/Base`,
          value: item.raw.Base,
          problem: `capacity provider ${itemLabel(item)} has Base ${item.base}`,
          allowed: `0 to ${MAX_BASE}`,
          fix: `Set the base of ${itemLabel(item)} between 0 and ${MAX_BASE}.`,
        });
      }
    }
    // A single provider with weight 0 is accepted; several all at 0 are not.
    const weights = strategy.items.map((i) => i.weight);
    if (weights.length >= 2 && weights.every((w) => w === 0)) {
      issues.push({
        property: strategy.pointer,
        value: strategy.items.map((i) => i.raw),
        problem: `all ${weights.length} providers of ${strategy.pointer.replace('Properties/', '')} have Weight 0 (${strategy.items.map(itemLabel).join(', ')})`,
        allowed: 'at least one provider with Weight greater than 0 when a strategy lists several providers',
        fix: `Give ${itemLabel(strategy.items[0])} (or another provider) a Weight of 1 or more.`,
      });
    }
    return issues;
  },
};
