import { TemplateResource } from '../model';
import { ResourceRule, RuleContext, RuleIssue, Severity } from '../rule';
import { associatedProviders, clusterScopedProviders, ownProviders, resolveCluster } from './cluster-providers';
import {
  CAPACITY_PROVIDER, CLUSTER, CLUSTER_ASSOCIATIONS, isFargateProvider, itemLabel, providerKey, providerLabel, SERVICE, strategyOf,
} from './service-facts';

/** The cluster a strategy belongs to (its name, looked up only for a finding) and the providers associated with it. */
function scope(resource: TemplateResource, ctx: RuleContext): { cluster: () => string; providers: Map<string, string> } | undefined {
  if (resource.type === SERVICE) {
    const cluster = resolveCluster(resource.properties.Cluster, resource, ctx);
    const providers = cluster && associatedProviders(cluster, ctx);
    return cluster && providers ? { cluster: () => cluster.path, providers } : undefined;
  }
  if (resource.type === CLUSTER) {
    const providers = associatedProviders(resource, ctx);
    return providers ? { cluster: () => resource.path, providers } : undefined;
  }
  // PutClusterCapacityProviders replaces the set: the default strategy must use the listed providers, or the Managed
  // Instances providers of the cluster, which no association lists (update-service-managed-instances.html).
  const providers = ownProviders(resource, ctx);
  const cluster = resolveCluster(resource.properties.Cluster, resource, ctx);
  const anyScoped = () => ctx.assembly.ofType(CAPACITY_PROVIDER).some((p) => p.properties.ClusterName !== undefined);
  const scoped = cluster ? clusterScopedProviders(cluster, ctx) : anyScoped() ? undefined : [];
  if (!providers || !scoped) return undefined;
  for (const p of scoped) providers.set(providerKey(p), providerLabel(p));
  const target = () => cluster?.path ?? ctx.assembly.resolveString(resource.properties.Cluster, resource.stack) ?? 'of this association';
  return { cluster: target, providers };
}

export const SV05_PROVIDER_ASSOCIATED: ResourceRule = {
  id: 'ECS-SV-05',
  title: 'Capacity providers in a strategy must be associated with the cluster',
  area: 'service',
  severity: Severity.ERROR,
  description: "Resolves the service's cluster (Ref, GetAtt, ImportValue or literal name) and the providers associated with it (the cluster's CapacityProviders and every ClusterCapacityProviderAssociations that targets it), and flags strategy providers that are not among them, FARGATE and FARGATE_SPOT included. Decides only when the cluster and all associations resolve.",
  deployError: 'CreateService fails: the specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster.',
  fix: 'Associate the provider with the cluster, or use a provider the cluster already has.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html',
  resourceTypes: [SERVICE, CLUSTER, CLUSTER_ASSOCIATIONS],
  onlyWith: ['CapacityProviderStrategy', 'DefaultCapacityProviderStrategy'],
  check(resource, ctx): RuleIssue[] {
    const strategy = strategyOf(resource, ctx);
    if (!strategy) return [];
    const sc = scope(resource, ctx);
    if (!sc) return [];
    const keys = [...sc.providers.keys()];
    const hasNameless = keys.some((k) => k.startsWith('res:'));
    const hasNamed = keys.some((k) => k.startsWith('name:') && !/^name:FARGATE(_SPOT)?$/.test(k));
    const issues: RuleIssue[] = [];
    for (const item of strategy.items) {
      if (!item.provider) continue;
      const key = providerKey(item.provider);
      if (sc.providers.has(key)) continue;
      // A literal name may equal a generated provider name we cannot know, and the reverse.
      if (!isFargateProvider(item.provider) && (key.startsWith('name:') ? hasNameless : hasNamed)) continue;
      const label = itemLabel(item);
      issues.push({
        property: `${item.pointer}/CapacityProvider`,
        value: item.raw.CapacityProvider,
        problem: `capacity provider ${label} in ${strategy.pointer.replace('Properties/', '')} is not associated with cluster ${sc.cluster()}`,
        allowed: sc.providers.size ? `providers associated with the cluster: ${[...sc.providers.values()].join(', ')}` : 'providers associated with the cluster (it has none)',
        fix: isFargateProvider(item.provider)
          ? `Enable ${label} on the cluster (Cluster enableFargateCapacityProviders, or add it to the cluster's CapacityProviders / ClusterCapacityProviderAssociations).`
          : `Associate ${label} with the cluster (cluster.addAsgCapacityProvider or ClusterCapacityProviderAssociations) or use an associated provider.`,
      });
    }
    return issues;
  },
};
