/**
 * Facts about AWS::ECS::Service resources and their capacity provider
 * strategies. Each helper returns undefined when the template does not
 * decide the answer, so rules can skip.
 */
import { AssemblyModel, resourceFact, StackModel, TemplateResource } from '../model';
import { RuleContext } from '../rule';
import { TASK_DEFINITION } from '../task/task-facts';
import { toArray, toNumber, toObject, toStr } from '../values';

export const SERVICE = 'AWS::ECS::Service';
export const CLUSTER = 'AWS::ECS::Cluster';
export const CLUSTER_ASSOCIATIONS = 'AWS::ECS::ClusterCapacityProviderAssociations';
export const CAPACITY_PROVIDER = 'AWS::ECS::CapacityProvider';
export const FARGATE_PROVIDERS: readonly string[] = ['FARGATE', 'FARGATE_SPOT'];

/** The task definition resource a service runs, when it resolves. */
export function serviceTask(service: TemplateResource, ctx: RuleContext): TemplateResource | undefined {
  // Two dozen rules ask for it: resolved once per service.
  return resourceFact(service, resolveServiceTask, ctx);
}

function resolveServiceTask(service: TemplateResource, ctx: RuleContext): TemplateResource | undefined {
  const res = ctx.assembly.resolveResource(service.properties.TaskDefinition, service.stack);
  return res?.type === TASK_DEFINITION ? res : undefined;
}


/** Deployment controller type; ECS when omitted. */
export function controllerType(service: TemplateResource): string | undefined {
  const dc = service.properties.DeploymentController;
  if (dc === undefined) return 'ECS';
  const obj = toObject(dc);
  if (!obj) return undefined;
  return obj.Type === undefined ? 'ECS' : toStr(obj.Type);
}

/** Scheduling strategy; REPLICA when omitted. */
export function schedulingStrategy(service: TemplateResource): string | undefined {
  const v = service.properties.SchedulingStrategy;
  return v === undefined ? 'REPLICA' : toStr(v);
}

/** A capacity provider named in a strategy or an association list. */
export interface ProviderRef {
  /** Literal name, when known (FARGATE, a literal, or the provider resource's Name). */
  readonly name?: string;
  /** The AWS::ECS::CapacityProvider resource, when the value points at one in the assembly. */
  readonly resource?: TemplateResource;
}

/** Resolve a provider value: a literal name, a Ref to a provider, or an import. */
export function resolveProvider(value: unknown, stack: StackModel, assembly: AssemblyModel): ProviderRef | undefined {
  const ref = assembly.resolveReference(value, stack);
  if (ref) {
    if (ref.resource.type !== CAPACITY_PROVIDER || ref.attribute !== undefined) return undefined;
    return { resource: ref.resource, name: toStr(ref.resource.properties.Name) };
  }
  const name = assembly.resolveString(value, stack);
  if (name === undefined) return undefined;
  if (FARGATE_PROVIDERS.includes(name)) return { name };
  // A literal name of a provider defined elsewhere in the assembly.
  const owners = assembly.ofType(CAPACITY_PROVIDER).filter((r) => toStr(r.properties.Name) === name);
  return owners.length === 1 ? { name, resource: owners[0] } : { name };
}

/** Identity used to compare providers: the name when known, else the resource. */
export function providerKey(p: ProviderRef): string {
  if (p.name !== undefined) return `name:${p.name}`;
  return `res:${p.resource!.stack.name}/${p.resource!.logicalId}`;
}

export function isFargateProvider(p: ProviderRef): boolean {
  return p.name !== undefined && FARGATE_PROVIDERS.includes(p.name);
}

export const AUTO_SCALING_GROUP = 'AWS::AutoScaling::AutoScalingGroup';

/** The Auto Scaling group behind an EC2 capacity provider, when it is a resource of the assembly. */
export function providerAutoScalingGroup(provider: TemplateResource, assembly: AssemblyModel): TemplateResource | undefined {
  const asg = assembly.resolveResource(toObject(provider.properties.AutoScalingGroupProvider)?.AutoScalingGroupArn, provider.stack);
  return asg?.type === AUTO_SCALING_GROUP ? asg : undefined;
}

