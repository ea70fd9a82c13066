import { TemplateResource } from '../model';
import { ResourceRule, RuleContext, RuleIssue, Severity } from '../rule';
import { isWindows, TASK_DEFINITION } from '../task/task-facts';
import { toArray, toNumber, toObject, toStr } from '../values';
import { ecsTargets, EVENTS_RULE, SCHEDULE } from './schedule-facts';
import { SERVICE, serviceTask, strategyOf } from './service-facts';

/** A FARGATE_SPOT item that takes tasks (weight or base above 0). */
interface SpotItem {
  readonly pointer: string;
  readonly raw: unknown;
  readonly weight?: number;
  readonly base?: number;
}

export const SV32_WINDOWS_FARGATE_SPOT: ResourceRule = {
  id: 'ECS-SV-32',
  title: 'Windows tasks do not run on Fargate Spot',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Flags a service, or a scheduled task (an EventBridge Scheduler schedule or rule with an ECS target), whose capacity provider strategy gives '
    + 'FARGATE_SPOT a weight or base above 0 while its (resolved) task definition declares a Windows operating system family: Fargate Spot runs Linux tasks only.',
  deployError: 'The service is created, but the tasks ECS places on FARGATE_SPOT never start, so the service does not reach its desired count and the stack '
    + 'waits until it fails; a schedule is created, but every run\'s RunTask fails (to its dead-letter queue).',
  fix: 'Run Windows tasks on FARGATE only (no FARGATE_SPOT in the strategy), or use Spot for Linux tasks.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html',
  resourceTypes: [SERVICE, SCHEDULE, EVENTS_RULE],
  onlyWith: ['CapacityProviderStrategy', 'Target/EcsParameters/CapacityProviderStrategy', 'Targets/*/EcsParameters/CapacityProviderStrategy'],
  check(resource, ctx): RuleIssue[] {
    return launches(resource, ctx).flatMap(({ spot, task }) => {
      if (!spot || !task || isWindows(task) !== true) return [];
      const family = toStr(toObject(task.properties.RuntimePlatform)?.OperatingSystemFamily);
      const what = resource.type === SERVICE ? 'Service runs' : 'Scheduled task runs';
      return [{
        property: `${spot.pointer}/CapacityProvider`,
        value: spot.raw,
        problem: `${what} Windows task definition ${task.path} (${family}) with FARGATE_SPOT in its capacity provider strategy `
          + `(weight ${spot.weight ?? '?'}, base ${spot.base ?? '?'})`,
        allowed: 'Windows tasks on FARGATE; FARGATE_SPOT for Linux tasks only',
        fix: resource.type === SERVICE
          ? 'Remove FARGATE_SPOT from the strategy (FargateCapacity.onDemand() on a kit service), or run the workload as a Linux task.'
          : 'Remove FARGATE_SPOT from the target\'s strategy (FargateCapacity.onDemand() on a kit ScheduledJob), or run the job as a Linux task.',
      }];
    });
  },
};

/** The FARGATE_SPOT item and task definition of a service, or of each ECS target of a schedule or rule. */
function launches(resource: TemplateResource, ctx: RuleContext): { spot?: SpotItem; task?: TemplateResource }[] {
  if (resource.type === SERVICE) {
    const item = strategyOf(resource, ctx)?.items.find((i) => i.provider?.name === 'FARGATE_SPOT' && ((i.weight ?? 0) > 0 || (i.base ?? 0) > 0));
    if (!item) return [];
    const spot = { pointer: item.pointer, raw: item.raw.CapacityProvider, weight: item.weight, base: item.base };
    return [{ spot, task: serviceTask(resource, ctx) }];
  }
  return ecsTargets(resource).map(({ path, ecs }) => {
    let spot: SpotItem | undefined;
    (toArray(ecs.CapacityProviderStrategy) ?? []).forEach((raw, index) => {
      const item = toObject(raw);
      if (spot || toStr(item?.CapacityProvider) !== 'FARGATE_SPOT') return;
      // Weight and Base default to 0 in both EventBridge's and Scheduler's strategy items.
      const weight = item!.Weight === undefined ? 0 : toNumber(item!.Weight);
      const base = item!.Base === undefined ? 0 : toNumber(item!.Base);
      if ((weight ?? 0) > 0 || (base ?? 0) > 0) {
        spot = { pointer: `${path}/EcsParameters/CapacityProviderStrategy/${index}`, raw: item!.CapacityProvider, weight, base };
      }
    });
    const task = spot ? ctx.assembly.resolveResource(ecs.TaskDefinitionArn, resource.stack) : undefined;
    return { spot, task: task?.type === TASK_DEFINITION ? task : undefined };
  });
}
