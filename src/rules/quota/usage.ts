/**
 * How much of each quota an assembly uses, computed once per assembly and
 * shared by the quota rules and the capacity report. App-wide figures (per
 * Region, per cluster) are here; per-resource counts are in usage-resources.ts.
 */
import { EcsQuota } from '../../quotas/quota-table';
import { AssemblyModel, StackModel, TemplateResource } from '../model';
import { EVENTS_RULE, SCHEDULE } from '../service/schedule-facts';
import { once, toArray, toNumber, toObject, toStr } from '../values';
import { ASSOCIATIONS, ClusterId, ClusterIndex } from './clusters';
import { LOAD_BALANCER_QUOTAS, loadBalancerUsage } from './load-balancer-usage';
import { expressServiceFacts, peakTasks, scheduledTaskFacts, ServiceFacts, serviceFacts, splitTasks } from './services';
import { RESOURCE_QUOTAS, resourceUsage } from './usage-resources';
import { accountRegionKey, accountRegionLabel, cap, n, QuotaUsage, resourcesPerRegion, ScopeUsage, sortedSources, sumBySource, topSource } from './usage-types';

export { ClusterIndex } from './clusters';
export type { ClusterId } from './clusters';
export { bySource, regionLabel } from './usage-types';
export type { QuotaUsage, UsageSource } from './usage-types';
export { serviceFacts, peakTasks, splitTasks } from './services';
export type { ServiceFacts } from './services';

export const CAPACITY_PROVIDER = 'AWS::ECS::CapacityProvider';
const ASG = 'AWS::AutoScaling::AutoScalingGroup';

/** Every usage figure of the assembly (each part built once per assembly, in this order). */
export function quotaUsage(assembly: AssemblyModel): QuotaUsage[] {
  return assembly.derived(quotaUsage, (a) => USAGE_PARTS.flatMap((part) => partUsage(a, part)));
}

/**
 * The figures of the given quotas, in quotaUsage order. Only the parts that count them are built: a synth's
 * rule pass does not pay for the others, e.g. the Fargate vCPU sums when nothing overrides those quotas.
 */
export function usageOf(assembly: AssemblyModel, quotas: readonly EcsQuota[]): readonly QuotaUsage[] {
  const parts = USAGE_PARTS.filter((p) => p.quotas.some((q) => quotas.includes(q)));
  if (parts.length === 1 && quotas.length === 1) return byQuota(assembly, parts[0]).get(quotas[0]) ?? [];
  return parts.flatMap((part) => partUsage(assembly, part).filter((u) => quotas.includes(u.quota)));
}

interface UsagePart {
  readonly quotas: readonly EcsQuota[];
  build(assembly: AssemblyModel): QuotaUsage[];
}

/** A part's figures by quota (every quota of the part has a list, maybe empty). */
function byQuota(assembly: AssemblyModel, part: UsagePart): Map<EcsQuota, QuotaUsage[]> {
  return assembly.derived(part.quotas, () => {
    const out = new Map<EcsQuota, QuotaUsage[]>(part.quotas.map((q) => [q, []]));
    for (const u of partUsage(assembly, part)) {
      const list = out.get(u.quota);
      // A figure of a quota its part does not declare would never reach its rule.
      if (!list) throw new Error(`Quota ${u.quota} is counted by a usage part that does not declare it`);
      list.push(u);
    }
    return out;
  });
}

function partUsage(assembly: AssemblyModel, part: UsagePart): QuotaUsage[] {
  return assembly.derived(part, () => part.build(assembly));
}

/** Services and Express services with their cluster, shared by the parts that count services. */
function allServices(assembly: AssemblyModel): ServiceFacts[] {
  return assembly.derived(allServices, (a) => {
    const clusters = clusterIndex(a);
    return [...serviceFacts(a, clusters), ...expressServiceFacts(a, clusters)];
  });
}

function clusterIndex(assembly: AssemblyModel): ClusterIndex {
  return assembly.derived(clusterIndex, (a) => new ClusterIndex(a));
}

const USAGE_PARTS: readonly UsagePart[] = [
  { quotas: [EcsQuota.CLUSTERS_PER_REGION], build: clustersPerRegion },
  { quotas: [EcsQuota.SERVICES_PER_CLUSTER], build: (a) => servicesPerCluster(allServices(a)) },
  { quotas: [EcsQuota.CAPACITY_PROVIDERS_PER_CLUSTER, EcsQuota.CONTAINER_INSTANCES_PER_CLUSTER], build: (a) => clusterCapacity(a, clusterIndex(a)) },
  {
    quotas: [EcsQuota.FARGATE_ON_DEMAND_VCPU, EcsQuota.FARGATE_SPOT_VCPU],
    build: (a) => fargateVcpu([...allServices(a), ...scheduledTaskFacts(a, clusterIndex(a))]),
  },
  { quotas: RESOURCE_QUOTAS, build: (a) => resourceUsage(a, allServices(a)) },
  { quotas: [EcsQuota.RESOURCES_PER_STACK, EcsQuota.TEMPLATE_SIZE_BYTES], build: stackLimits },
  { quotas: LOAD_BALANCER_QUOTAS, build: loadBalancerUsage },
];

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const item of items) {
    const list = m.get(key(item));
    if (list) list.push(item);
    else m.set(key(item), [item]);
  }
  return m;
}


