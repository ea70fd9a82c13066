import { ResourceRule, RuleIssue, Severity } from '../rule';
import { TASK_DEFINITION } from '../task/task-facts';
import { isUnresolved, toStr } from '../values';
import { containerLabel, containerPath, containers, dependencies } from './container-facts';

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
  check(task): RuleIssue[] {
    const byName = new Map(containers(task).flatMap(({ def }) => {
      const name = toStr(def.Name);
      return name === undefined ? [] : [[name, def] as const];
    }));
    return containers(task).flatMap(({ index, def }) => dependencies(def).flatMap((dep) => {
      const target = byName.get(dep.container);
      if (dep.condition !== 'HEALTHY' || !target || target.HealthCheck !== undefined || isUnresolved(target)) return [];
      return [{
        property: containerPath(index, 'DependsOn', dep.index, 'Condition'),
        value: dep.condition,
        problem: `${containerLabel(def, index)} waits for container '${dep.container}' to be HEALTHY, but '${dep.container}' has no HealthCheck`,
        allowed: 'HEALTHY only on containers with a HealthCheck',
        fix: `Add a HealthCheck to container '${dep.container}', or use condition START.`,
      }];
    }));
  },
};
