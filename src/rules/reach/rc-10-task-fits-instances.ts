import { clusterGroups, launchOf, ProviderRoom, providerRoom, TaskNeeds, taskNeeds } from './instance-room';
import { TemplateResource } from '../model';
import { ResourceRule, RuleContext, RuleIssue, Severity } from '../rule';
import { associatedProviderRefs, resolveCluster } from '../service/cluster-providers';
import { ecsTargets, EVENTS_RULE, SCHEDULE } from '../service/schedule-facts';
import { ProviderRef, providerAutoScalingGroup, providerKind, resolveProvider, SERVICE, serviceTask, strategyOf } from '../service/service-facts';
import { TASK_DEFINITION } from '../task/task-facts';
import { andList, toArray, toObject, toStr } from '../values';

export const RC10_TASK_FITS_INSTANCES: ResourceRule = {
  id: 'ECS-RC-10',
  title: 'A task must fit the largest instance its capacity providers launch',
  area: 'reach',
  severity: Severity.ERROR,
  description: 'For a service or a scheduled task (EventBridge rule or Scheduler schedule) whose capacity provider strategy names only EC2 (Auto Scaling '
    + 'group) or Managed Instances providers of the app, and for a DAEMON service on the EC2 providers of its cluster (those its memberOf constraint on '
    + 'an instance attribute names, when it has one; silent when an Auto Scaling group outside the providers joins the cluster): the task\'s memory '
    + '(task-level Memory, else the sum of the containers\' MemoryReservation or Memory), CPU (task-level Cpu, else the containers\' Cpu) and GPUs '
    + '(ResourceRequirements) must fit on at least one instance type the providers launch: the launch template\'s or launch configuration\'s InstanceType '
    + 'and the mixed instances policy\'s overrides, read from a table of common families (m, c, r from the 5th generation on, t3, t3a, t4g, g4dn, g5, g5g, g6), '
    + 'or the VCpuCount and MemoryMiB maximums of Managed Instances requirements. GPU instances count no GPUs when their image is an ECS-optimized '
    + 'AMI other than the GPU one, or a Bottlerocket variant other than nvidia (the public SSM parameter aws-cdk-lib renders). Memory must be below the '
    + 'instance\'s installed memory: the agent registers less than that (the kernel and platform keep some), so a task of exactly the installed memory is never '
    + 'placed; a task that fits only without the agent\'s further reserve passes. Silent when a size, type or provider is unresolved or not in the table.',
  deployError: 'The service is created but no task is ever placed ("service ... was unable to place a task because no container instance met all of its '
    + 'requirements ... has insufficient memory available"); the deployment never reaches a steady state and the circuit breaker (or the 3-hour CloudFormation '
    + 'timeout) rolls it back. A scheduled task fails each run (RunTask: RESOURCE:MEMORY), and a daemon runs on no instance.',
  fix: 'Use larger instance types for the capacity (instanceTypes, or the Managed Instances requirements\' maximums), or reduce the task\'s memory, CPU or GPUs; '
    + 'GPU tasks need a GPU image (Ec2CapacityImage.amazonLinux2023Gpu() or bottlerocketNvidia(), or BottleRocketImage with an nvidia variant).',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/memory-management.html',
  resourceTypes: [SERVICE, SCHEDULE, EVENTS_RULE],
  check(resource, ctx): RuleIssue[] {
    if (resource.type !== SERVICE) {
      return ecsTargets(resource).flatMap((t) => {
        const list = toArray(t.ecs.CapacityProviderStrategy);
        if (!list || list.length === 0) return [];
        const providers = list.map((item) => resolveProvider(toObject(item)?.CapacityProvider, resource.stack, ctx.assembly));
        const task = ctx.assembly.resolveResource(t.ecs.TaskDefinitionArn, resource.stack);
        return task?.type === TASK_DEFINITION ? judge(task, providers, `${t.path}/EcsParameters/CapacityProviderStrategy`, ctx) : [];
      });
    }
    const task = serviceTask(resource, ctx);
    if (!task) return [];
    const strategy = strategyOf(resource, ctx);
    if (strategy) return strategy.complete ? judge(task, strategy.items.map((i) => i.provider), strategy.pointer, ctx) : [];
    return toStr(resource.properties.SchedulingStrategy) === 'DAEMON' ? judgeDaemon(resource, task, ctx) : [];
  },
};

/** The issue when the task fits on no instance of the providers; none when any provider is unknown or unsized. */
function judge(task: TemplateResource, providers: readonly (ProviderRef | undefined)[], pointer: string, ctx: RuleContext): RuleIssue[] {
  const needs = taskNeeds(task);
  if (!needs || providers.length === 0) return [];
  const rooms: ProviderRoom[] = [];
  for (const p of providers) {
    // A provider the template does not size (Fargate, imported, unknown types) may hold the task.
    const room = p?.resource ? providerRoom(p.resource, ctx) : undefined;
    if (!room) return [];
    rooms.push(room);
  }
  return issueFor(task, needs, rooms, pointer);
}

/**
 * A daemon runs on every instance of its cluster (or those its memberOf constraint picks): it fits when it fits one of
 * the EC2 providers' instance types. Silent when an Auto Scaling group outside the providers joins the cluster.
 */
