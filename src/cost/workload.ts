/**
 * What the cost report prices, read from synthesized CloudFormation: each
 * ECS service's task size and task count, where its tasks run, and each
 * Auto Scaling group's instance types and sizes. Values that do not resolve
 * are recorded as problems, never guessed.
 */
import { Architecture } from './price-table';
import { QuotaProfile } from '../quotas/quota-profile';
import { AssemblyModel, TemplateResource } from '../rules/model';
import { ClusterIndex } from '../rules/quota/clusters';
import { FARGATE_ON_DEMAND, serviceFacts, StrategyItem } from '../rules/quota/services';
import { LAUNCH_CONFIGURATION, LAUNCH_TEMPLATE, launchOf } from '../rules/reach/instance-room';
import { RuleContext } from '../rules/rule';
import { EXPRESS_SERVICE, scalingTarget } from '../rules/service/express-facts';
import { AUTO_SCALING_GROUP, providerAutoScalingGroup, providerKind, strategyOf } from '../rules/service/service-facts';
import { instanceArchitecture } from '../rules/tables/instance-sizes';
import { containerGpus, containers, isWindows } from '../rules/task/task-facts';
import { autoScalingGroupOs, runsWindows } from '../rules/task/task-os';
import { parseCpuUnits, parseMemoryMiB, toArray, toNumber, toObject, toStr } from '../rules/values';

export const ASG = AUTO_SCALING_GROUP;

/** The size of one task. */
export interface TaskSize {
  /** CPU units (1024 = 1 vCPU); 0 when no CPU is reserved (EC2 tasks). */
  readonly cpuUnits: number;
  readonly memoryMiB: number;
  /** RuntimePlatform's CpuArchitecture; without one, the architecture of the EC2 capacity it runs on (else X86_64). */
  readonly arch: Architecture;
  readonly windows: boolean;
  /** NVIDIA GPUs the containers ask for (ResourceRequirements): no Fargate size and no priced instance type holds them. */
  readonly gpus: number;
  /** Fargate ephemeral storage in GiB (20 when not set). */
  readonly ephemeralGiB: number;
  /** Whether CPU and memory were set at task level (Fargate needs that). */
  readonly taskLevel: boolean;
}

/** Task count: the nominal figure (DesiredCount) and the autoscaling range. */
export interface TaskCount {
  readonly nominal: number;
  readonly low: number;
  readonly high: number;
  /** "DesiredCount 2", "autoscaling 2-10". */
  readonly basis: string;
}

export interface ServiceWorkload {
  readonly resource: TemplateResource;
  readonly size?: TaskSize;
  readonly count?: TaskCount;
  /** Strategy items (a launch type becomes one item); undefined when undecidable. */
  readonly placement?: readonly StrategyItem[];
  readonly daemon: boolean;
  /** Tasks placed outside Fargate run on ECS Managed Instances (the task requires MANAGED_INSTANCES). */
  readonly managedInstances?: boolean;
  /** Why something could not be read. */
  readonly problems: readonly string[];
}

/** One Auto Scaling group behind ECS capacity. */
export interface CapacityWorkload {
  readonly resource: TemplateResource;
  readonly min?: number;
  readonly max?: number;
  /** DesiredCapacity, or MinSize when omitted (as Auto Scaling starts). */
  readonly desired?: number;
  /** Instance types in launch order: the launch template's type, or the mixed policy's overrides. */
  readonly instanceTypes: readonly string[];
  /** Mixed instances policy: instances always On-Demand. */
  readonly onDemandBase: number;
  /** Mixed instances policy: percentage On-Demand above the base (100 without a policy). */
  readonly onDemandPercent: number;
  /** gp3 GiB per instance from the launch template's block device mappings. */
  readonly gp3GiB: number;
  readonly problems: readonly string[];
}

