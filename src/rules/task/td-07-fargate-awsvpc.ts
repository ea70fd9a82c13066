import { ResourceRule, RuleIssue, Severity } from '../rule';
import { fargateRunnerLabel, undeclaredFargateServices } from './service-facts';
import { networkMode, requiresFargate, TASK_DEFINITION } from './task-facts';

export const TD07_FARGATE_AWSVPC: ResourceRule = {
  id: 'ECS-TD-07',
  title: 'Fargate task definitions must use the awsvpc network mode',
  area: 'task',
  severity: Severity.ERROR,
  description: 'Re-checks L1 and escape-hatch templates: a task definition that requires FARGATE, or that a Fargate service runs, must set NetworkMode awsvpc (an omitted NetworkMode means bridge). aws-cdk-lib checks this only for its L2 task definitions. The built-in validator reports the same as E3048 (task side) and E3054 (service side).',
  deployError: 'RegisterTaskDefinition fails: Fargate only supports network mode awsvpc; CreateService fails: the task definition does not support launch type FARGATE.',
  fix: 'Set NetworkMode to awsvpc (and RequiresCompatibilities to FARGATE).',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html',
  resourceTypes: [TASK_DEFINITION],
  check(task, context): RuleIssue[] {
    const mode = networkMode(task);
    if (mode === undefined || mode === 'awsvpc') return [];
    const omitted = task.properties.NetworkMode === undefined;
    const shown = omitted ? 'no NetworkMode (ECS uses bridge)' : `NetworkMode ${mode}`;
    if (requiresFargate(task) === true) {
      return [{
        property: 'Properties/NetworkMode',
        value: task.properties.NetworkMode,
        problem: omitted
          ? 'Fargate task definition has no NetworkMode (ECS uses bridge)'
          : `Fargate task definition NetworkMode ${mode} is not supported on Fargate`,
        allowed: 'awsvpc',
        fix: 'Set NetworkMode to awsvpc.',
        builtInOverlap: 'E3048',
      }];
    }
    const services = undeclaredFargateServices(task, context);
    if (services.length === 0) return [];
    return [{
      property: 'Properties/NetworkMode',
      value: task.properties.NetworkMode,
      problem: `task definition ${fargateRunnerLabel(services)} has ${shown} and does not list FARGATE in RequiresCompatibilities`,
      allowed: 'NetworkMode awsvpc with RequiresCompatibilities [FARGATE] for tasks run on Fargate',
      fix: 'Set NetworkMode to awsvpc and RequiresCompatibilities to [FARGATE], or run the service on EC2.',
      builtInOverlap: 'E3054',
    }];
  },
};
