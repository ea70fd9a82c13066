/**
 * Which capacity providers are associated with a cluster: its own
 * CapacityProviders plus every AWS::ECS::ClusterCapacityProviderAssociations
 * that targets it. Undefined whenever one of them cannot be resolved.
 */
import { TemplateResource } from '../model';
import { RuleContext } from '../rule';
import { toArray, toStr } from '../values';
import { CAPACITY_PROVIDER, CLUSTER, CLUSTER_ASSOCIATIONS, providerKey, providerLabel, ProviderRef, resolveProvider } from './service-facts';

/** The AWS::ECS::Cluster a Cluster property points at, by reference, import or literal name/ARN. */
export function resolveCluster(value: unknown, from: TemplateResource, ctx: RuleContext): TemplateResource | undefined {
  if (value === undefined) return undefined;
  const ref = ctx.assembly.resolveReference(value, from.stack);
  if (ref) return ref.resource.type === CLUSTER ? ref.resource : undefined;
  const name = ctx.assembly.resolveString(value, from.stack);
  if (name === undefined) return undefined;
  const matches = ctx.assembly.ofType(CLUSTER).filter((c) => namesCluster(name, toStr(c.properties.ClusterName)));
  return matches.length === 1 ? matches[0] : undefined;
}

function namesCluster(value: string, clusterName: string | undefined): boolean {
  return clusterName !== undefined && (value === clusterName || value.endsWith(`:cluster/${clusterName}`));
}

/** true/false when the association (or a provider's ClusterName) decidably targets (or not) the cluster; undefined when unknown. */
function targets(assoc: TemplateResource, cluster: TemplateResource, ctx: RuleContext, property = 'Cluster'): boolean | undefined {
  const value = assoc.properties[property];
  const ref = ctx.assembly.resolveReference(value, assoc.stack);
  if (ref) return ref.resource === cluster;
  const name = ctx.assembly.resolveString(value, assoc.stack);
  if (name === undefined) return undefined;
  const raw = cluster.properties.ClusterName;
  if (raw !== undefined) {
    const own = toStr(raw);
    return own === undefined ? undefined : namesCluster(name, own);
  }
  // Our cluster has a generated name: only a name owned by another cluster rules it out.
  const other = ctx.assembly.ofType(CLUSTER).some((c) => c !== cluster && namesCluster(name, toStr(c.properties.ClusterName)));
  return other ? false : undefined;
}

function addAll(list: unknown, res: TemplateResource, ctx: RuleContext, into: Map<string, ProviderRef>): boolean {
  if (list === undefined) return true;
  const items = toArray(list);
  if (!items) return false;
  for (const item of items) {
    const p = resolveProvider(item, res.stack, ctx.assembly);
    if (!p) return false;
    into.set(providerKey(p), p);
  }
  return true;
}

/** Providers associated with the cluster, by key, or undefined when that cannot be decided. */
export function associatedProviderRefs(cluster: TemplateResource, ctx: RuleContext): ProviderRef[] | undefined {
  const refs = new Map<string, ProviderRef>();
  if (!addAll(cluster.properties.CapacityProviders, cluster, ctx, refs)) return undefined;
  for (const assoc of ctx.assembly.ofType(CLUSTER_ASSOCIATIONS)) {
    const hit = targets(assoc, cluster, ctx);
    if (hit === undefined) return undefined;
    if (hit && !addAll(assoc.properties.CapacityProviders, assoc, ctx, refs)) return undefined;
  }
  const own = clusterScopedProviders(cluster, ctx);
  if (!own) return undefined;
  for (const p of own) refs.set(providerKey(p), p);
  return [...refs.values()];
}

/**
 * Managed Instances providers of the cluster: they name their cluster themselves (ClusterName) instead of joining an
 * association, and are available only within it. undefined when a provider's cluster is unresolved.
 */
export function clusterScopedProviders(cluster: TemplateResource, ctx: RuleContext): ProviderRef[] | undefined {
  const out: ProviderRef[] = [];
  for (const provider of ctx.assembly.ofType(CAPACITY_PROVIDER)) {
    if (provider.properties.ClusterName === undefined) continue;
    const hit = targets(provider, cluster, ctx, 'ClusterName');
    if (hit === undefined) return undefined;
    if (hit) out.push({ resource: provider, name: toStr(provider.properties.Name) });
  }
  return out;
}

/** Providers associated with the cluster (key to label), or undefined when that cannot be decided. */
export function associatedProviders(cluster: TemplateResource, ctx: RuleContext): Map<string, string> | undefined {
  const refs = associatedProviderRefs(cluster, ctx);
  return refs && new Map(refs.map((p) => [providerKey(p), providerLabel(p)]));
}

/** Providers of one association resource alone (PutClusterCapacityProviders replaces the set). */
export function ownProviders(assoc: TemplateResource, ctx: RuleContext): Map<string, string> | undefined {
  const refs = new Map<string, ProviderRef>();
  return addAll(assoc.properties.CapacityProviders ?? [], assoc, ctx, refs)
    ? new Map([...refs].map(([k, p]) => [k, providerLabel(p)])) : undefined;
}

/**
 * Whether the cluster has a default capacity provider strategy (its own, or an association's): true or false when
 * the templates decide it, undefined when an association's cluster or a strategy is unresolved.
 */
export function hasDefaultStrategy(cluster: TemplateResource, ctx: RuleContext): boolean | undefined {
  const given = (list: unknown): boolean | undefined => {
    if (list === undefined) return false;
    const items = toArray(list);
    return items === undefined ? undefined : items.length > 0;
  };
  let result = given(cluster.properties.DefaultCapacityProviderStrategy);
  if (result === true) return true;
  for (const assoc of ctx.assembly.ofType(CLUSTER_ASSOCIATIONS)) {
    const hit = targets(assoc, cluster, ctx);
    if (hit === false) continue;
    const own = given(assoc.properties.DefaultCapacityProviderStrategy);
    if (hit === true && own === true) return true;
    if (hit === undefined || own === undefined) result = undefined;
  }
  return result;
}