/** Every ECS service of the assembly. */
export function serviceWorkloads(assembly: AssemblyModel): ServiceWorkload[] {
  return serviceFacts(assembly, new ClusterIndex(assembly)).map((facts) => {
    const res = facts.resource;
    const problems: string[] = [];
    const daemon = toStr(res.properties.SchedulingStrategy) === 'DAEMON';
    const task = facts.task;
    const ctx = ruleContext(assembly, res);
    const size = task ? taskSize(task, problems, () => capacityArchitecture(res, ctx), () => runsWindows(task, ctx)) : undefined;
    if (!task) problems.push('its TaskDefinition does not resolve to a task definition in the templates');
    let count: TaskCount | undefined;
    if (!daemon) {
      // Without DesiredCount in the template the 1 ECS starts with is not the template's: autoscaling alone states the count.
      const desired = res.properties.DesiredCount === undefined && facts.scalingMax !== undefined ? undefined : facts.desired;
      count = taskCount(desired, facts.scalingMin, facts.scalingMax);
      if (!count) problems.push(`DesiredCount ${JSON.stringify(res.properties.DesiredCount)} does not resolve and no autoscaling range is set`);
    }
    if (!facts.placement) problems.push('where its tasks run (launch type or capacity provider strategy) does not resolve');
    const managedInstances = task !== undefined && requiresManagedInstances(task);
    return { resource: res, size, count, placement: facts.placement, daemon, managedInstances, problems };
  });
}

function requiresManagedInstances(task: TemplateResource): boolean {
  return (toArray(task.properties.RequiresCompatibilities) ?? []).some((c) => toStr(c) === 'MANAGED_INSTANCES');
}

/**
 * ECS Express Mode services: Fargate Linux tasks of the service's Cpu/Memory,
 * from ScalingTarget's minimum (the nominal count) to its maximum.
 */
export function expressWorkloads(assembly: AssemblyModel): ServiceWorkload[] {
  return assembly.ofType(EXPRESS_SERVICE).map((res) => {
    const p = res.properties;
    const problems: string[] = [];
    const cpuUnits = p.Cpu === undefined ? undefined : parseCpuUnits(p.Cpu);
    const memoryMiB = p.Memory === undefined ? undefined : parseMemoryMiB(p.Memory);
    const size: TaskSize | undefined = cpuUnits !== undefined && memoryMiB !== undefined
      ? { cpuUnits, memoryMiB, arch: 'X86_64', windows: false, gpus: 0, ephemeralGiB: 20, taskLevel: true } : undefined;
    if (!size) problems.push(`the Express task size (Cpu ${JSON.stringify(p.Cpu)}, Memory ${JSON.stringify(p.Memory)}) is not set or does not resolve`);
    const scaling = scalingTarget(res);
    const min = toNumber(scaling?.MinTaskCount);
    const max = toNumber(scaling?.MaxTaskCount);
    const count: TaskCount | undefined = min !== undefined && max !== undefined
      ? { nominal: min, low: min, high: Math.max(min, max), basis: `Express scaling ${min}-${Math.max(min, max)}` } : undefined;
    if (!count) problems.push('ScalingTarget MinTaskCount/MaxTaskCount is not set or does not resolve');
    return { resource: res, size, count, placement: FARGATE_ON_DEMAND, daemon: false, problems };
  });
}

function taskCount(desired: number | undefined, min: number | undefined, max: number | undefined): TaskCount | undefined {
  if (desired === undefined && max === undefined) return undefined;
  const low = min ?? desired ?? 0;
  const high = Math.max(max ?? desired ?? low, low);
  const nominal = Math.min(Math.max(desired ?? low, low), high);
  const basis = max !== undefined
    ? `${desired !== undefined ? `DesiredCount ${desired}, ` : ''}autoscaling ${low}-${high}`
    : `DesiredCount ${nominal}`;
  return { nominal, low, high, basis };
}

/**
 * Task size from task-level Cpu/Memory, else the containers' sums (EC2 tasks). An EC2 task without RuntimePlatform
 * takes its OS from the capacity that runs it (`onWindowsCapacity`), as the rules do.
 */
