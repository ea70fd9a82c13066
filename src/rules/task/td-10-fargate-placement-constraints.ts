import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toArray } from '../values';
import { requiresFargate, TASK_DEFINITION } from './task-facts';

export const TD10_FARGATE_PLACEMENT_CONSTRAINTS: ResourceRule = {
  id: 'ECS-TD-10',
  title: 'Fargate task definitions cannot have placement constraints',
  area: 'task',
  severity: Severity.ERROR,
  builtInOverlap: ['E3048'],
  description: 'Flags a non-empty PlacementConstraints list on a task definition that requires FARGATE (L1 and escape hatches; aws-cdk-lib L2 task definitions throw). Service-level constraints on Fargate are ECS-SV-16.',
  deployError: 'RegisterTaskDefinition fails: placement constraints are not supported for tasks run on Fargate.',
  fix: 'Remove PlacementConstraints, or run the task on EC2.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#constraints',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['PlacementConstraints'],
  check(task): RuleIssue[] {
    const list = toArray(task.properties.PlacementConstraints);
    if (requiresFargate(task) !== true || !list || list.length === 0) return [];
    return [{
      property: 'Properties/PlacementConstraints',
      value: task.properties.PlacementConstraints,
      problem: `Fargate task definition has ${list.length} PlacementConstraints`,
      allowed: 'no placement constraints on Fargate',
      fix: 'Remove PlacementConstraints (Fargate places tasks itself), or drop FARGATE from RequiresCompatibilities.',
    }];
  },
};
