/**
 * Application Load Balancer quotas across the app: load balancers per Region, and per load balancer its listeners,
 * listener rules (default actions not counted) and the target groups its listeners and rules forward to. Rules and
 * target groups often come from other stacks than the load balancer's (services on a shared listener), so the
 * figures follow references across stacks. Counts are lower bounds: what is unresolved or outside the app is not
 * counted.
 */
import { EcsQuota } from '../../quotas/quota-table';
import { AssemblyModel, TemplateResource } from '../model';
import { LISTENER, LOAD_BALANCER, loadBalancerType, loadBalancingIndex, resourceKey, TARGET_GROUP } from '../reach/load-balancing-index';
import { once } from '../values';
import { n, QuotaUsage, resourcesPerRegion, ScopeUsage, sumBySource } from './usage-types';

const stackName = (r: TemplateResource) => r.stack.name;

/** Application Load Balancers of the app (Type application, the default; unresolved types are left out). */
function applicationLoadBalancers(assembly: AssemblyModel): TemplateResource[] {
  return assembly.ofType(LOAD_BALANCER).filter((lb) => loadBalancerType(lb) === 'application');
}

/** The quotas loadBalancerUsage counts. */
export const LOAD_BALANCER_QUOTAS: readonly EcsQuota[] = [
  EcsQuota.APPLICATION_LOAD_BALANCERS_PER_REGION,
  EcsQuota.LISTENERS_PER_APPLICATION_LOAD_BALANCER,
  EcsQuota.RULES_PER_APPLICATION_LOAD_BALANCER,
  EcsQuota.TARGET_GROUPS_PER_APPLICATION_LOAD_BALANCER,
];

export function loadBalancerUsage(assembly: AssemblyModel): QuotaUsage[] {
  const albs = applicationLoadBalancers(assembly);
  if (albs.length === 0) return [];
  const out = resourcesPerRegion(EcsQuota.APPLICATION_LOAD_BALANCERS_PER_REGION, albs, 'Application Load Balancers', 'Name');
  const index = loadBalancingIndex(assembly);
  // Target groups per load balancer, from the forwarders the index resolved to one.
  const targetGroups = new Map<TemplateResource, TemplateResource[]>();
  for (const tg of assembly.ofType(TARGET_GROUP)) {
    for (const lb of new Set(index.forwardersOf(tg).map((f) => f.loadBalancer))) {
      if (!lb) continue;
      const list = targetGroups.get(lb);
      if (list) list.push(tg);
      else targetGroups.set(lb, [tg]);
    }
  }
  for (const lb of albs) {
    const listeners = (index.listenersByLoadBalancer.get(resourceKey(lb)) ?? []).filter((l) => l.type === LISTENER);
    const rules = listeners.flatMap((l) => index.rulesByListener.get(resourceKey(l)) ?? []);
    const tgs = targetGroups.get(lb) ?? [];
    out.push(perLoadBalancer(EcsQuota.LISTENERS_PER_APPLICATION_LOAD_BALANCER, lb, listeners, 'listeners'));
    out.push(perLoadBalancer(EcsQuota.RULES_PER_APPLICATION_LOAD_BALANCER, lb, rules, 'listener rules (default actions not counted)'));
    out.push(perLoadBalancer(EcsQuota.TARGET_GROUPS_PER_APPLICATION_LOAD_BALANCER, lb, tgs, 'target groups its listeners and rules forward to'));
  }
  return out;
}

/** One load balancer's count of `items`, with the stacks they come from as sources. */
function perLoadBalancer(quota: EcsQuota, lb: TemplateResource, items: readonly TemplateResource[], what: string): QuotaUsage {
  const sums = once(() => sumBySource(items, stackName));
  return new ScopeUsage(quota, items.length, () => ({
    scope: `load balancer ${lb.path}`,
    problem: `load balancer ${lb.path} has ${n(items.length)} ${what}`,
    resource: lb,
    property: '',
    value: lb.properties.Name,
  }), sums);
}
