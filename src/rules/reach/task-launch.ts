/**
 * Where tasks are launched from: ECS services, and EventBridge Scheduler
 * schedules and EventBridge rules that run ECS tasks. Each carries a task
 * definition, an awsvpc configuration and a launch type or capacity provider
 * strategy.
 */
import { TemplateResource } from '../model';
import { RuleContext } from '../rule';
import { ecsTargets, EVENTS_RULE, SCHEDULE, targetLaunchKind } from '../service/schedule-facts';
import { launchKind, SERVICE, serviceTask } from '../service/service-facts';
import { TASK_DEFINITION } from '../task/task-facts';
import { toObject } from '../values';

export { EVENTS_RULE, SCHEDULE };

export interface TaskLaunch {
  readonly task: TemplateResource;
  readonly awsvpc: Record<string, unknown>;
  /** JSON pointer of the awsvpc configuration in the launching resource. */
  readonly awsvpcPointer: string;
  /** FARGATE, EC2, ... when the template decides it. */
  readonly launchKind?: string;
  readonly isService: boolean;
  /** The EcsParameters of a schedule's or rule's target. */
  readonly ecs?: Record<string, unknown>;
}

/** The launch a service or schedule describes, when its task definition and awsvpc configuration resolve. */
export function taskLaunch(resource: TemplateResource, ctx: RuleContext): TaskLaunch | undefined {
  if (resource.type === SERVICE) {
    const awsvpc = toObject(toObject(resource.properties.NetworkConfiguration)?.AwsvpcConfiguration);
    const task = serviceTask(resource, ctx);
    if (!awsvpc || !task) return undefined;
    return { task, awsvpc, awsvpcPointer: 'Properties/NetworkConfiguration/AwsvpcConfiguration', launchKind: launchKind(resource, ctx), isService: true };
  }
  // The first ECS target with an awsvpc configuration; EventBridge rules spell its key AwsVpcConfiguration, schedules AwsvpcConfiguration.
  const key = resource.type === EVENTS_RULE ? 'AwsVpcConfiguration' : 'AwsvpcConfiguration';
  for (const { path, ecs } of ecsTargets(resource)) {
    const awsvpc = toObject(toObject(ecs.NetworkConfiguration)?.[key]);
    if (!awsvpc) continue;
    const task = ctx.assembly.resolveResource(ecs.TaskDefinitionArn, resource.stack);
    if (task?.type !== TASK_DEFINITION) return undefined;
    return { task, awsvpc, awsvpcPointer: `${path}/EcsParameters/NetworkConfiguration/${key}`, launchKind: targetLaunchKind(ecs), isService: false, ecs };
  }
  return undefined;
}
