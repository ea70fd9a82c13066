import { ResourceRule, RuleIssue, Severity } from '../rule';
import { containerLabel, containerPath, containersByName, isEssential, taskDependencies } from './container-facts';
import { TASK_DEFINITION } from '../task/task-facts';

export const CT11_COMPLETE_ON_ESSENTIAL: ResourceRule = {
  id: 'ECS-CT-11',
  title: 'dependsOn COMPLETE/SUCCESS cannot target an essential container',
  area: 'container',
  severity: Severity.ERROR,
  description: 'Checks DependsOn entries with condition COMPLETE or SUCCESS: the container waited for must be non-essential (Essential omitted counts as essential). When an essential container exits, the whole task stops.',
  deployError: 'RegisterTaskDefinition rejects the dependency; otherwise the task stops as soon as the dependency exits, so the dependent container never runs.',
  fix: 'Set Essential false on the container that runs to completion.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDependency.html',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['ContainerDefinitions/*/DependsOn'],
  check(task): RuleIssue[] {
    const issues: RuleIssue[] = [];
    let byName: Map<string, Record<string, unknown>> | undefined;
    for (const { index, def, dep } of taskDependencies(task)) {
      if (dep.condition !== 'COMPLETE' && dep.condition !== 'SUCCESS') continue;
      byName ??= containersByName(task);
      const target = byName.get(dep.container);
      if (!target || isEssential(target) !== true) continue;
      issues.push({
        property: containerPath(index, 'DependsOn', dep.index, 'Condition'),
        value: dep.condition,
        problem: `${containerLabel(def, index)} waits for ${dep.condition} of essential container '${dep.container}'`,
        allowed: 'COMPLETE or SUCCESS only on non-essential containers; START or HEALTHY on essential ones',
        fix: `Set Essential false on container '${dep.container}', or use condition START or HEALTHY.`,
      });
    }
    return issues;
  },
};
