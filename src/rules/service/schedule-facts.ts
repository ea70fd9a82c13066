/** Schedules and scheduled rules that start ECS tasks: EventBridge Scheduler schedules and EventBridge rules. */
import { TemplateResource } from '../model';
import { toArray, toObject } from '../values';

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
