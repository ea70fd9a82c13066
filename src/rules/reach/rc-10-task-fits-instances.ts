import { shortPath } from './load-balancing-index';
import { TemplateResource } from '../model';
import { ResourceRule, RuleContext, RuleIssue, Severity } from '../rule';
import { providerAutoScalingGroup, providerKind, SERVICE, serviceTask, strategyOf } from '../service/service-facts';
import { instanceSize } from '../tables/instance-sizes';
import { containerGpus, containers } from '../task/task-facts';
import { andList, orList, parseCpuUnits, parseMemoryMiB, toArray, toNumber, toObject, toStr } from '../values';

const LAUNCH_TEMPLATE = 'AWS::EC2::LaunchTemplate';
const LAUNCH_CONFIGURATION = 'AWS::AutoScaling::LaunchConfiguration';

/** What one task reserves on an instance. */
interface TaskNeeds {
  readonly memoryMiB: number;
  readonly cpuUnits: number;
  readonly gpus: number;
}

/** The most a provider's instances offer; Infinity where the template sets no bound. */
interface ProviderRoom {
  readonly label: string;
  readonly memoryMiB: number;
  readonly cpuUnits: number;
  readonly gpus: number;
  /** Why the GPUs are 0 on GPU instance types. */
  readonly gpuNote?: string;
  /** A Managed Instances provider (sized by its requirements), not an Auto Scaling group. */
  readonly managedInstances?: boolean;
}

export const RC10_TASK_FITS_INSTANCES: ResourceRule = {
  id: 'ECS-RC-10',
  title: 'A task must fit the largest instance its capacity providers launch',
  area: 'reach',
  severity: Severity.ERROR,
  description: 'For a service whose capacity provider strategy names only EC2 (Auto Scaling group) or Managed Instances providers of the app: the task\'s memory '
    + '(task-level Memory, else the sum of the containers\' MemoryReservation or Memory), CPU (task-level Cpu, else the containers\' Cpu) and GPUs '
    + '(ResourceRequirements) must fit on at least one instance type the providers launch: the launch template\'s or launch configuration\'s InstanceType '
    + 'and the mixed instances policy\'s overrides, read from a table of common families (m, c, r from the 5th generation on, t3, t3a, t4g, g4dn, g5, g5g, g6), '
    + 'or the VCpuCount and MemoryMiB maximums of Managed Instances requirements. GPU instances count no GPUs when their image is an ECS-optimized '
    + 'AMI other than the GPU one, or a Bottlerocket variant other than nvidia (the public SSM parameter aws-cdk-lib renders). Compared with the instance\'s physical memory, so a task that fits only '
    + 'without the agent\'s reserve passes. Silent when a size, type or provider is unresolved or not in the table.',
  deployError: 'The service is created but no task is ever placed ("service ... was unable to place a task because no container instance met all of its '
    + 'requirements ... has insufficient memory available"); the deployment never reaches a steady state and the circuit breaker (or the 3-hour CloudFormation '
    + 'timeout) rolls it back.',
  fix: 'Use larger instance types for the capacity (instanceTypes, or the Managed Instances requirements\' maximums), or reduce the task\'s memory, CPU or GPUs; '
    + 'GPU tasks need a GPU image (Ec2CapacityImage.amazonLinux2023Gpu() or bottlerocketNvidia(), or BottleRocketImage with an nvidia variant).',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement.html',
  resourceTypes: [SERVICE],
  onlyWith: ['CapacityProviderStrategy'],
  check(service, ctx): RuleIssue[] {
    const strategy = strategyOf(service, ctx);
    if (!strategy || !strategy.complete || strategy.items.length === 0) return [];
    const task = serviceTask(service, ctx);
    if (!task) return [];
    const needs = taskNeeds(task);
    if (!needs) return [];
    const rooms: ProviderRoom[] = [];
    for (const item of strategy.items) {
      const provider = item.provider?.resource;
      const room = provider ? providerRoom(provider, ctx) : undefined;
      // A provider the template does not size (Fargate, imported, unknown types) may hold the task.
      if (!room) return [];
      rooms.push(room);
    }
    if (rooms.some((r) => fits(needs, r))) return [];
    const largest = (key: 'memoryMiB' | 'cpuUnits' | 'gpus') => Math.max(...rooms.map((r) => r[key]));
    const over: string[] = [];
    if (needs.memoryMiB > largest('memoryMiB')) over.push(`${needs.memoryMiB} MiB of memory (the largest instance has ${largest('memoryMiB')})`);
    if (needs.cpuUnits > largest('cpuUnits')) over.push(`${needs.cpuUnits} CPU units (the largest instance has ${largest('cpuUnits')})`);
    const note = needs.gpus > largest('gpus') ? rooms.map((r) => r.gpuNote).find((n) => n !== undefined) : undefined;
    if (needs.gpus > largest('gpus')) {
      over.push(`${needs.gpus} GPU${needs.gpus > 1 ? 's' : ''} (the instances have at most ${largest('gpus')}${note ? `: ${note}` : ''})`);
    }
    // Each dimension fits somewhere, but never all on one instance type.
    if (over.length === 0) over.push(`${needs.memoryMiB} MiB, ${needs.cpuUnits} CPU units and ${needs.gpus} GPUs together`);
    return [{
      property: strategy.pointer,
      value: rooms.map((r) => r.label),
      problem: `task ${shortPath(task, service.stack)} needs ${andList(over)}, more than any instance of ${rooms.map((r) => r.label).join(', ')} offers`,
      allowed: `a task that fits on one instance: ${rooms.map(describeRoom).join('; ')}`,
      fix: note
        ? 'Give the capacity a GPU image: Ec2CapacityImage.amazonLinux2023Gpu() (the kit\'s default on x86_64 NVIDIA types) or '
          + 'Ec2CapacityImage.bottlerocketNvidia(), or for aws-cdk-lib capacity BottleRocketImage with variant AWS_ECS_2_NVIDIA.'
        : `Use larger instance types for the capacity (${biggerCapacity(rooms)}), or reduce the task's memory, CPU or GPUs.`,
    }];
  },
};

