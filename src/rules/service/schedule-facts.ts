/** Schedules and scheduled rules that start ECS tasks: EventBridge Scheduler schedules and EventBridge rules. */
import { TemplateResource } from '../model';
import { toArray, toObject, toStr } from '../values';

export const SCHEDULE = 'AWS::Scheduler::Schedule';
export const EVENTS_RULE = 'AWS::Events::Rule';

/** An ECS target of a schedule or rule, with its property path. */
export interface EcsTarget {
  /** Target (Scheduler) or Targets/N (rule). */
  readonly path: string;
  readonly target: Record<string, unknown>;
  readonly ecs: Record<string, unknown>;
}

/** The targets of a schedule or rule that run ECS tasks (EcsParameters). */
export function ecsTargets(resource: TemplateResource): EcsTarget[] {
  if (resource.type === SCHEDULE) {
    const target = toObject(resource.properties.Target);
    const ecs = toObject(target?.EcsParameters);
    return target && ecs ? [{ path: 'Properties/Target', target, ecs }] : [];
  }
  const out: EcsTarget[] = [];
  (toArray(resource.properties.Targets) ?? []).forEach((raw, i) => {
    const target = toObject(raw);
    const ecs = toObject(target?.EcsParameters);
    if (target && ecs) out.push({ path: `Properties/Targets/${i}`, target, ecs });
  });
  return out;
}

/**
 * The launch kind of an ECS target: its LaunchType, or FARGATE for a non-empty strategy of FARGATE and FARGATE_SPOT
 * only; undefined when neither decides it.
 */
export function targetLaunchKind(ecs: Record<string, unknown>): string | undefined {
  if (ecs.LaunchType !== undefined) return toStr(ecs.LaunchType);
  const names = (toArray(ecs.CapacityProviderStrategy) ?? []).map((i) => toStr(toObject(i)?.CapacityProvider));
  return names.length > 0 && names.every((n) => n === 'FARGATE' || n === 'FARGATE_SPOT') ? 'FARGATE' : undefined;
}
