import { ResourceRule, RuleIssue, Severity } from '../rule';
import { networkMode, requiresFargate, TASK_DEFINITION } from './task-facts';

export const TD07_FARGATE_AWSVPC: ResourceRule = {
  id: 'ECS-TD-07',
  title: 'Fargate task definitions must use the awsvpc network mode',
  area: 'task',
  severity: Severity.ERROR,
  builtInOverlap: ['E3048'],
  description: 'Re-checks L1 and escape-hatch templates: a task definition that requires FARGATE must set NetworkMode awsvpc (an omitted NetworkMode means bridge). aws-cdk-lib checks this only for its L2 task definitions.',
  deployError: 'RegisterTaskDefinition fails: Fargate only supports network mode awsvpc.',
  fix: 'Set NetworkMode to awsvpc.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html',
  resourceTypes: [TASK_DEFINITION],
  check(task): RuleIssue[] {
    const mode = networkMode(task);
    if (requiresFargate(task) !== true || mode === undefined || mode === 'awsvpc') return [];
    const omitted = task.properties.NetworkMode === undefined;
    return [{
      property: 'Properties/NetworkMode',
      value: task.properties.NetworkMode,
      problem: omitted
        ? 'Fargate task definition has no NetworkMode (ECS uses bridge)'
        : `Fargate task definition NetworkMode ${mode} is not supported on Fargate`,
      allowed: 'awsvpc',
      fix: 'Set NetworkMode to awsvpc.',
    }];
  },
};
