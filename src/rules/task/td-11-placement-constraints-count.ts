import { EcsQuota } from '../../quotas/quota-table';
import { TemplateResource } from '../model';
import { ResourceRule, RuleIssue, Severity } from '../rule';
import { isUnresolved, toArray } from '../values';
import { SERVICE } from './service-facts';
import { TASK_DEFINITION } from './task-facts';
import { serviceTask } from '../service/service-facts';

export const TD11_PLACEMENT_CONSTRAINTS_COUNT: ResourceRule = {
  id: 'ECS-TD-11',
  title: 'At most 10 placement constraints per task (task definition and service together)',
  area: 'task',
  severity: Severity.ERROR,
  description: 'Counts PlacementConstraints of a task definition, and of a service plus the task definition it runs, against the placement-constraints-per-task limit.',
  deployError: 'RegisterTaskDefinition or CreateService fails: too many placement constraints (the limit is 10 per task, task definition and service combined).',
  fix: 'Merge constraints into fewer memberOf expressions, or drop some.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html#ECS-CreateService-request-placementConstraints',
  resourceTypes: [TASK_DEFINITION, SERVICE],
  onlyWith: ['PlacementConstraints'],
  check(resource, context): RuleIssue[] {
    const limit = context.quotas.limit(EcsQuota.PLACEMENT_CONSTRAINTS_PER_TASK);
    const own = countConstraints(resource);
    if (own === undefined) return [];
    if (resource.type === TASK_DEFINITION) {
      if (own <= limit) return [];
      return [{
        property: 'Properties/PlacementConstraints',
        value: resource.properties.PlacementConstraints,
        problem: `task definition has ${own} PlacementConstraints`,
        allowed: `at most ${limit} per task, task definition and service together`,
        fix: 'Combine the expressions into fewer memberOf constraints.',
      }];
    }
    if (own === 0) return [];
    const task = serviceTask(resource, context);
    const inTask = task ? countConstraints(task) : undefined;
    // A task definition over the limit on its own is reported on the task definition.
    if (own === 0 || inTask === undefined || inTask > limit || own + inTask <= limit) return [];
    return [{
      property: 'Properties/PlacementConstraints',
      value: resource.properties.PlacementConstraints,
      problem: `service has ${own} PlacementConstraints and task definition ${task!.logicalId} has ${inTask}: ${own + inTask} in all`,
      allowed: `at most ${limit} per task, task definition and service together`,
      fix: `Remove ${own + inTask - limit} constraint(s) from the service or the task definition.`,
    }];
  },
};

/** Number of constraints; undefined when the list or an entry is unresolved (Fn::If may drop it). */
function countConstraints(resource: TemplateResource): number | undefined {
  const raw = resource.properties.PlacementConstraints;
  if (raw === undefined) return 0;
  const list = toArray(raw);
  return list && !list.some(isUnresolved) ? list.length : undefined;
}
