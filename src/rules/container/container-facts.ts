/**
 * Facts about container definitions that several container rules need.
 * Each returns undefined when the template does not decide it.
 */
import { containerLabel, containers } from '../task/task-facts';
import { toArray, toBool, toObject, toStr } from '../values';

export { containerLabel, containers };

/** Pointer to a container definition below the task definition resource. */
export function containerPath(index: number, ...rest: (string | number)[]): string {
  return ['Properties/ContainerDefinitions', index, ...rest].join('/');
}

/** ECS treats a container with Essential omitted as essential. */
export function isEssential(def: Record<string, unknown>): boolean | undefined {
  return def.Essential === undefined ? true : toBool(def.Essential);
}

/**
 * Container names by index when every container definition and name is a
 * literal; undefined otherwise (a name we cannot read might be the one a
 * rule is looking for).
 */
export function allContainerNames(task: { properties: Record<string, unknown> }): string[] | undefined {
  const list = toArray(task.properties.ContainerDefinitions);
  if (!list) return undefined;
  const names: string[] = [];
  for (const c of list) {
    const name = toStr(toObject(c)?.Name);
    if (name === undefined) return undefined;
    names.push(name);
  }
  return names;
}

/** DependsOn entries of a container that are fully literal. */
export function dependencies(def: Record<string, unknown>): { index: number; container: string; condition: string }[] {
  const out: { index: number; container: string; condition: string }[] = [];
  (toArray(def.DependsOn) ?? []).forEach((d, index) => {
    const obj = toObject(d);
    const container = toStr(obj?.ContainerName);
    const condition = toStr(obj?.Condition);
    if (container !== undefined && condition !== undefined) out.push({ index, container, condition: condition.toUpperCase() });
  });
  return out;
}