function taskSize(
  task: TemplateResource, problems: string[], capacityArch: () => Architecture | undefined, onWindowsCapacity: () => boolean,
): TaskSize | undefined {
  const p = task.properties;
  const declared = isWindows(task);
  const windows = declared === false && p.RuntimePlatform === undefined ? onWindowsCapacity() : declared;
  const platform = toObject(p.RuntimePlatform);
  // aws-cdk-lib writes no RuntimePlatform for EC2 task definitions: the instances decide.
  const archRaw = platform?.CpuArchitecture === undefined ? capacityArch() ?? 'X86_64' : toStr(platform.CpuArchitecture)?.toUpperCase();
  if (windows === undefined || (archRaw !== 'X86_64' && archRaw !== 'ARM64')) {
    problems.push(`the RuntimePlatform of task definition ${task.path} does not resolve`);
    return undefined;
  }
  const storage = toObject(p.EphemeralStorage);
  const ephemeralGiB = storage?.SizeInGiB === undefined ? 20 : toNumber(storage.SizeInGiB) ?? 20;
  let cpuUnits = p.Cpu === undefined ? undefined : parseCpuUnits(p.Cpu);
  let memoryMiB = p.Memory === undefined ? undefined : parseMemoryMiB(p.Memory);
  const taskLevel = cpuUnits !== undefined && memoryMiB !== undefined;
  if (cpuUnits === undefined || memoryMiB === undefined) {
    let cpu = 0;
    let mem = 0;
    for (const { def } of containers(task)) {
      cpu += toNumber(def.Cpu) ?? 0;
      mem += toNumber(def.Memory) ?? toNumber(def.MemoryReservation) ?? 0;
    }
    cpuUnits = cpuUnits ?? (p.Cpu === undefined ? cpu : undefined);
    memoryMiB = memoryMiB ?? (p.Memory === undefined && mem > 0 ? mem : undefined);
  }
  if (cpuUnits === undefined || memoryMiB === undefined) {
    problems.push(`the task size (Cpu ${JSON.stringify(p.Cpu)}, Memory ${JSON.stringify(p.Memory)}) of task definition ${task.path} does not resolve`);
    return undefined;
  }
  // An unresolved GPU count is still at least one GPU: no alternative holds the task.
  const gpus = containers(task).reduce((sum, { def }) => sum + (containerGpus(def) ?? 1), 0);
  return { cpuUnits, memoryMiB, arch: archRaw, windows, gpus, ephemeralGiB, taskLevel };
}

/** What the rules' helpers need to read a resource's surroundings (quotas are not read here). */
function ruleContext(assembly: AssemblyModel, resource: TemplateResource): RuleContext {
  return { assembly, stack: resource.stack, quotas: QuotaProfile.current() };
}

/** The architecture of the instances a service's EC2 capacity providers launch, when all of them agree. */
function capacityArchitecture(service: TemplateResource, ctx: RuleContext): Architecture | undefined {
  const strategy = strategyOf(service, ctx);
  if (!strategy?.complete || strategy.items.length === 0) return undefined;
  const archs = new Set<Architecture>();
  for (const item of strategy.items) {
    const provider = item.provider?.resource;
    if (!provider || providerKind({ resource: provider }) !== 'asg') return undefined;
    const asg = providerAutoScalingGroup(provider, ctx.assembly);
    const types = asg ? launchOf(asg, ctx).types : undefined;
    if (!types || types.length === 0) return undefined;
    for (const t of types) archs.add(instanceArchitecture(t));
  }
  return archs.size === 1 ? [...archs][0] : undefined;
}

/** Auto Scaling groups used as ECS capacity: behind a capacity provider, or every group when the app has EC2 services. */
export function capacityWorkloads(assembly: AssemblyModel): CapacityWorkload[] {
  return assembly.ofType(ASG).map((asg) => capacityOf(assembly, asg));
}