/** The item that contributes most (first of the largest group, as bySource orders them). */
function anchor<T>(items: readonly T[], sums: ReadonlyMap<string, number>, label: (t: T) => string): T {
  const top = topSource(sums);
  return items.find((i) => label(i) === top) ?? items[0];
}

const stackName = (c: { resource: TemplateResource }) => c.resource.stack.name;

function clustersPerRegion(assembly: AssemblyModel): QuotaUsage[] {
  return resourcesPerRegion(EcsQuota.CLUSTERS_PER_REGION, assembly.ofType('AWS::ECS::Cluster'), 'ECS clusters', 'ClusterName');
}

function servicesPerCluster(services: readonly ServiceFacts[]): QuotaUsage[] {
  const placed = services.filter((s): s is ServiceFacts & { cluster: ClusterId } => s.cluster !== undefined);
  return [...groupBy(placed, (s) => s.cluster.key)].map(([, list]) => {
    const cluster = list[0].cluster;
    const sums = once(() => sumBySource(list, stackName));
    return new ScopeUsage(EcsQuota.SERVICES_PER_CLUSTER, list.length, () => {
      const top = anchor(list, sums(), stackName);
      return {
        scope: cluster.label,
        problem: `${cap(cluster.label)} has ${n(list.length)} services`,
        resource: cluster.resource ?? top.resource,
        property: cluster.resource ? '' : 'Properties/Cluster',
        value: cluster.resource ? cluster.resource.properties.ClusterName : top.resource.properties.Cluster,
      };
    }, sums);
  });
}

interface ProviderRef { readonly key: string; readonly label: string; readonly resource?: TemplateResource }

/**
 * Capacity providers per cluster (Cluster.CapacityProviders and every
 * ClusterCapacityProviderAssociations naming the cluster), and the container
 * instances their Auto Scaling groups can reach (sum of MaxSize).
 */
function clusterCapacity(assembly: AssemblyModel, clusters: ClusterIndex): QuotaUsage[] {
  const lists = new Map<string, { cluster: ClusterId; holder: TemplateResource; entries: { value: unknown; stack: StackModel }[] }>();
  const add = (cluster: ClusterId, holder: TemplateResource, value: unknown) => {
    const list = toArray(value);
    if (!list) return;
    const slot = lists.get(cluster.key) ?? { cluster, holder, entries: [] };
    if (holder.type === ASSOCIATIONS) slot.holder = holder;
    slot.entries.push(...list.map((v) => ({ value: v, stack: holder.stack })));
    lists.set(cluster.key, slot);
  };
  for (const c of clusters.all()) if (c.resource) add(c, c.resource, c.resource.properties.CapacityProviders);
  for (const assoc of assembly.ofType(ASSOCIATIONS)) {
    const cluster = clusters.resolve(assoc.properties.Cluster ?? null, assoc.stack);
    if (cluster) add(cluster, assoc, assoc.properties.CapacityProviders);
  }
  const out: QuotaUsage[] = [];
  for (const { cluster, holder, entries } of lists.values()) {
    const providers = new Map<string, ProviderRef>();
    for (const e of entries) {
      const p = providerRef(assembly, e.value, e.stack);
      if (p) providers.set(p.key, p);
    }
    if (providers.size === 0) continue;
    const names = [...providers.values()].map((p) => p.label);
    out.push(new ScopeUsage(EcsQuota.CAPACITY_PROVIDERS_PER_CLUSTER, providers.size, () => ({
      scope: cluster.label,
      problem: `${cap(cluster.label)} has ${providers.size} capacity providers (${names.slice(0, 6).join(', ')}${names.length > 6 ? ', ...' : ''})`,
      resource: holder,
      property: 'Properties/CapacityProviders',
      value: names,
    })));
    const groups = new Map<TemplateResource, number>();
    for (const p of providers.values()) {
      const asg = p.resource ? asgOf(assembly, p.resource) : undefined;
      const max = asg ? toNumber(asg.properties.MaxSize) : undefined;
      if (asg && max !== undefined) groups.set(asg, max);
    }
    if (groups.size === 0) continue;
    const used = [...groups.values()].reduce((a, b) => a + b, 0);
    const sums = once(() => sumBySource([...groups], ([asg]) => asg.path, ([, max]) => max));
    out.push(new ScopeUsage(EcsQuota.CONTAINER_INSTANCES_PER_CLUSTER, used, () => ({
      scope: cluster.label,
      problem: `${cap(cluster.label)} can register up to ${n(used)} container instances (sum of Auto Scaling group MaxSize behind its capacity providers)`,
      resource: cluster.resource ?? holder,
      property: cluster.resource ? '' : 'Properties/CapacityProviders',
      value: sortedSources(sums()).map((s) => s.label),
    }), sums));
  }
  return out;
}

