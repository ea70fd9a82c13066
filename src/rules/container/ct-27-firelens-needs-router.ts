import { ResourceRule, RuleIssue, Severity } from '../rule';
import { containerLabel, containers } from './container-facts';
import { TASK_DEFINITION } from '../task/task-facts';
import { toArray, toObject, toStr } from '../values';

export const CT27_FIRELENS_NEEDS_ROUTER: ResourceRule = {
  id: 'ECS-CT-27',
  title: 'The awsfirelens log driver needs a FireLens log router in the task',
  area: 'container',
  severity: Severity.ERROR,
  description: 'Flags a container whose LogConfiguration.LogDriver is awsfirelens when no container of the task definition has a '
    + 'FirelensConfiguration (the log router the driver sends to). aws-cdk-lib adds a router itself for the L2 FireLensLogDriver; an L1 '
    + 'template or a task definition JSON file does not. Skipped when the container list or a FirelensConfiguration is unresolved.',
  deployError: 'ECS rejects the task definition, or its tasks stop at start: the awsfirelens log driver has no log router container to send to.',
  fix: 'Add a log router container with FirelensConfiguration (type fluentbit, the AWS for Fluent Bit image), or use another log driver such as awslogs.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_firelens.html',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['ContainerDefinitions/*/LogConfiguration/LogDriver'],
  check(task): RuleIssue[] {
    const list = containers(task);
    if (list.length !== (toArray(task.properties.ContainerDefinitions)?.length ?? -1)) return [];
    if (list.some(({ def }) => def.FirelensConfiguration !== undefined)) return [];
    const first = list.find(({ def }) => toStr(toObject(def.LogConfiguration)?.LogDriver) === 'awsfirelens');
    if (!first) return [];
    return [{
      property: `Properties/ContainerDefinitions/${first.index}/LogConfiguration/LogDriver`,
      value: 'awsfirelens',
      problem: `${containerLabel(first.def, first.index)} logs with the awsfirelens driver, but no container of the task definition has a FirelensConfiguration`,
      allowed: 'awsfirelens with one log router container (FirelensConfiguration) in the same task definition',
      fix: 'Add a log router container with FirelensConfiguration { Type: fluentbit } (image public.ecr.aws/aws-observability/aws-for-fluent-bit), or log with awslogs.',
    }];
  },
};
