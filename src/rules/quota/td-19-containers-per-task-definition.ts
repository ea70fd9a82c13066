import { EcsQuota } from '../../quotas/quota-table';
import { Severity } from '../rule';
import { usageRule } from './usage-rule';

export const TD19_CONTAINERS_PER_TASK_DEFINITION = usageRule({
  id: 'ECS-TD-19',
  title: 'At most 10 containers per task definition',
  area: 'quota',
  severity: Severity.ERROR,
  description: 'Counts ContainerDefinitions of every task definition against the containers-per-task-definition quota (10, not adjustable).',
  deployError: 'RegisterTaskDefinition fails: "Too many containers" (ClientException).',
  fix: 'Move sidecars into another task definition or service, or merge containers.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-quotas.html',
}, {
  quotas: [EcsQuota.CONTAINERS_PER_TASK_DEFINITION],
  remedy: 'Move sidecars into another task definition or service, or merge containers.',
});
