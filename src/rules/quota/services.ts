/**
 * Facts about each AWS::ECS::Service that the quota checks share: its
 * cluster, how many tasks it can run at most, and how those tasks split
 * between Fargate On-Demand, Fargate Spot and other capacity.
 */
import { AssemblyModel, StackModel, TemplateResource } from '../model';
import { EXPRESS_SERVICE } from '../service/express-facts';
import { ecsTargets, EVENTS_RULE, SCHEDULE } from '../service/schedule-facts';
import { parseCpuUnits, toArray, toBool, toNumber, toObject, toStr } from '../values';
import { ASSOCIATIONS, ClusterId, ClusterIndex } from './clusters';

export const SERVICE = 'AWS::ECS::Service';
const TASK_DEFINITION = 'AWS::ECS::TaskDefinition';
export const SCALABLE_TARGET = 'AWS::ApplicationAutoScaling::ScalableTarget';

export interface ServiceFacts {
  readonly resource: TemplateResource;
  readonly cluster?: ClusterId;
  /** DesiredCount (CloudFormation creates 1 when omitted); undefined for DAEMON or unresolved. */
  readonly desired?: number;
  /** MaxCapacity of the scalable target that scales DesiredCount, when resolved. */
  readonly scalingMax?: number;
  /** MinCapacity of that scalable target, when resolved (the cost report prints the range). */
  readonly scalingMin?: number;
  /** The larger of the two; undefined when neither is known. */
  readonly maxTasks?: number;
  /** DeploymentConfiguration.MaximumPercent (default 200); undefined when unresolved. */
  readonly maxPercent?: number;
  /** ServiceRegistries or Service Connect in use; undefined when unresolved. */
  readonly discovery?: boolean;
  /** The task definition in the templates the service runs; undefined when it does not resolve to one. */
  readonly task?: TemplateResource;
  /** Task vCPU from the task definition's Cpu; undefined when unknown. */
  readonly taskVcpu?: number;
  /** Where tasks run, as a strategy (a launch type becomes one item); undefined when undecidable. */
  readonly placement?: readonly StrategyItem[];
  /** What maxTasks comes from, when not DesiredCount and a scalable target (Express services). */
  readonly countSource?: { readonly text: string; readonly property: string };
}

/** Facts for every service of the assembly. */
export function serviceFacts(assembly: AssemblyModel, clusters: ClusterIndex): ServiceFacts[] {
  const scaling = scalingRanges(assembly);
  return assembly.ofType(SERVICE).map((res) => {
    const p = res.properties;
    const cluster = clusters.resolve(p.Cluster, res.stack);
    const daemon = toStr(p.SchedulingStrategy) === 'DAEMON';
    const desired = daemon ? undefined : p.DesiredCount === undefined ? 1 : toNumber(p.DesiredCount);
    const scalingMax = scaling.get(res)?.max;
    const known = [desired, scalingMax].filter((n): n is number => n !== undefined);
    const deployment = p.DeploymentConfiguration === undefined ? {} : toObject(p.DeploymentConfiguration);
    const maxPercent = deployment
      ? deployment.MaximumPercent === undefined ? 200 : toNumber(deployment.MaximumPercent)
      : undefined;
    const resolved = assembly.resolveResource(p.TaskDefinition, res.stack);
    const task = resolved?.type === TASK_DEFINITION ? resolved : undefined;
    const cpu = task ? parseCpuUnits(task.properties.Cpu) : undefined;
    return {
      resource: res,
      cluster,
      desired,
      scalingMax,
      scalingMin: scaling.get(res)?.min,
      maxTasks: known.length > 0 ? Math.max(...known) : undefined,
      maxPercent,
      discovery: usesDiscovery(res),
      task,
      taskVcpu: cpu === undefined ? undefined : cpu / 1024,
      placement: daemon ? EC2 : placement(assembly, clusters, p, res.stack, cluster),
    };
  });
}

/**
 * Express Mode services (AWS::ECS::ExpressGatewayService): ECS runs each as a service of its cluster
 * (absent: the Region's `default` cluster) on Fargate On-Demand, with tasks of Cpu (1024 when absent)
 * or of the task definition it names. ScalingTarget.MaxTaskCount bounds the tasks; without it the
 * count is a lower bound (MinTaskCount, else 1). A canary deployment starts a full second set of
 * tasks before stopping the old ones, so the peak is 200%.
 */
