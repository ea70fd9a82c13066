import { ResourceRule, RuleIssue, Severity } from '../rule';
import { TASK_DEFINITION } from '../task/task-facts';
import { isUnresolved } from '../values';
import { containerLabel, containerPath, containersByName, taskDependencies } from './container-facts';

export const CT12_HEALTHY_NEEDS_HEALTH_CHECK: ResourceRule = {
  id: 'ECS-CT-12',
  title: 'dependsOn HEALTHY needs a health check on the container waited for',
  area: 'container',
  severity: Severity.ERROR,
  description: 'Checks DependsOn entries with condition HEALTHY: the target container must define a HealthCheck. aws-cdk-lib uses HEALTHY as the default condition of addContainerDependencies.',
  deployError: 'Registration succeeds, but the dependency never becomes healthy: the agent stops the task and the service never stabilises.',
  fix: 'Add a HealthCheck to the container waited for, or use condition START.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDependency.html',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['ContainerDefinitions/*/DependsOn'],
  check(task): RuleIssue[] {
    const issues: RuleIssue[] = [];
    let byName: Map<string, Record<string, unknown>> | undefined;
    for (const { index, def, dep } of taskDependencies(task)) {
      if (dep.condition !== 'HEALTHY') continue;
      byName ??= containersByName(task);
      const target = byName.get(dep.container);
      if (!target || target.HealthCheck !== undefined || isUnresolved(target)) continue;
      issues.push({
        property: containerPath(index, 'DependsOn', dep.index, 'Condition'),
        value: dep.condition,
        problem: `${containerLabel(def, index)} waits for container '${dep.container}' to be HEALTHY, but '${dep.container}' has no HealthCheck`,
        allowed: 'HEALTHY only on containers with a HealthCheck',
        fix: `Add a HealthCheck to container '${dep.container}', or use condition START.`,
      });
    }
    return issues;
  },
};