function judgeDaemon(service: TemplateResource, task: TemplateResource, ctx: RuleContext): RuleIssue[] {
  const cluster = resolveCluster(service.properties.Cluster, service, ctx);
  const refs = cluster ? associatedProviderRefs(cluster, ctx) : undefined;
  if (!cluster || !refs) return [];
  const ec2 = refs.filter((p) => p.resource && providerKind(p) === 'asg');
  if (ec2.length === 0 || refs.some((p) => !p.resource && providerKind(p) !== 'fargate')) return [];
  const groups = new Set(ec2.map((p) => providerAutoScalingGroup(p.resource!, ctx.assembly)));
  if (clusterGroups(cluster, ctx).some((asg) => !groups.has(asg))) return [];
  // memberOf attribute:K == V: the providers whose instances set V in their user data (all of them when none does).
  const value = memberOfValue(service) ?? memberOfValue(task);
  const picked = value === undefined ? [] : ec2.filter((p) => JSON.stringify(launchUserData(providerAutoScalingGroup(p.resource!, ctx.assembly), ctx) ?? '').includes(value));
  return judge(task, picked.length > 0 ? picked : ec2, 'Properties/Cluster', ctx);
}

/** The value of a memberOf `attribute:name == value` constraint, when the resource has exactly one. */
function memberOfValue(resource: TemplateResource): string | undefined {
  const values = (toArray(resource.properties.PlacementConstraints) ?? [])
    .map((c) => toObject(c))
    .filter((c) => toStr(c?.Type) === 'memberOf')
    .map((c) => /^attribute:[\w.-]+\s*==\s*([\w.-]+)$/.exec(toStr(c?.Expression) ?? '')?.[1]);
  return values.length === 1 ? values[0] : undefined;
}

/** The user data an Auto Scaling group's instances start with, as written. */
function launchUserData(asg: TemplateResource | undefined, ctx: RuleContext): unknown {
  return asg ? launchOf(asg, ctx).userData : undefined;
}

function issueFor(task: TemplateResource, needs: TaskNeeds, rooms: readonly ProviderRoom[], pointer: string): RuleIssue[] {
  if (rooms.some((r) => fits(needs, r))) return [];
  const largest = (key: 'memoryMiB' | 'cpuUnits' | 'gpus') => Math.max(...rooms.map((r) => r[key]));
  const over: string[] = [];
  if (needs.memoryMiB >= largest('memoryMiB')) {
    over.push(`${needs.memoryMiB} MiB of memory (${needs.memoryProperty}; the largest instance has ${largest('memoryMiB')} MiB installed, and ECS registers less than that for tasks)`);
  }
  if (needs.cpuUnits > largest('cpuUnits')) over.push(`${needs.cpuUnits} CPU units (the largest instance has ${largest('cpuUnits')})`);
  const note = needs.gpus > largest('gpus') ? rooms.map((r) => r.gpuNote).find((n) => n !== undefined) : undefined;
  if (needs.gpus > largest('gpus')) {
    over.push(`${needs.gpus} GPU${needs.gpus > 1 ? 's' : ''} (the instances have at most ${largest('gpus')}${note ? `: ${note}` : ''})`);
  }
  // Each dimension fits somewhere, but never all on one instance type.
  if (over.length === 0) over.push(`${needs.memoryMiB} MiB, ${needs.cpuUnits} CPU units and ${needs.gpus} GPUs together`);
  return [{
    property: pointer,
    value: rooms.map((r) => r.label),
    problem: `task ${task.path} needs ${andList(over)}, more than any instance of ${rooms.map((r) => r.label).join(', ')} offers`,
    allowed: `a task that fits on one instance: ${rooms.map(describeRoom).join('; ')}`,
    fix: note
      ? 'Give the capacity a GPU image: Ec2CapacityImage.amazonLinux2023Gpu() (the kit\'s default on x86_64 NVIDIA types) or '
        + 'Ec2CapacityImage.bottlerocketNvidia(), or for aws-cdk-lib capacity BottleRocketImage with variant AWS_ECS_2_NVIDIA.'
      : `Use larger instance types for the capacity (${biggerCapacity(rooms, needs.gpus > largest('gpus'))}), or reduce the task's memory (memoryMiB of a kit Ec2Task or ManagedInstancesTask, or memoryLimitMiB / memoryReservationMiB of its containers), CPU or GPUs.`,
  }];
}

/** How to give the providers larger instances: instance types, requirements' maximums, or both. */
function biggerCapacity(rooms: readonly ProviderRoom[], gpus: boolean): string {
  const mi = rooms.filter((r) => r.managedInstances);
  const asg = rooms.some((r) => !r.managedInstances);
  const miText = mi.length === 0 ? undefined
    : mi.every((r) => r.typed) ? 'larger Managed Instances instanceTypes (or allowedInstanceTypes)'
      : 'raise the Managed Instances requirements\' VCpuCount and MemoryMiB maximums';
  const gpuText = gpus ? '; for GPUs, GPU types such as g5 or g6 (and an acceleratorCount maximum above 0)' : '';
  return [asg && 'Ec2Capacity instanceTypes, or the Auto Scaling group\'s instance type', miText].filter(Boolean).join(', or ') + gpuText;
}

/** Memory below the installed amount (the agent registers less); CPU units and GPUs up to the instance's. */
function fits(needs: TaskNeeds, room: ProviderRoom): boolean {
  return needs.memoryMiB < room.memoryMiB && needs.cpuUnits <= room.cpuUnits && needs.gpus <= room.gpus;
}

function describeRoom(room: ProviderRoom): string {
  // Not "up to": ECS registers a few percent less memory than the instance has installed (an 8 GiB type about 7,800-8,000 MiB).
  const memory = room.memoryMiB === Infinity ? 'with no memory bound' : `below its ${room.memoryMiB} MiB installed (ECS registers a few percent less)`;
  const cpu = room.cpuUnits === Infinity ? 'no CPU bound' : `up to ${room.cpuUnits} CPU units`;
  const gpus = room.gpus === Infinity ? 'no GPU bound' : `${room.cpuUnits === Infinity ? 'up to ' : ''}${room.gpus} GPUs`;
  return `${room.label} ${memory}, ${cpu} and ${gpus}`;
}
