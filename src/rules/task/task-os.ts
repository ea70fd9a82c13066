/**
 * Whether a task definition runs Windows containers. RuntimePlatform says so on Fargate, but on EC2 it is optional
 * and usually absent (aws-cdk-lib documents it for Fargate only): there the capacity decides. A task with no
 * RuntimePlatform counts as Windows when every service and scheduled target that runs it is placed only on
 * capacity providers whose instances start an ECS-optimized Windows AMI (the public SSM parameter aws-cdk-lib's
 * EcsOptimizedImage.windows renders, and the kit's Ec2CapacityImage.windowsServer()).
 */
import { isWindows, requiresFargate } from './task-facts';
import { TemplateResource } from '../model';
import { clusterGroups, imageParameter, launchOf, providerGroups } from '../reach/instance-room';
import { RuleContext } from '../rule';
import { resolveCluster } from '../service/cluster-providers';
import { ecsTargets, EVENTS_RULE, SCHEDULE } from '../service/schedule-facts';
import { AUTO_SCALING_GROUP, resolveProvider, SERVICE, serviceTask, strategyOf } from '../service/service-facts';
import { toArray, toObject, toStr } from '../values';

type Os = 'windows' | 'linux' | undefined;

/** True when the task runs Windows containers; false when it does not or the template does not decide it. */
export function runsWindows(task: TemplateResource, ctx: RuleContext): boolean {
  const declared = isWindows(task);
  if (declared !== false) return declared === true;
  // A declared LINUX family, or a Fargate task (Windows on Fargate must declare it), decides it.
  if (task.properties.RuntimePlatform !== undefined || requiresFargate(task) !== false) return false;
  // Most apps have no Windows instances: one pass over the Auto Scaling groups settles it.
  const windowsInstances = ctx.assembly.derived(WINDOWS_INSTANCES,
    (a) => a.ofType(AUTO_SCALING_GROUP).some((asg) => autoScalingGroupOs(asg, ctx) === 'windows'));
  return windowsInstances && runsOnlyOn(task, 'windows', ctx);
}

/**
 * True when an EC2 task without RuntimePlatform runs only on Linux instances: something in the assembly runs it, and
 * every runner places it only on Auto Scaling groups that start a Linux ECS-optimized or Bottlerocket image.
 */
export function runsOnLinuxInstances(task: TemplateResource, ctx: RuleContext): boolean {
  return runsOnlyOn(task, 'linux', ctx);
}

/** Something in the assembly runs the task, and every runner places it only on instances of `os`. */
function runsOnlyOn(task: TemplateResource, os: 'windows' | 'linux', ctx: RuleContext): boolean {
  const runners = taskRunnerGroups(task, ctx);
  return runners.length > 0 && runners.every((groups) => oneOs(groups, ctx) === os);
}

/** Keys of the assembly's facts: whether any instances run Windows, and the instance groups each task's runners use. */
const WINDOWS_INSTANCES = {};
const RUNNER_GROUPS = {};

/**
 * The Auto Scaling groups each service and scheduled target that runs the task places it on, one list per runner
 * (undefined where the template does not decide them); [] when nothing in the assembly runs it.
 */
export function taskRunnerGroups(task: TemplateResource, ctx: RuleContext): readonly (readonly TemplateResource[] | undefined)[] {
  return ctx.assembly.derived(RUNNER_GROUPS, () => runnerGroups(ctx)).get(task) ?? [];
}

function runnerGroups(ctx: RuleContext): Map<TemplateResource, (readonly TemplateResource[] | undefined)[]> {
  const index = new Map<TemplateResource, (readonly TemplateResource[] | undefined)[]>();
  const note = (task: TemplateResource | undefined, groups: readonly TemplateResource[] | undefined) => {
    if (!task) return;
    const list = index.get(task);
    if (list) list.push(groups);
    else index.set(task, [groups]);
  };
  for (const service of ctx.assembly.ofType(SERVICE)) {
    const at = { ...ctx, stack: service.stack };
    note(serviceTask(service, at), serviceGroups(service, at));
  }
  for (const type of [SCHEDULE, EVENTS_RULE]) {
    for (const resource of ctx.assembly.ofType(type)) {
      for (const t of ecsTargets(resource)) {
        const task = ctx.assembly.resolveResource(t.ecs.TaskDefinitionArn, resource.stack);
        const items = toArray(t.ecs.CapacityProviderStrategy) ?? [];
        note(task, providerGroups(items.map((i) => resolveProvider(toObject(i)?.CapacityProvider, resource.stack, ctx.assembly)), ctx));
      }
    }
  }
  return index;
}

/**
 * The instance groups of a service: its strategy's providers; with LaunchType EC2, or for a daemon without a strategy,
 * the Auto Scaling groups that join its cluster; otherwise the cluster's default strategy.
 */
function serviceGroups(service: TemplateResource, ctx: RuleContext): readonly TemplateResource[] | undefined {
  const strategy = strategyOf(service, ctx);
  if (strategy) return strategy.complete ? providerGroups(strategy.items.map((i) => i.provider), ctx) : undefined;
  const cluster = resolveCluster(service.properties.Cluster, service, ctx);
  if (!cluster) return undefined;
  const launchType = service.properties.LaunchType === undefined ? undefined : toStr(service.properties.LaunchType);
  if (launchType === 'EC2' || (launchType === undefined && toStr(service.properties.SchedulingStrategy) === 'DAEMON')) {
    return clusterGroups(cluster, ctx);
  }
  const fallback = launchType === undefined ? strategyOf(cluster, ctx) : undefined;
  return fallback?.complete ? providerGroups(fallback.items.map((i) => i.provider), ctx) : undefined;
}

/** The one OS of the Auto Scaling groups, or undefined when they are unknown, none, or differ. */
function oneOs(groups: readonly TemplateResource[] | undefined, ctx: RuleContext): Os {
  let os: Os;
  for (const asg of groups ?? []) {
    const each = autoScalingGroupOs(asg, ctx);
    if (each === undefined || (os !== undefined && each !== os)) return undefined;
    os = each;
  }
  return os;
}

/** The OS of an Auto Scaling group's image, when it is a public ECS-optimized or Bottlerocket image. */
export function autoScalingGroupOs(asg: TemplateResource, ctx: RuleContext): 'windows' | 'linux' | undefined {
  const image = imageParameter(launchOf(asg, ctx).imageId, asg.stack);
  if (image === undefined) return undefined;
  if (image.startsWith('/aws/service/ami-windows-latest/')) return 'windows';
  if (image.startsWith('/aws/service/ecs/optimized-ami/') || image.startsWith('/aws/service/bottlerocket/')) return 'linux';
  return undefined;
}