function providerRef(assembly: AssemblyModel, value: unknown, stack: StackModel): ProviderRef | undefined {
  const res = assembly.resolveResource(value, stack);
  if (res) {
    if (res.type !== CAPACITY_PROVIDER) return undefined;
    const name = toStr(res.properties.Name);
    return { key: name ?? `res|${res.stack.name}|${res.logicalId}`, label: name ?? res.path, resource: res };
  }
  const name = assembly.resolveString(value, stack);
  if (name === undefined) return undefined;
  const named = assembly.ofType(CAPACITY_PROVIDER).filter((p) => toStr(p.properties.Name) === name);
  return { key: name, label: name, resource: named.length === 1 ? named[0] : undefined };
}

/** The Auto Scaling group behind an ASG capacity provider: a reference, a name or an ARN. */
function asgOf(assembly: AssemblyModel, provider: TemplateResource): TemplateResource | undefined {
  const asgProvider = toObject(provider.properties.AutoScalingGroupProvider);
  if (!asgProvider) return undefined;
  const ref = assembly.resolveResource(asgProvider.AutoScalingGroupArn, provider.stack);
  if (ref) return ref.type === ASG ? ref : undefined;
  const text = assembly.resolveString(asgProvider.AutoScalingGroupArn, provider.stack);
  const name = text?.startsWith('arn:') ? /autoScalingGroupName\/(.+)$/.exec(text)?.[1] : text;
  if (!name) return undefined;
  const named = assembly.ofType(ASG).filter((g) => toStr(g.properties.AutoScalingGroupName) === name);
  return named.length === 1 ? named[0] : undefined;
}

/**
 * Fargate vCPU a Region's services can hold at peak: per service, the peak
 * task count (max tasks × maximumPercent / 100, rounded down as ECS does)
 * split over its strategy (base first, then by weight), times task vCPU.
 */
function fargateVcpu(services: readonly ServiceFacts[]): QuotaUsage[] {
  const demand: { f: ServiceFacts; onDemand: number; spot: number }[] = [];
  for (const f of services) {
    const peak = peakTasks(f);
    if (peak === undefined || f.placement === undefined || f.taskVcpu === undefined) continue;
    const split = splitTasks(f.placement, peak);
    demand.push({ f, onDemand: split.onDemand * f.taskVcpu, spot: split.spot * f.taskVcpu });
  }
  const out: QuotaUsage[] = [];
  for (const list of groupBy(demand, (d) => accountRegionKey(d.f.resource.stack)).values()) {
    const scope = accountRegionLabel(list[0].f.resource.stack);
    const scheduled = list.some((d) => d.f.resource.type === SCHEDULE || d.f.resource.type === EVENTS_RULE);
    for (const [quota, kind, pick] of [
      [EcsQuota.FARGATE_ON_DEMAND_VCPU, 'On-Demand', (d: typeof demand[number]) => d.onDemand],
      [EcsQuota.FARGATE_SPOT_VCPU, 'Spot', (d: typeof demand[number]) => d.spot],
    ] as const) {
      const used = list.reduce((s, d) => s + pick(d), 0);
      if (used <= 0) continue;
      // By construct path: resolved only when a finding or the report reads them.
      const sums = once(() => sumBySource(list.filter((d) => pick(d) > 0), (d) => d.f.resource.path, pick));
      out.push(new ScopeUsage(quota, used, () => {
        const topLabel = topSource(sums());
        const top = list.find((d) => d.f.resource.path === topLabel)!;
        return {
          scope,
          problem: `Services${scheduled ? ' and scheduled tasks' : ''} in ${scope} can run up to ${n(used)} Fargate ${kind} vCPU at peak `
            + `(max tasks × task vCPU × maximumPercent/100${scheduled ? '; one run of each scheduled task' : ''})`,
          resource: top.f.resource,
          property: '',
          value: pick(top),
        };
      }, sums));
    }
  }
  return out;
}

function stackLimits(assembly: AssemblyModel): QuotaUsage[] {
  const out: QuotaUsage[] = [];
  for (const stack of assembly.stacks) {
    const at = stack.resources.find((r) => r.type !== 'AWS::CDK::Metadata') ?? stack.resources[0];
    if (!at) continue;
    const types = () => sumBySource(stack.resources, (r) => r.type);
    out.push(new ScopeUsage(EcsQuota.RESOURCES_PER_STACK, stack.resources.length, () => ({
      scope: `stack ${stack.name}`,
      problem: `Stack ${stack.name} has ${n(stack.resources.length)} resources`,
      resource: at,
      property: '',
      value: stack.resources.length,
    }), types),
    new ScopeUsage(EcsQuota.TEMPLATE_SIZE_BYTES, stack.templateSize, () => ({
      scope: `stack ${stack.name}`,
      problem: `Stack ${stack.name} has a ${n(stack.templateSize)}-byte template${stack.file ? ` (${stack.file})` : ''}`,
      resource: at,
      property: '',
      value: stack.templateSize,
    })));
  }
  return out;
}
