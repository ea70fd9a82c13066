import { ecsTargets, EVENTS_RULE, SCHEDULE, targetLaunchKind } from './schedule-facts';
import { launchKind, SERVICE, serviceTask } from './service-facts';
import { TemplateResource } from '../model';
import { ResourceRule, RuleContext, RuleIssue, Severity } from '../rule';
import { isWindows, requiresFargate, TASK_DEFINITION } from '../task/task-facts';
import { toObject, toStr } from '../values';

/** The platform versions Windows tasks on Fargate can name. */
const WINDOWS_VERSIONS = ['1.0.0', 'LATEST'];

export const SV42_WINDOWS_FARGATE_PLATFORM_VERSION: ResourceRule = {
  id: 'ECS-SV-42',
  title: 'Windows tasks on Fargate use platform version 1.0.0 or LATEST',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Flags a literal PlatformVersion other than 1.0.0 or LATEST on a service, or on a scheduled task (an EventBridge Scheduler schedule '
    + 'or rule with an ECS target), that runs a task definition declaring a Windows operating system family on Fargate (LaunchType FARGATE, a '
    + 'Fargate-only strategy, or neither with a task definition that requires FARGATE). Fargate\'s Windows and Linux platform versions are '
    + 'numbered independently, and 1.0.0 is the only Windows one: 1.3.0 and 1.4.0 are Linux versions.',
  deployError: 'CreateService or RunTask fails: no Windows platform version with that number exists on Fargate. A service\'s stack rolls back; '
    + 'a schedule is created, but every run fails (to its dead-letter queue).',
  fix: 'Set the platform version to LATEST or 1.0.0 (FargatePlatformVersion.LATEST or VERSION1_0), or leave it unset (LATEST).',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-windows-fargate.html',
  resourceTypes: [SERVICE, SCHEDULE, EVENTS_RULE],
  onlyWith: ['PlatformVersion', 'Target/EcsParameters/PlatformVersion', 'Targets/*/EcsParameters/PlatformVersion'],
  check(resource, ctx): RuleIssue[] {
    return runs(resource, ctx).flatMap(({ pointer, raw, task }) => {
      const version = toStr(raw);
      // Only a literal version number is judged; a Ref or Fn::If may resolve to anything.
      if (version === undefined || WINDOWS_VERSIONS.includes(version) || !/^\d+\.\d+\.\d+$/.test(version)) return [];
      const family = toStr(toObject(task.properties.RuntimePlatform)?.OperatingSystemFamily);
      const service = resource.type === SERVICE;
      return [{
        property: pointer,
        value: raw,
        problem: `${service ? 'Service runs' : 'Scheduled task runs'} Windows task definition ${task.path} (${family}) on Fargate with PlatformVersion `
          + `${version}, a Linux platform version`,
        allowed: 'PlatformVersion 1.0.0 or LATEST for Windows tasks on Fargate',
        fix: service
          ? 'Set platformVersion to FargatePlatformVersion.LATEST or VERSION1_0 (PlatformVersion LATEST or 1.0.0), or remove it.'
          : 'Set the job\'s platformVersion to FargatePlatformVersion.LATEST or VERSION1_0 (EcsParameters PlatformVersion LATEST or 1.0.0), or remove it.',
      }];
    });
  },
};

/** Each PlatformVersion of a service or ECS target that runs a Windows task definition on Fargate. */
function runs(resource: TemplateResource, ctx: RuleContext): { pointer: string; raw: unknown; task: TemplateResource }[] {
  if (resource.type === SERVICE) {
    const raw = resource.properties.PlatformVersion;
    const task = raw === undefined ? undefined : serviceTask(resource, ctx);
    if (!task || isWindows(task) !== true) return [];
    const kind = launchKind(resource, ctx);
    if (kind === undefined ? requiresFargate(task) !== true : kind !== 'FARGATE') return [];
    return [{ pointer: 'Properties/PlatformVersion', raw, task }];
  }
  return ecsTargets(resource).flatMap(({ path, ecs }) => {
    if (ecs.PlatformVersion === undefined) return [];
    const task = ctx.assembly.resolveResource(ecs.TaskDefinitionArn, resource.stack);
    if (task?.type !== TASK_DEFINITION || isWindows(task) !== true || !targetOnFargate(ecs, task)) return [];
    return [{ pointer: `${path}/EcsParameters/PlatformVersion`, raw: ecs.PlatformVersion, task }];
  });
}

/** Whether an ECS target launches on Fargate: its launch type or strategy says so, or neither is set and the task definition is Fargate's. */
function targetOnFargate(ecs: Record<string, unknown>, task: TemplateResource): boolean {
  return ecs.LaunchType !== undefined || ecs.CapacityProviderStrategy !== undefined ? targetLaunchKind(ecs) === 'FARGATE' : requiresFargate(task) === true;
}