export function expressServiceFacts(assembly: AssemblyModel, clusters: ClusterIndex): ServiceFacts[] {
  return assembly.ofType(EXPRESS_SERVICE).map((res) => {
    const p = res.properties;
    const scaling = p.ScalingTarget === undefined ? {} : toObject(p.ScalingTarget);
    const count = (v: unknown, absent: number | undefined) => (v === undefined ? absent : toNumber(v));
    const min = scaling ? count(scaling.MinTaskCount, 1) : undefined;
    const max = scaling ? count(scaling.MaxTaskCount, undefined) : undefined;
    const maxTasks = scaling?.MaxTaskCount !== undefined ? max : min;
    const resolved = p.TaskDefinitionArn === undefined ? undefined : assembly.resolveResource(p.TaskDefinitionArn, res.stack);
    const task = resolved?.type === TASK_DEFINITION ? resolved : undefined;
    const cpu = p.TaskDefinitionArn !== undefined ? (task ? parseCpuUnits(task.properties.Cpu) : undefined)
      : p.Cpu === undefined ? 1024 : parseCpuUnits(p.Cpu);
    return {
      resource: res,
      cluster: clusters.resolve(p.Cluster, res.stack),
      scalingMax: maxTasks,
      scalingMin: min,
      maxTasks,
      maxPercent: 200,
      discovery: false,
      task,
      taskVcpu: cpu === undefined ? undefined : cpu / 1024,
      placement: FARGATE_ON_DEMAND,
      countSource: scaling?.MaxTaskCount !== undefined
        ? { text: `ScalingTarget MaxTaskCount ${maxTasks}`, property: 'Properties/ScalingTarget/MaxTaskCount' }
        : { text: 'no ScalingTarget MaxTaskCount: counted as MinTaskCount, else 1', property: 'Properties/ScalingTarget' },
    };
  });
}

/**
 * One run of each ECS target of an EventBridge Scheduler schedule or EventBridge rule, as a service of TaskCount
 * tasks (1 when omitted) that does not deploy (maxPercent 100): the Fargate vCPU figures count a run on top of
 * the services' peak, since the tasks of one run start together and may meet it. Not services: no other quota counts them.
 */
export function scheduledTaskFacts(assembly: AssemblyModel, clusters: ClusterIndex): ServiceFacts[] {
  const out: ServiceFacts[] = [];
  for (const res of [...assembly.ofType(SCHEDULE), ...assembly.ofType(EVENTS_RULE)]) {
    for (const { target, ecs } of ecsTargets(res)) {
      const resolved = assembly.resolveResource(ecs.TaskDefinitionArn, res.stack);
      const task = resolved?.type === TASK_DEFINITION ? resolved : undefined;
      const cpu = task ? parseCpuUnits(task.properties.Cpu) : undefined;
      const count = ecs.TaskCount === undefined ? 1 : toNumber(ecs.TaskCount);
      const cluster = clusters.resolve(target.Arn, res.stack);
      out.push({
        resource: res,
        cluster,
        maxTasks: count,
        maxPercent: 100,
        task,
        taskVcpu: cpu === undefined ? undefined : cpu / 1024,
        placement: placement(assembly, clusters, ecs, res.stack, cluster),
        countSource: { text: `one run of ${count ?? '?'} task${count === 1 ? '' : 's'} (TaskCount)`, property: 'EcsParameters/TaskCount' },
      });
    }
  }
  return out;
}

/**
 * Tasks a service can run during a deployment at full scale: ECS starts new
 * tasks up to floor(desired × maximumPercent / 100) before stopping old ones.
 */
export function peakTasks(f: ServiceFacts): number | undefined {
  if (f.maxTasks === undefined || f.maxPercent === undefined) return undefined;
  return Math.max(f.maxTasks, Math.floor((f.maxTasks * f.maxPercent) / 100));
}

function usesDiscovery(res: TemplateResource): boolean | undefined {
  const registries = res.properties.ServiceRegistries;
  const sc = res.properties.ServiceConnectConfiguration;
  let registryUse: boolean | undefined = false;
  if (registries !== undefined) {
    const list = toArray(registries);
    registryUse = list ? list.length > 0 : undefined;
  }
  let connectUse: boolean | undefined = false;
  if (sc !== undefined) {
    const obj = toObject(sc);
    connectUse = obj ? toBool(obj.Enabled) : undefined;
  }
  if (registryUse || connectUse) return true;
  return registryUse === false && connectUse === false ? false : undefined;
}

/**
 * Min/MaxCapacity per service, from scalable targets on ecs:service:DesiredCount.
 * The ResourceId `service/<cluster>/<service>` is usually an Fn::Join holding
 * a reference to the service (Fn::GetAtt Name or Ref); a literal ResourceId
 * is matched by literal ServiceName.
 */
