/**
 * What one ECS task reserves on an EC2 instance, and the most the instances of a capacity provider offer
 * (ECS-RC-10, and the cost estimate's workloads).
 */
import { TemplateResource } from '../model';
import { RuleContext } from '../rule';
import { resolveCluster } from '../service/cluster-providers';
import { AUTO_SCALING_GROUP, ProviderRef, providerAutoScalingGroup, providerKind, strategyOf } from '../service/service-facts';
import { InstanceSize, instanceSize } from '../tables/instance-sizes';
import { containerGpus, containers } from '../task/task-facts';
import { orList, parseCpuUnits, parseMemoryMiB, toArray, toNumber, toObject, toStr } from '../values';

export const LAUNCH_TEMPLATE = 'AWS::EC2::LaunchTemplate';
export const LAUNCH_CONFIGURATION = 'AWS::AutoScaling::LaunchConfiguration';

/** What one task reserves on an instance. */
export interface TaskNeeds {
  readonly memoryMiB: number;
  readonly cpuUnits: number;
  readonly gpus: number;
  /** The property that sets the memory: task-level Memory, else the containers' reservations. */
  readonly memoryProperty: string;
}

/** The most a provider's instances offer; Infinity where the template sets no bound. */
export interface ProviderRoom {
  readonly label: string;
  /** Installed memory: ECS registers less than this for tasks. */
  readonly memoryMiB: number;
  readonly cpuUnits: number;
  readonly gpus: number;
  /** Why the GPUs are 0 on GPU instance types. */
  readonly gpuNote?: string;
  /** A Managed Instances provider (sized by its requirements), not an Auto Scaling group. */
  readonly managedInstances?: boolean;
  /** A Managed Instances provider bounded by allowed instance types of the size table. */
  readonly typed?: boolean;
}

/** Memory, CPU and GPUs one task reserves; undefined when any of it is unresolved. */
export function taskNeeds(task: TemplateResource): TaskNeeds | undefined {
  const list = containers(task);
  if (list.length === 0 || list.length !== (toArray(task.properties.ContainerDefinitions)?.length ?? -1)) return undefined;
  let memory = task.properties.Memory === undefined ? 0 : parseMemoryMiB(task.properties.Memory);
  let cpu = task.properties.Cpu === undefined ? 0 : parseCpuUnits(task.properties.Cpu);
  if (memory === undefined || cpu === undefined) return undefined;
  const taskMemory = task.properties.Memory !== undefined;
  const taskCpu = task.properties.Cpu !== undefined;
  let gpus = 0;
  for (const { def } of list) {
    if (!taskMemory) {
      const raw = def.MemoryReservation ?? def.Memory;
      const m = raw === undefined ? undefined : toNumber(raw);
      if (m === undefined) return undefined;
      memory += m;
    }
    if (!taskCpu && def.Cpu !== undefined) {
      const c = toNumber(def.Cpu);
      if (c === undefined) return undefined;
      cpu += c;
    }
    const n = containerGpus(def);
    if (n === undefined) return undefined;
    gpus += n;
  }
  return { memoryMiB: memory, cpuUnits: cpu, gpus, memoryProperty: taskMemory ? 'Memory' : 'the containers\' MemoryReservation or Memory' };
}

