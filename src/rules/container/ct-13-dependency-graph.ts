import { ResourceRule, RuleIssue, Severity } from '../rule';
import { TASK_DEFINITION } from '../task/task-facts';
import { toStr } from '../values';
import { allContainerNames, containerLabel, containerPath, taskDependencies } from './container-facts';

export const CT13_DEPENDENCY_GRAPH: ResourceRule = {
  id: 'ECS-CT-13',
  title: 'dependsOn must name a container of the same task definition, without cycles',
  area: 'container',
  severity: Severity.ERROR,
  description: 'Checks that every DependsOn.ContainerName is a container of the task definition and that the dependencies form no cycle (the cycle path is reported).',
  deployError: 'RegisterTaskDefinition fails for an unknown container; with a cycle no container of the task can ever start.',
  fix: 'Point DependsOn at an existing container and break any cycle.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html#ECS-Type-ContainerDefinition-dependsOn',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['ContainerDefinitions/*/DependsOn'],
  check(task): RuleIssue[] {
    const deps = taskDependencies(task);
    if (deps.length === 0) return [];
    const issues: RuleIssue[] = [];
    const names = allContainerNames(task);
    const edges = new Map<string, { to: string; index: number; dep: number }[]>();
    for (const { index, def, dep } of deps) {
      const name = toStr(def.Name);
      // Only when every name is literal can a missing target be told apart from an unresolved one.
      if (names && !names.includes(dep.container)) {
        issues.push({
          property: containerPath(index, 'DependsOn', dep.index, 'ContainerName'),
          value: dep.container,
          problem: `${containerLabel(def, index)} depends on container '${dep.container}', which is not in the task definition`,
          allowed: names.map((n) => `'${n}'`).join(', '),
          fix: `Name one of the task's containers, or add container '${dep.container}'.`,
        });
      }
      if (name === undefined) continue;
      const list = edges.get(name);
      if (list) list.push({ to: dep.container, index, dep: dep.index });
      else edges.set(name, [{ to: dep.container, index, dep: dep.index }]);
    }
    for (const cycle of findCycles(edges)) {
      const next = cycle[1 % cycle.length];
      const first = edges.get(cycle[0])?.find((e) => e.to === next);
      if (!first) continue;
      issues.push({
        property: containerPath(first.index, 'DependsOn', first.dep, 'ContainerName'),
        value: next,
        problem: `containers depend on each other in a cycle: ${[...cycle, cycle[0]].map((n) => `'${n}'`).join(' -> ')}`,
        allowed: 'dependencies without cycles',
        fix: `Remove one dependency of the cycle, e.g. '${cycle[0]}' on '${next}'.`,
      });
    }
    return issues;
  },
};

/** Every elementary cycle once, each rotated to start at its smallest name. */
function findCycles(edges: Map<string, { to: string }[]>): string[][] {
  const found = new Map<string, string[]>();
  const visit = (node: string, path: string[]): void => {
    for (const { to } of edges.get(node) ?? []) {
      const at = path.indexOf(to);
      if (at >= 0) {
        const cycle = path.slice(at);
        const start = cycle.indexOf([...cycle].sort()[0]);
        const rotated = [...cycle.slice(start), ...cycle.slice(0, start)];
        found.set(rotated.join('\u0000'), rotated);
      } else if (path.length < 64) {
        visit(to, [...path, to]);
      }
    }
  };
  for (const node of [...edges.keys()].sort()) visit(node, [node]);
  return [...found.values()];
}
