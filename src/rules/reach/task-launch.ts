/**
 * Where tasks are launched from: ECS services, and EventBridge Scheduler
 * schedules and EventBridge rules that run ECS tasks. Each carries a task
 * definition, an awsvpc configuration and a launch type or capacity provider
 * strategy.
 */
import { TemplateResource } from '../model';
import { RuleContext } from '../rule';
import { launchKind, SERVICE, serviceTask } from '../service/service-facts';
import { TASK_DEFINITION } from '../task/task-facts';
import { toArray, toObject, toStr } from '../values';

export const SCHEDULE = 'AWS::Scheduler::Schedule';
export const EVENTS_RULE = 'AWS::Events::Rule';

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
  if (resource.type === EVENTS_RULE) return ruleLaunch(resource, ctx);
  const ecs = toObject(toObject(resource.properties.Target)?.EcsParameters);
  const awsvpc = toObject(toObject(ecs?.NetworkConfiguration)?.AwsvpcConfiguration);
  if (!ecs || !awsvpc) return undefined;
  const task = ctx.assembly.resolveResource(ecs.TaskDefinitionArn, resource.stack);
  if (task?.type !== TASK_DEFINITION) return undefined;
  return { task, awsvpc, awsvpcPointer: 'Properties/Target/EcsParameters/NetworkConfiguration/AwsvpcConfiguration', launchKind: scheduleLaunchKind(ecs), isService: false, ecs };
}

/** The first ECS target of an EventBridge rule (ecs-patterns' ScheduledFargateTask makes one); its awsvpc key is AwsVpcConfiguration. */
function ruleLaunch(rule: TemplateResource, ctx: RuleContext): TaskLaunch | undefined {
  const targets = toArray(rule.properties.Targets) ?? [];
  for (let i = 0; i < targets.length; i++) {
    const ecs = toObject(toObject(targets[i])?.EcsParameters);
    const awsvpc = toObject(toObject(ecs?.NetworkConfiguration)?.AwsVpcConfiguration);
    if (!ecs || !awsvpc) continue;
    const task = ctx.assembly.resolveResource(ecs.TaskDefinitionArn, rule.stack);
    if (task?.type !== TASK_DEFINITION) return undefined;
    const awsvpcPointer = `Properties/Targets/${i}/EcsParameters/NetworkConfiguration/AwsVpcConfiguration`;
    return { task, awsvpc, awsvpcPointer, launchKind: scheduleLaunchKind(ecs), isService: false, ecs };
  }
  return undefined;
}

function scheduleLaunchKind(ecs: Record<string, unknown>): string | undefined {
  if (ecs.LaunchType !== undefined) return toStr(ecs.LaunchType);
  const names = (toArray(ecs.CapacityProviderStrategy) ?? []).map((i) => toStr(toObject(i)?.CapacityProvider));
  return names.length > 0 && names.every((n) => n === 'FARGATE' || n === 'FARGATE_SPOT') ? 'FARGATE' : undefined;
}