function scalingRanges(assembly: AssemblyModel): Map<TemplateResource, { min?: number; max: number }> {
  const out = new Map<TemplateResource, { min?: number; max: number }>();
  const services = assembly.ofType(SERVICE);
  for (const target of assembly.ofType(SCALABLE_TARGET)) {
    const p = target.properties;
    if (toStr(p.ScalableDimension) !== 'ecs:service:DesiredCount') continue;
    const max = toNumber(p.MaxCapacity);
    if (max === undefined) continue;
    let service: TemplateResource | undefined;
    const join = toArray((p.ResourceId as { 'Fn::Join'?: unknown } | undefined)?.['Fn::Join']);
    for (const part of toArray(join?.[1]) ?? []) {
      const res = assembly.resolveResource(part, target.stack);
      if (res?.type === SERVICE) service = res;
    }
    if (!service) {
      const id = assembly.resolveString(p.ResourceId, target.stack);
      const m = id ? /^service\/([^/]+)\/([^/]+)$/.exec(id) : null;
      const named = m ? services.filter((s) => assembly.resolveString(s.properties.ServiceName, s.stack) === m[2]) : [];
      if (named.length === 1) service = named[0];
    }
    if (!service) continue;
    const min = toNumber(p.MinCapacity);
    const seen = out.get(service);
    // Several targets on one service: keep the widest range.
    out.set(service, {
      max: Math.max(seen?.max ?? 0, max),
      min: seen ? (seen.min === undefined || min === undefined ? undefined : Math.min(seen.min, min)) : min,
    });
  }
  return out;
}

export interface StrategyItem { readonly provider: 'FARGATE' | 'FARGATE_SPOT' | 'other'; readonly base: number; readonly weight: number }

const EC2: readonly StrategyItem[] = [{ provider: 'other', base: 0, weight: 1 }];
export const FARGATE_ON_DEMAND: readonly StrategyItem[] = [{ provider: 'FARGATE', base: 0, weight: 1 }];

/**
 * Where a service's tasks run. LaunchType FARGATE → all On-Demand; another
 * launch type → none on Fargate; a capacity provider strategy (the service's,
 * else the cluster's default, else launch type EC2) is apportioned like
 * ECS places tasks: each provider's `base` first, the rest by weight.
 */
function placement(
  assembly: AssemblyModel, clusters: ClusterIndex, p: Record<string, unknown>, stack: StackModel, cluster: ClusterId | undefined,
): readonly StrategyItem[] | undefined {
  if (p.CapacityProviderStrategy !== undefined) return strategy(assembly, p.CapacityProviderStrategy, stack);
  if (p.LaunchType !== undefined) {
    const lt = toStr(p.LaunchType);
    if (lt === undefined) return undefined;
    return lt === 'FARGATE' ? FARGATE_ON_DEMAND : EC2;
  }
  if (!cluster?.resource) return undefined;
  const defaults = [{ value: cluster.resource.properties.DefaultCapacityProviderStrategy, stack: cluster.resource.stack }];
  for (const assoc of assembly.ofType(ASSOCIATIONS)) {
    if (clusters.resolve(assoc.properties.Cluster ?? null, assoc.stack)?.key === cluster.key) {
      defaults.push({ value: assoc.properties.DefaultCapacityProviderStrategy, stack: assoc.stack });
    }
  }
  const given = defaults.filter((d) => d.value !== undefined && !(Array.isArray(d.value) && d.value.length === 0));
  if (given.length === 0) return EC2; // no default strategy: CreateService uses launch type EC2
  return given.length === 1 ? strategy(assembly, given[0].value, given[0].stack) : undefined;
}

function strategy(assembly: AssemblyModel, value: unknown, stack: StackModel): StrategyItem[] | undefined {
  const list = toArray(value);
  if (!list) return undefined;
  const items: StrategyItem[] = [];
  for (const raw of list) {
    const item = toObject(raw);
    if (!item) return undefined;
    const name = toStr(item.CapacityProvider);
    const ref = name === undefined ? assembly.resolveResource(item.CapacityProvider, stack) : undefined;
    if (name === undefined && ref?.type !== 'AWS::ECS::CapacityProvider') return undefined;
    const base = item.Base === undefined ? 0 : toNumber(item.Base);
    const weight = item.Weight === undefined ? 0 : toNumber(item.Weight);
    if (base === undefined || weight === undefined) return undefined;
    const provider = name === 'FARGATE' || name === 'FARGATE_SPOT' ? name : 'other';
    items.push({ provider, base, weight });
  }
  // A strategy without any weight is rejected by ECS (ECS-SV-03); no split to compute.
  return items.length > 0 && items.some((i) => i.weight > 0) ? items : undefined;
}

/**
 * How N tasks split over a strategy, as ECS places them: each provider with
 * a base takes up to `base` tasks first (in strategy order), the rest split
 * by weight. Fractions are kept: this is the expected split, not a
 * per-task placement.
 */
export function splitTasks(items: readonly StrategyItem[], tasks: number): { onDemand: number; spot: number; other: number } {
  const out = { onDemand: 0, spot: 0, other: 0 };
  const key = (p: StrategyItem['provider']) => (p === 'FARGATE' ? 'onDemand' : p === 'FARGATE_SPOT' ? 'spot' : 'other');
  let rest = tasks;
  for (const i of items) {
    const take = Math.min(i.base, rest);
    out[key(i.provider)] += take;
    rest -= take;
  }
  const total = items.reduce((s, i) => s + i.weight, 0);
  for (const i of items) out[key(i.provider)] += total > 0 ? (rest * i.weight) / total : 0;
  return out;
}