/** How to give the providers larger instances: instance types, requirements' maximums, or both. */
function biggerCapacity(rooms: readonly ProviderRoom[]): string {
  const mi = rooms.some((r) => r.managedInstances);
  const asg = rooms.some((r) => !r.managedInstances);
  return [asg && 'instanceTypes', mi && 'raise the Managed Instances requirements\' VCpuCount and MemoryMiB maximums'].filter(Boolean).join(', or ');
}

function fits(needs: TaskNeeds, room: ProviderRoom): boolean {
  return needs.memoryMiB <= room.memoryMiB && needs.cpuUnits <= room.cpuUnits && needs.gpus <= room.gpus;
}

function describeRoom(room: ProviderRoom): string {
  const part = (n: number, unit: string) => (n === Infinity ? `any ${unit}` : `${n} ${unit}`);
  return `${room.label} up to ${part(room.memoryMiB, 'MiB')}, ${part(room.cpuUnits, 'CPU units')} and ${part(room.gpus, 'GPUs')}`;
}

/** Memory, CPU and GPUs one task reserves; undefined when any of it is unresolved. */
function taskNeeds(task: TemplateResource): TaskNeeds | undefined {
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
  return { memoryMiB: memory, cpuUnits: cpu, gpus };
}

/** The largest room of a provider's instances; undefined when the template does not decide it. */
function providerRoom(provider: TemplateResource, ctx: RuleContext): ProviderRoom | undefined {
  const label = shortPath(provider, provider.stack);
  const kind = providerKind({ resource: provider });
  if (kind === 'managed-instances') {
    const mi = toObject(provider.properties.ManagedInstancesProvider);
    const req = toObject(toObject(mi?.InstanceLaunchTemplate)?.InstanceRequirements);
    if (!req) return undefined;
    const max = (v: unknown) => (v === undefined ? Infinity : toNumber(v));
    const vcpu = max(toObject(req.VCpuCount)?.Max);
    const memory = max(toObject(req.MemoryMiB)?.Max);
    if (vcpu === undefined || memory === undefined) return undefined;
    return { label, memoryMiB: memory, cpuUnits: vcpu * 1024, gpus: Infinity, managedInstances: true };
  }
  if (kind !== 'asg') return undefined;
  const asg = providerAutoScalingGroup(provider, ctx.assembly);
  if (!asg) return undefined;
  const { types, imageId } = launchOf(asg, ctx);
  const sizes = types?.map(instanceSize);
  if (!sizes || sizes.length === 0 || sizes.some((s) => s === undefined)) return undefined;
  const known = sizes as NonNullable<(typeof sizes)[number]>[];
  const gpus = Math.max(...known.map((s) => s.gpus));
  // GPUs the image's agent cannot see are no room at all.
  const image = gpus > 0 ? imageParameter(imageId, asg.stack) : undefined;
  const noDriver = image !== undefined && imageRunsGpus(image) === false;
  return {
    label: `${label} (${orList(types!)})`,
    memoryMiB: Math.max(...known.map((s) => s.memoryMiB)),
    cpuUnits: Math.max(...known.map((s) => s.vcpu * 1024)),
    gpus: noDriver ? 0 : gpus,
    gpuNote: noDriver ? `image ${image} has no NVIDIA driver, so the agent registers none of the instances' ${gpus} GPU${gpus > 1 ? 's' : ''}` : undefined,
  };
}

/** What an Auto Scaling group launches: its instance types, and the image id as written (undefined types when unresolved). */
export function launchOf(asg: TemplateResource, ctx: RuleContext): { types?: string[]; imageId?: unknown } {
  const p = asg.properties;
  const literal = (v: unknown) => toStr(v);
  if (p.LaunchConfigurationName !== undefined) {
    const lc = ctx.assembly.resolveResource(p.LaunchConfigurationName, asg.stack);
    if (lc?.type !== LAUNCH_CONFIGURATION) return {};
    const t = literal(lc.properties.InstanceType);
    return { types: t === undefined ? undefined : [t], imageId: lc.properties.ImageId };
  }
  const mixed = toObject(toObject(p.MixedInstancesPolicy)?.LaunchTemplate);
  const spec = mixed ? toObject(mixed.LaunchTemplateSpecification) : toObject(p.LaunchTemplate);
  const lt = ctx.assembly.resolveResource(spec?.LaunchTemplateId, asg.stack);
  const data = lt?.type === LAUNCH_TEMPLATE ? toObject(lt.properties.LaunchTemplateData) : undefined;
  const imageId = data?.ImageId;
  if (mixed && mixed.Overrides !== undefined) {
    const overrides = toArray(mixed.Overrides);
    if (!overrides) return { imageId };
    const out: string[] = [];
    for (const o of overrides) {
      const t = literal(toObject(o)?.InstanceType);
      if (t === undefined) return { imageId };
      out.push(t);
    }
    if (out.length > 0) return { types: out, imageId };
  }
  const t = literal(data?.InstanceType);
  return { types: t === undefined ? undefined : [t], imageId };
}

/**
 * The AWS public image parameter behind an image id: a `{{resolve:ssm:...}}` reference, or the default of the
 * SSM parameter aws-cdk-lib declares for `EcsOptimizedImage` / `BottleRocketImage` (`SsmParameterValue...`).
 */
function imageParameter(imageId: unknown, stack: TemplateResource['stack']): string | undefined {
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
