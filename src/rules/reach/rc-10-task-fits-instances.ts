import { shortPath } from './load-balancing-index';
import { TemplateResource } from '../model';
import { ResourceRule, RuleContext, RuleIssue, Severity } from '../rule';
import { providerKind, SERVICE, serviceTask, strategyOf } from '../service/service-facts';
import { instanceSize } from '../tables/instance-sizes';
import { containers } from '../task/task-facts';
import { andList, orList, parseCpuUnits, parseMemoryMiB, toArray, toNumber, toObject, toStr } from '../values';

const AUTO_SCALING_GROUP = 'AWS::AutoScaling::AutoScalingGroup';
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
}

export const RC10_TASK_FITS_INSTANCES: ResourceRule = {
  id: 'ECS-RC-10',
  title: 'A task must fit the largest instance its capacity providers launch',
  area: 'reach',
  severity: Severity.ERROR,
  description: 'For a service whose capacity provider strategy names only EC2 (Auto Scaling group) or Managed Instances providers of the app: the task\'s memory '
    + '(task-level Memory, else the sum of the containers\' MemoryReservation or Memory), CPU (task-level Cpu, else the containers\' Cpu) and GPUs '
    + '(ResourceRequirements) must fit on at least one instance type the providers launch: the launch template\'s or launch configuration\'s InstanceType '
    + 'and the mixed instances policy\'s overrides, read from a table of common families (m, c, r from the 5th generation on, t3, t3a, t4g, g4dn, g5, g6), '
    + 'or the VCpuCount and MemoryMiB maximums of Managed Instances requirements. Compared with the instance\'s physical memory, so a task that fits only '
    + 'without the agent\'s reserve passes. Silent when a size, type or provider is unresolved or not in the table.',
  deployError: 'The service is created but no task is ever placed ("service ... was unable to place a task because no container instance met all of its '
    + 'requirements ... has insufficient memory available"); the deployment never reaches a steady state and the circuit breaker (or the 3-hour CloudFormation '
    + 'timeout) rolls it back.',
  fix: 'Use larger instance types for the capacity (instanceTypes, or the Managed Instances requirements\' maximums), or reduce the task\'s memory, CPU or GPUs.',
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
    if (needs.gpus > largest('gpus')) over.push(`${needs.gpus} GPU${needs.gpus > 1 ? 's' : ''} (the instances have at most ${largest('gpus')})`);
    // Each dimension fits somewhere, but never all on one instance type.
    if (over.length === 0) over.push(`${needs.memoryMiB} MiB, ${needs.cpuUnits} CPU units and ${needs.gpus} GPUs together`);
    return [{
      property: strategy.pointer,
      value: rooms.map((r) => r.label),
      problem: `task ${shortPath(task, service.stack)} needs ${andList(over)}, more than any instance of ${rooms.map((r) => r.label).join(', ')} offers`,
      allowed: `a task that fits on one instance: ${rooms.map(describeRoom).join('; ')}`,
      fix: 'Use larger instance types for the capacity (instanceTypes, or raise the Managed Instances requirements\' maximums), or reduce the task\'s memory, CPU or GPUs.',
    }];
  },
};

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
    for (const r of toArray(def.ResourceRequirements) ?? []) {
      const req = toObject(r);
      if (toStr(req?.Type) !== 'GPU') continue;
      const n = toNumber(req?.Value);
      if (n === undefined) return undefined;
      gpus += n;
    }
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
    return { label, memoryMiB: memory, cpuUnits: vcpu * 1024, gpus: Infinity };
  }
  if (kind !== 'asg') return undefined;
  const asg = ctx.assembly.resolveResource(toObject(provider.properties.AutoScalingGroupProvider)?.AutoScalingGroupArn, provider.stack);
  if (asg?.type !== AUTO_SCALING_GROUP) return undefined;
  const types = instanceTypes(asg, ctx);
  const sizes = types?.map(instanceSize);
  if (!sizes || sizes.length === 0 || sizes.some((s) => s === undefined)) return undefined;
  const known = sizes as NonNullable<(typeof sizes)[number]>[];
  return {
    label: `${label} (${orList(types!)})`,
    memoryMiB: Math.max(...known.map((s) => s.memoryMiB)),
    cpuUnits: Math.max(...known.map((s) => s.vcpu * 1024)),
    gpus: Math.max(...known.map((s) => s.gpus)),
  };
}

/** The instance types an Auto Scaling group launches; undefined when any is unresolved or chosen by requirements. */
function instanceTypes(asg: TemplateResource, ctx: RuleContext): string[] | undefined {
  const p = asg.properties;
  const literal = (v: unknown) => toStr(v);
  if (p.LaunchConfigurationName !== undefined) {
    const lc = ctx.assembly.resolveResource(p.LaunchConfigurationName, asg.stack);
    const t = lc?.type === LAUNCH_CONFIGURATION ? literal(lc.properties.InstanceType) : undefined;
    return t === undefined ? undefined : [t];
  }
  const mixed = toObject(toObject(p.MixedInstancesPolicy)?.LaunchTemplate);
  const spec = mixed ? toObject(mixed.LaunchTemplateSpecification) : toObject(p.LaunchTemplate);
  if (mixed && mixed.Overrides !== undefined) {
    const overrides = toArray(mixed.Overrides);
    if (!overrides) return undefined;
    const out: string[] = [];
    for (const o of overrides) {
      const t = literal(toObject(o)?.InstanceType);
      if (t === undefined) return undefined;
      out.push(t);
    }
    if (out.length > 0) return out;
  }
  const lt = ctx.assembly.resolveResource(spec?.LaunchTemplateId, asg.stack);
  if (lt?.type !== LAUNCH_TEMPLATE) return undefined;
  const t = literal(toObject(lt.properties.LaunchTemplateData)?.InstanceType);
  return t === undefined ? undefined : [t];
}