function capacityOf(assembly: AssemblyModel, asg: TemplateResource): CapacityWorkload {
  const p = asg.properties;
  const problems: string[] = [];
  const min = toNumber(p.MinSize);
  const max = toNumber(p.MaxSize);
  const desired = p.DesiredCapacity === undefined ? min : toNumber(p.DesiredCapacity);
  if (min === undefined || max === undefined || desired === undefined) problems.push('MinSize, MaxSize or DesiredCapacity does not resolve');
  if (autoScalingGroupOs(asg, ruleContext(assembly, asg)) === 'windows') {
    problems.push('its instances run Windows, and the price table has no EC2 Windows (license-included) prices');
  }
  let instanceTypes: string[] = [];
  let onDemandBase = 0;
  let onDemandPercent = 100;
  let template: TemplateResource | undefined;
  const mixed = toObject(p.MixedInstancesPolicy);
  if (mixed) {
    const lt = toObject(mixed.LaunchTemplate);
    template = launchTemplate(assembly, asg, toObject(lt?.LaunchTemplateSpecification));
    for (const o of toArray(lt?.Overrides) ?? []) {
      const type = toStr(toObject(o)?.InstanceType);
      if (type) instanceTypes.push(type);
      else if (toObject(o)?.InstanceRequirements !== undefined) problems.push('attribute-based instance selection (InstanceRequirements) is not priced');
    }
    const dist = toObject(mixed.InstancesDistribution) ?? {};
    onDemandBase = dist.OnDemandBaseCapacity === undefined ? 0 : toNumber(dist.OnDemandBaseCapacity) ?? NaN;
    onDemandPercent = dist.OnDemandPercentageAboveBaseCapacity === undefined ? 100 : toNumber(dist.OnDemandPercentageAboveBaseCapacity) ?? NaN;
    if (Number.isNaN(onDemandBase) || Number.isNaN(onDemandPercent)) problems.push('the On-Demand base or percentage does not resolve');
  } else if (p.LaunchTemplate !== undefined) {
    template = launchTemplate(assembly, asg, toObject(p.LaunchTemplate));
  }
  let gp3GiB = 0;
  if (template) {
    const data = toObject(template.properties.LaunchTemplateData) ?? {};
    if (instanceTypes.length === 0) {
      const type = toStr(data.InstanceType);
      if (type) instanceTypes = [type];
    }
    gp3GiB = gp3Size(data.BlockDeviceMappings);
  } else if (p.LaunchConfigurationName !== undefined) {
    const lc = assembly.resolveResource(p.LaunchConfigurationName, asg.stack);
    if (lc?.type === LAUNCH_CONFIGURATION) {
      const type = toStr(lc.properties.InstanceType);
      if (type && instanceTypes.length === 0) instanceTypes = [type];
      gp3GiB = gp3Size(lc.properties.BlockDeviceMappings);
    }
  }
  if (instanceTypes.length === 0) problems.push('its instance type does not resolve from the launch template or configuration');
  return { resource: asg, min, max, desired, instanceTypes, onDemandBase, onDemandPercent, gp3GiB, problems };
}

function launchTemplate(assembly: AssemblyModel, asg: TemplateResource, spec: Record<string, unknown> | undefined): TemplateResource | undefined {
  if (!spec) return undefined;
  const byId = assembly.resolveResource(spec.LaunchTemplateId, asg.stack);
  if (byId?.type === LAUNCH_TEMPLATE) return byId;
  const name = assembly.resolveString(spec.LaunchTemplateName, asg.stack);
  if (name !== undefined) {
    const named = assembly.ofType(LAUNCH_TEMPLATE).filter((t) => toStr(t.properties.LaunchTemplateName) === name);
    if (named.length === 1) return named[0];
  }
  return assembly.resolveResource(spec.LaunchTemplateName, asg.stack)?.type === LAUNCH_TEMPLATE
    ? assembly.resolveResource(spec.LaunchTemplateName, asg.stack) : undefined;
}

/** GiB of gp3 volumes in a block device mapping list (other volume types are not priced). */
function gp3Size(mappings: unknown): number {
  let total = 0;
  for (const m of toArray(mappings) ?? []) {
    const ebs = toObject(toObject(m)?.Ebs);
    if (!ebs || toStr(ebs.VolumeType) !== 'gp3') continue;
    total += toNumber(ebs.VolumeSize) ?? 0;
  }
  return total;
}