/** The largest room of a provider's instances; undefined when the template does not decide it. */
export function providerRoom(provider: TemplateResource, ctx: RuleContext): ProviderRoom | undefined {
  const kind = providerKind({ resource: provider });
  if (kind === 'managed-instances') {
    const mi = toObject(provider.properties.ManagedInstancesProvider);
    const req = toObject(toObject(mi?.InstanceLaunchTemplate)?.InstanceRequirements);
    if (!req) return undefined;
    const max = (v: unknown) => (v === undefined || v === null ? Infinity : toNumber(v));
    let vcpu = max(toObject(req.VCpuCount)?.Max);
    let memory = max(toObject(req.MemoryMiB)?.Max);
    let gpus = max(toObject(req.AcceleratorCount)?.Max);
    if (vcpu === undefined || memory === undefined || gpus === undefined) return undefined;
    // Allowed instance types of the table bound the room further (wildcards such as m6i.* and unknown types do not).
    const allowed = req.AllowedInstanceTypes === undefined ? undefined : toArray(req.AllowedInstanceTypes)?.map((t) => toStr(t));
    const types = allowed?.every((t): t is string => t !== undefined) ? allowed as string[] : undefined;
    const largest = types && largestOf(types);
    if (largest) {
      vcpu = Math.min(vcpu, largest.vcpu);
      memory = Math.min(memory, largest.memoryMiB);
      gpus = Math.min(gpus, largest.gpus);
    }
    return {
      get label() { return largest ? `${provider.path} (${orList(types!)})` : provider.path; },
      memoryMiB: memory,
      cpuUnits: vcpu * 1024,
      gpus,
      managedInstances: true,
      typed: largest !== undefined,
    };
  }
  if (kind !== 'asg') return undefined;
  const asg = providerAutoScalingGroup(provider, ctx.assembly);
  if (!asg) return undefined;
  const { types, imageId } = launchOf(asg, ctx);
  const largest = types && largestOf(types);
  if (!largest) return undefined;
  const gpus = largest.gpus;
  // GPUs the image's agent cannot see are no room at all.
  const image = gpus > 0 ? imageParameter(imageId, asg.stack) : undefined;
  const noDriver = image !== undefined && imageRunsGpus(image) === false;
  return {
    // Paths are looked up only when a finding names the provider.
    get label() { return `${provider.path} (${orList(types!)})`; },
    memoryMiB: largest.memoryMiB,
    cpuUnits: largest.vcpu * 1024,
    gpus: noDriver ? 0 : gpus,
    gpuNote: noDriver ? `image ${image} has no NVIDIA driver, so the agent registers none of the instances' ${gpus} GPU${gpus > 1 ? 's' : ''}` : undefined,
  };
}

/** The most vCPUs, memory and GPUs of any of the instance types; undefined when there are none or one is not in the size table. */
function largestOf(types: readonly string[]): InstanceSize | undefined {
  const sizes = types.map(instanceSize);
  if (sizes.length === 0 || sizes.some((s) => s === undefined)) return undefined;
  const known = sizes as InstanceSize[];
  return {
    vcpu: Math.max(...known.map((s) => s.vcpu)),
    memoryMiB: Math.max(...known.map((s) => s.memoryMiB)),
    gpus: Math.max(...known.map((s) => s.gpus)),
  };
}

/**
 * Where an Auto Scaling group's launch settings are written: its launch configuration's properties, or its launch
 * template's data (and the mixed instances policy's template block, which holds the overrides). Empty when the
 * configuration or template is unresolved or outside the assembly.
 */
function launchSource(asg: TemplateResource, ctx: RuleContext): {
  configuration?: Record<string, unknown>; template?: Record<string, unknown>; mixed?: Record<string, unknown>;
} {
  const p = asg.properties;
  if (p.LaunchConfigurationName !== undefined) {
    const lc = ctx.assembly.resolveResource(p.LaunchConfigurationName, asg.stack);
    return lc?.type === LAUNCH_CONFIGURATION ? { configuration: lc.properties } : {};
  }
  const mixed = toObject(toObject(p.MixedInstancesPolicy)?.LaunchTemplate);
  const spec = mixed ? toObject(mixed.LaunchTemplateSpecification) : toObject(p.LaunchTemplate);
  const lt = ctx.assembly.resolveResource(spec?.LaunchTemplateId, asg.stack);
  return { template: lt?.type === LAUNCH_TEMPLATE ? toObject(lt.properties.LaunchTemplateData) : undefined, mixed };
}

/** What an Auto Scaling group launches: its instance types, and the image id and user data as written (undefined types when unresolved). */
export function launchOf(asg: TemplateResource, ctx: RuleContext): { types?: string[]; imageId?: unknown; userData?: unknown } {
  const literal = (v: unknown) => toStr(v);
  const { configuration: lc, template: data, mixed } = launchSource(asg, ctx);
  if (lc) {
    const t = literal(lc.InstanceType);
    return { types: t === undefined ? undefined : [t], imageId: lc.ImageId, userData: lc.UserData };
  }
  const launched = { imageId: data?.ImageId, userData: data?.UserData };
  if (mixed && mixed.Overrides !== undefined) {
    const overrides = toArray(mixed.Overrides);
    if (!overrides) return launched;
    const out: string[] = [];
    for (const o of overrides) {
      const t = literal(toObject(o)?.InstanceType);
      if (t === undefined) return launched;
      out.push(t);
    }
    if (out.length > 0) return { types: out, ...launched };
  }
  const t = literal(data?.InstanceType);
  return { types: t === undefined ? undefined : [t], ...launched };
}

/**
 * The Auto Scaling groups behind capacity providers, each once; undefined when one is unresolved or not an Auto Scaling
 * group provider of the app.
 */
