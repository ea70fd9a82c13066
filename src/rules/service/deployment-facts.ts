/** Facts about the ECS-native deployment strategy of an AWS::ECS::Service (ECS-DP rules). */
import { TemplateResource } from '../model';
import { toArray, toObject, toStr } from '../values';

/** Strategies that run a second (green) revision beside the first and shift traffic between them. */
export const SHIFTING_STRATEGIES: readonly string[] = ['BLUE_GREEN', 'LINEAR', 'CANARY'];
/** Strategies that move production traffic in steps: they need a load balancer or Service Connect. */
export const STEPPED_STRATEGIES: readonly string[] = ['LINEAR', 'CANARY'];
/** DeploymentLifecycleHook.LifecycleStages values (ECS API DeploymentLifecycleHook). */
// The CloudFormation schema's enum (the ECS API reference page lists all but PRE_PRODUCTION_TRAFFIC_SHIFT): a stage
// CloudFormation accepts is not flagged.
export const LIFECYCLE_STAGES: readonly string[] = [
  'RECONCILE_SERVICE', 'PRE_SCALE_UP', 'POST_SCALE_UP', 'TEST_TRAFFIC_SHIFT', 'POST_TEST_TRAFFIC_SHIFT',
  'PRE_PRODUCTION_TRAFFIC_SHIFT', 'PRODUCTION_TRAFFIC_SHIFT', 'POST_PRODUCTION_TRAFFIC_SHIFT',
];
export const STRATEGY_POINTER = 'Properties/DeploymentConfiguration/Strategy';

/** DeploymentConfiguration.Strategy: ROLLING when omitted, undefined when unresolved. */
export function deploymentStrategy(service: TemplateResource): string | undefined {
  const dc = service.properties.DeploymentConfiguration;
  if (dc === undefined) return 'ROLLING';
  const obj = toObject(dc);
  if (!obj) return undefined;
  return obj.Strategy === undefined ? 'ROLLING' : toStr(obj.Strategy);
}

/** A LoadBalancers entry of a service. */
export interface LoadBalancerEntry {
  readonly index: number;
  readonly pointer: string;
  readonly raw: Record<string, unknown>;
}

/** The LoadBalancers entries; undefined when the list or an entry is unresolved. */
export function loadBalancerEntries(service: TemplateResource): LoadBalancerEntry[] | undefined {
  const raw = service.properties.LoadBalancers;
  if (raw === undefined) return [];
  const list = toArray(raw);
  if (!list) return undefined;
  const entries: LoadBalancerEntry[] = [];
  for (const [index, e] of list.entries()) {
    const obj = toObject(e);
    if (!obj) return undefined;
    entries.push({ index, pointer: `Properties/LoadBalancers/${index}`, raw: obj });
  }
  return entries;
}
