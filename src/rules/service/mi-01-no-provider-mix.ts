import { ResourceRule, RuleIssue, Severity } from '../rule';
import { CLUSTER, CLUSTER_ASSOCIATIONS, itemLabel, providerKind, SERVICE, strategyOf } from './service-facts';

export const MI01_NO_PROVIDER_MIX: ResourceRule = {
  id: 'ECS-MI-01',
  title: 'A strategy with a Managed Instances provider holds no Fargate or Auto Scaling group provider',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Flags service and cluster default strategies that list a Managed Instances capacity provider (an AWS::ECS::CapacityProvider of the assembly with ManagedInstancesProvider) together with FARGATE, FARGATE_SPOT or an Auto Scaling group provider. Providers defined outside the assembly are not judged.',
  deployError: 'CreateService / PutClusterCapacityProviders fail: a capacity provider strategy contains one type of capacity provider only.',
  fix: 'Use only Managed Instances providers in the strategy, or run the other capacity in a separate service.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/capacity-launch-type-comparison.html',
  resourceTypes: [SERVICE, CLUSTER, CLUSTER_ASSOCIATIONS],
  onlyWith: ['CapacityProviderStrategy', 'DefaultCapacityProviderStrategy'],
  check(resource, ctx): RuleIssue[] {
    const strategy = strategyOf(resource, ctx);
    if (!strategy) return [];
    const kinds = strategy.items.map((i) => (i.provider ? providerKind(i.provider) : undefined));
    const mi = strategy.items.filter((_, n) => kinds[n] === 'managed-instances');
    const others = strategy.items.filter((_, n) => kinds[n] === 'fargate' || kinds[n] === 'asg');
    if (mi.length === 0 || others.length === 0) return [];
    return [{
      property: `${others[0].pointer}/CapacityProvider`,
      value: others[0].raw.CapacityProvider,
      problem: `${strategy.pointer.replace('Properties/', '')} mixes Managed Instances providers (${mi.map(itemLabel).join(', ')}) with ${others.map(itemLabel).join(', ')}`,
      allowed: 'one type of capacity provider per strategy: Managed Instances, Auto Scaling group, or Fargate',
      fix: `Remove ${others.map(itemLabel).join(', ')} from this strategy, or run that capacity in a separate service.`,
    }];
  },
};