export function providerGroups(providers: readonly (ProviderRef | undefined)[], ctx: RuleContext): TemplateResource[] | undefined {
  const groups: TemplateResource[] = [];
  for (const p of providers) {
    const asg = p?.resource && providerKind(p) === 'asg' ? providerAutoScalingGroup(p.resource, ctx.assembly) : undefined;
    if (!asg) return undefined;
    if (!groups.includes(asg)) groups.push(asg);
  }
  return groups;
}

/**
 * The Auto Scaling groups a service's tasks run on: its strategy's providers, or with LaunchType EC2 the groups that
 * join its cluster; undefined when the template does not decide them.
 */
export function serviceInstanceGroups(service: TemplateResource, ctx: RuleContext): TemplateResource[] | undefined {
  const strategy = strategyOf(service, ctx);
  if (strategy) return strategy.complete ? providerGroups(strategy.items.map((i) => i.provider), ctx) : undefined;
  if (toStr(service.properties.LaunchType) !== 'EC2') return undefined;
  const cluster = resolveCluster(service.properties.Cluster, service, ctx);
  return cluster ? clusterGroups(cluster, ctx) : undefined;
}

/**
 * The security groups an Auto Scaling group's instances get (launch template SecurityGroupIds or network interface
 * Groups, launch configuration SecurityGroups); undefined when one is unresolved or not a group of the assembly.
 */
export function launchSecurityGroups(asg: TemplateResource, ctx: RuleContext): TemplateResource[] | undefined {
  const { configuration, template: data } = launchSource(asg, ctx);
  let lists: unknown[];
  if (configuration) {
    lists = [configuration.SecurityGroups];
  } else {
    if (!data) return undefined;
    const interfaces = data.NetworkInterfaces === undefined ? [] : toArray(data.NetworkInterfaces);
    if (!interfaces) return undefined;
    lists = [data.SecurityGroupIds, data.SecurityGroups, ...interfaces.map((n) => toObject(n)?.Groups)];
  }
  const groups: TemplateResource[] = [];
  for (const list of lists) {
    if (list === undefined) continue;
    const items = toArray(list);
    if (!items) return undefined;
    for (const item of items) {
      const group = ctx.assembly.resolveResource(item, asg.stack);
      if (group?.type !== 'AWS::EC2::SecurityGroup') return undefined;
      if (!groups.includes(group)) groups.push(group);
    }
  }
  return groups;
}

/** The Auto Scaling groups of the cluster's stack whose instances join it: their user data names the cluster (aws-cdk-lib addCapacity, the kit's capacity). */
export function clusterGroups(cluster: TemplateResource, ctx: RuleContext): TemplateResource[] {
  const ref = `{"Ref":"${cluster.logicalId}"}`;
  return cluster.stack.ofType(AUTO_SCALING_GROUP).filter((asg) => JSON.stringify(launchOf(asg, ctx).userData ?? '').includes(ref));
}

/**
 * The AWS public image parameter behind an image id: a `{{resolve:ssm:...}}` reference, or the default of the
 * SSM parameter aws-cdk-lib declares for `EcsOptimizedImage` / `BottleRocketImage` (`SsmParameterValue...`).
 */
export function imageParameter(imageId: unknown, stack: TemplateResource['stack']): string | undefined {
  // A dynamic reference is an unresolved value to toStr: read the parameter name it names.
  if (typeof imageId === 'string') return /^\{\{resolve:ssm:([^:}]+)/.exec(imageId)?.[1];
  // A Ref is an unresolved value to toObject: read it as written.
  const ref = imageId !== null && typeof imageId === 'object' ? (imageId as Record<string, unknown>).Ref : undefined;
  if (typeof ref !== 'string' || !ref.startsWith('SsmParameterValue')) return undefined;
  return toStr(toObject(stack.template.Parameters?.[ref])?.Default);
}

/**
 * Whether the image's agent can register NVIDIA GPUs: only the ECS GPU-optimized AMIs and Bottlerocket's nvidia variants
 * carry the driver. undefined for any other image (a custom AMI may have it).
 */
export function imageRunsGpus(parameter: string | undefined): boolean | undefined {
  if (parameter === undefined) return undefined;
  if (parameter.startsWith('/aws/service/ecs/optimized-ami/')) return parameter.includes('/gpu/');
  if (/^\/aws\/service\/bottlerocket\/aws-ecs-\d/.test(parameter)) return parameter.includes('-nvidia/');
  return undefined;
}