/** 'asg' or 'managed-instances' for providers defined in the assembly; undefined otherwise. */
export function providerKind(p: ProviderRef): 'fargate' | 'asg' | 'managed-instances' | undefined {
  if (isFargateProvider(p)) return 'fargate';
  const props = p.resource?.properties;
  if (!props) return undefined;
  if (props.AutoScalingGroupProvider !== undefined) return 'asg';
  if (props.ManagedInstancesProvider !== undefined) return 'managed-instances';
  return undefined;
}

export function providerLabel(p: ProviderRef): string {
  return p.name ?? p.resource!.path;
}

/** One item of a capacity provider strategy. */
export interface StrategyItem {
  readonly index: number;
  readonly pointer: string;
  readonly raw: Record<string, unknown>;
  readonly provider?: ProviderRef;
  /** Base as a number (0 when omitted); undefined when unresolved. */
  readonly base?: number;
  /** Weight as a number (0 when omitted); undefined when unresolved. */
  readonly weight?: number;
}

/** A capacity provider strategy found on a resource. */
export interface Strategy {
  /** JSON pointer of the strategy array. */
  readonly pointer: string;
  readonly items: StrategyItem[];
  /** True when every item and provider resolved. */
  readonly complete: boolean;
}

/** The property that holds a strategy for each resource type. */
export function strategyProperty(type: string): string | undefined {
  if (type === SERVICE) return 'CapacityProviderStrategy';
  if (type === CLUSTER || type === CLUSTER_ASSOCIATIONS) return 'DefaultCapacityProviderStrategy';
  return undefined;
}

/** The strategy of a service, cluster or association resource; undefined when absent or unresolved. */
export function strategyOf(resource: TemplateResource, ctx: RuleContext): Strategy | undefined {
  const prop = strategyProperty(resource.type);
  if (!prop) return undefined;
  const list = toArray(resource.properties[prop]);
  if (!list || list.length === 0) return undefined;
  // Resolving providers is the costly part, and many rules ask: once per resource.
  return resourceFact(resource, buildStrategy, ctx);
}

/** The strategy of a resource whose strategy property is a non-empty list (strategyOf checked). */
function buildStrategy(resource: TemplateResource, ctx: RuleContext): Strategy {
  const prop = strategyProperty(resource.type)!;
  const list = toArray(resource.properties[prop])!;
  const pointer = `Properties/${prop}`;
  let complete = true;
  const items: StrategyItem[] = [];
  list.forEach((entry, index) => {
    const raw = toObject(entry);
    if (!raw) {
      complete = false;
      return;
    }
    const provider = resolveProvider(raw.CapacityProvider, resource.stack, ctx.assembly);
    const base = raw.Base === undefined ? 0 : toNumber(raw.Base);
    const weight = raw.Weight === undefined ? 0 : toNumber(raw.Weight);
    if (!provider || base === undefined || weight === undefined) complete = false;
    items.push({ index, pointer: `${pointer}/${index}`, raw, provider, base, weight });
  });
  return { pointer, items, complete };
}

/** Where a service's tasks run, when the template decides it. */
export function launchKind(service: TemplateResource, ctx: RuleContext): string | undefined {
  const lt = service.properties.LaunchType;
  if (lt !== undefined) return toStr(lt);
  const strategy = strategyOf(service, ctx);
  if (!strategy || strategy.items.length === 0) return undefined;
  // The same kind for every item decides it; a mix or an unknown provider does not.
  let kind: string | undefined;
  for (const item of strategy.items) {
    const k = item.provider ? providerKind(item.provider) : undefined;
    if (k === undefined || (kind !== undefined && k !== kind)) return undefined;
    kind = k;
  }
  return kind === 'fargate' ? 'FARGATE' : kind === 'asg' ? 'EC2' : 'MANAGED_INSTANCES';
}

/** Label of a strategy item for messages. */
export function itemLabel(item: StrategyItem): string {
  return item.provider ? providerLabel(item.provider) : `item #${item.index}`;
}
