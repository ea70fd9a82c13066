/**
 * Facts about container definitions that several container rules need.
 * Each returns undefined when the template does not decide it.
 */
import { resourceFact, TemplateResource } from '../model';
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

/** Container definitions by literal Name; a later duplicate name wins. */
export function containersByName(task: TemplateResource): Map<string, Record<string, unknown>> {
  const byName = new Map<string, Record<string, unknown>>();
  for (const { def } of containers(task)) {
    const name = toStr(def.Name);
    if (name !== undefined) byName.set(name, def);
  }
  return byName;
}

/** DependsOn entries of a container that are fully literal. */
export function dependencies(def: Record<string, unknown>): { index: number; container: string; condition: string }[] {
  const out: { index: number; container: string; condition: string }[] = [];
  const list = toArray(def.DependsOn);
  if (!list) return out;
  for (let index = 0; index < list.length; index++) {
    const obj = toObject(list[index]);
    const container = toStr(obj?.ContainerName);
    const condition = toStr(obj?.Condition);
    if (container !== undefined && condition !== undefined) out.push({ index, container, condition: condition.toUpperCase() });
  }
  return out;
}

/** A literal DependsOn entry, with the container (and its index) that declares it. */
export interface ContainerDependency {
  readonly index: number;
  readonly def: Record<string, unknown>;
  readonly dep: { index: number; container: string; condition: string };
}

/**
 * Every literal DependsOn entry of the task's containers, in container order;
 * built once per task definition (three rules walk it, most tasks have none).
 */
export function taskDependencies(task: TemplateResource): readonly ContainerDependency[] {
  return resourceFact(task, readTaskDependencies, undefined);
}

function readTaskDependencies(task: TemplateResource): readonly ContainerDependency[] {
  let out: ContainerDependency[] | undefined;
  for (const { index, def } of containers(task)) {
    if (def.DependsOn === undefined) continue;
    for (const dep of dependencies(def)) (out ??= []).push({ index, def, dep });
  }
  return out ?? NO_DEPENDENCIES;
}

const NO_DEPENDENCIES: ContainerDependency[] = [];
