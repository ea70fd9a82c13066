/**
 * Whether a task definition runs Windows containers. RuntimePlatform says so on Fargate, but on EC2 it is optional
 * and usually absent (aws-cdk-lib documents it for Fargate only): there the capacity decides. A task with no
 * RuntimePlatform counts as Windows when every service and scheduled target that runs it is placed only on
 * capacity providers whose instances start an ECS-optimized Windows AMI (the public SSM parameter aws-cdk-lib's
 * EcsOptimizedImage.windows renders, and the kit's Ec2CapacityImage.windowsServer()).
 */
import { isWindows, requiresFargate } from './task-facts';
import { TemplateResource } from '../model';
import { clusterGroups, imageParameter, launchOf } from '../reach/instance-room';
import { RuleContext } from '../rule';
import { resolveCluster } from '../service/cluster-providers';
import { ecsTargets, EVENTS_RULE, SCHEDULE } from '../service/schedule-facts';
import { AUTO_SCALING_GROUP, ProviderRef, providerAutoScalingGroup, providerKind, resolveProvider, SERVICE, serviceTask, strategyOf } from '../service/service-facts';
import { toArray, toObject, toStr } from '../values';

type Os = 'windows' | 'linux' | undefined;

/** True when the task runs Windows containers; false when it does not or the template does not decide it. */
export function runsWindows(task: TemplateResource, ctx: RuleContext): boolean {
  const declared = isWindows(task);
  if (declared !== false) return declared === true;
  // A declared LINUX family, or a Fargate task (Windows on Fargate must declare it), decides it.
  if (task.properties.RuntimePlatform !== undefined || requiresFargate(task) !== false) return false;
  return ctx.assembly.derived(WINDOWS_TASKS, () => windowsTasks(ctx)).has(task);
}

/** Key of the assembly's index of Windows-only tasks. */
const WINDOWS_TASKS = {};

/** The tasks whose every runner is placed only on Windows capacity. */
function windowsTasks(ctx: RuleContext): ReadonlySet<TemplateResource> {
  // Most apps have no Windows instances: one pass over the Auto Scaling groups settles it.
  const windowsGroup = (asg: TemplateResource) => imageOs(imageParameter(launchOf(asg, ctx).imageId, asg.stack)) === 'windows';
  if (!ctx.assembly.ofType(AUTO_SCALING_GROUP).some(windowsGroup)) return new Set();
  const verdict = new Map<TemplateResource, boolean>();
  const note = (task: TemplateResource | undefined, os: Os) => {
    if (task) verdict.set(task, (verdict.get(task) ?? true) && os === 'windows');
  };
  for (const service of ctx.assembly.ofType(SERVICE)) {
    const at = { ...ctx, stack: service.stack };
    note(serviceTask(service, at), serviceOs(service, at));
  }
  for (const type of [SCHEDULE, EVENTS_RULE]) {
    for (const resource of ctx.assembly.ofType(type)) {
      for (const t of ecsTargets(resource)) {
        const task = ctx.assembly.resolveResource(t.ecs.TaskDefinitionArn, resource.stack);
        const items = toArray(t.ecs.CapacityProviderStrategy) ?? [];
        note(task, allOs(items.map((i) => resolveProvider(toObject(i)?.CapacityProvider, resource.stack, ctx.assembly)), ctx));
      }
    }
  }
  return new Set([...verdict].filter(([, windows]) => windows).map(([task]) => task));
}

/**
 * The OS of a service's instances: its strategy's providers; with LaunchType EC2, or for a daemon without a strategy,
 * the Auto Scaling groups that join its cluster; otherwise the cluster's default strategy.
 */
function serviceOs(service: TemplateResource, ctx: RuleContext): Os {
  const strategy = strategyOf(service, ctx);
  if (strategy) return strategy.complete ? allOs(strategy.items.map((i) => i.provider), ctx) : undefined;
  const cluster = resolveCluster(service.properties.Cluster, service, ctx);
  if (!cluster) return undefined;
  const launchType = service.properties.LaunchType === undefined ? undefined : toStr(service.properties.LaunchType);
  if (launchType === 'EC2' || (launchType === undefined && toStr(service.properties.SchedulingStrategy) === 'DAEMON')) {
    return groupsOs(cluster, ctx);
  }
  const fallback = launchType === undefined ? strategyOf(cluster, ctx) : undefined;
  return fallback?.complete ? allOs(fallback.items.map((i) => i.provider), ctx) : undefined;
}

/** The one OS of the Auto Scaling groups that join the cluster. */
function groupsOs(cluster: TemplateResource, ctx: RuleContext): Os {
  let os: Os;
  for (const asg of clusterGroups(cluster, ctx)) {
    const each = imageOs(imageParameter(launchOf(asg, ctx).imageId, asg.stack));
    if (each === undefined || (os !== undefined && each !== os)) return undefined;
    os = each;
  }
  return os;
}

/** The one OS of all the providers, or undefined when they differ or one is unknown. */
function allOs(providers: readonly (ProviderRef | undefined)[], ctx: RuleContext): Os {
  let os: Os;
  for (const p of providers) {
    const each = p ? providerOs(p, ctx) : undefined;
    if (each === undefined || (os !== undefined && each !== os)) return undefined;
    os = each;
  }
  return os;
}

/** The OS of an Auto Scaling group provider's image, when it is a public ECS-optimized or Bottlerocket image. */
function providerOs(p: ProviderRef, ctx: RuleContext): Os {
  if (!p.resource || providerKind(p) !== 'asg') return undefined;
  const asg = providerAutoScalingGroup(p.resource, ctx.assembly);
  return asg ? imageOs(imageParameter(launchOf(asg, ctx).imageId, asg.stack)) : undefined;
}

/** The OS of an AWS public image parameter. */
function imageOs(image: string | undefined): Os {
  if (image === undefined) return undefined;
  if (image.startsWith('/aws/service/ami-windows-latest/')) return 'windows';
  if (image.startsWith('/aws/service/ecs/optimized-ami/') || image.startsWith('/aws/service/bottlerocket/')) return 'linux';
  return undefined;
}
