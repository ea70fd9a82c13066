import { ResourceRule, RuleIssue, Severity } from '../rule';
import { CLUSTER, CLUSTER_ASSOCIATIONS, itemLabel, SERVICE, strategyOf } from './service-facts';

export const SV02_SINGLE_BASE: ResourceRule = {
  id: 'ECS-SV-02',
  title: 'Only one capacity provider in a strategy may have a non-zero base',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Checks service capacity provider strategies and cluster default strategies (AWS::ECS::Cluster, AWS::ECS::ClusterCapacityProviderAssociations) for more than one provider with Base > 0. aws-cdk-lib checks this only for the L2 cluster default strategy.',
  deployError: 'CreateService / PutClusterCapacityProviders fail: only one capacity provider in a capacity provider strategy can have a base defined.',
  fix: 'Set Base on a single provider of the strategy.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html',
  resourceTypes: [SERVICE, CLUSTER, CLUSTER_ASSOCIATIONS],
  onlyWith: ['CapacityProviderStrategy', 'DefaultCapacityProviderStrategy'],
  check(resource, ctx): RuleIssue[] {
    const strategy = strategyOf(resource, ctx);
    if (!strategy) return [];
    const withBase = strategy.items.filter((i) => i.base !== undefined && i.base > 0);
    if (withBase.length < 2) return [];
    const [keep, second] = withBase;
    return [{
      property: `${second.pointer}/Base`,
      value: second.raw.Base,
      problem: `${strategy.pointer.replace('Properties/', '')} gives a non-zero Base to ${withBase.length} providers (${withBase.map((i) => `${itemLabel(i)} base ${i.base}`).join(', ')})`,
      allowed: 'Base > 0 on at most one provider of a strategy',
      fix: `Keep the base on ${itemLabel(keep)} and set Base to 0 on the other providers.`,
    }];
  },
};
