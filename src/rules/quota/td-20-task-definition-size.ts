import { EcsQuota } from '../../quotas/quota-table';
import { Severity } from '../rule';
import { usageRule } from './usage-rule';

export const TD20_TASK_DEFINITION_SIZE = usageRule({
  id: 'ECS-TD-20',
  title: 'Task definition JSON must fit the task definition size quota',
  area: 'quota',
  severity: Severity.ERROR,
  description: 'Renders each task definition as RegisterTaskDefinition receives it (minified JSON of its properties) and compares the bytes with the task definition size quota (64 KiB today, 32 KiB in older docs; not adjustable). Values only deploy time decides (role ARNs, image URIs) are left out, so the figure is a lower bound.',
  deployError: 'RegisterTaskDefinition fails: the task definition exceeds the maximum size.',
  fix: 'Shrink the task definition: move large environment values to Secrets Manager or SSM parameters, or split containers into separate task definitions.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-quotas.html',
}, {
  quotas: [EcsQuota.TASK_DEFINITION_SIZE_BYTES],
  remedy: 'Shrink the task definition: move large environment values to Secrets Manager or SSM parameters, or split containers into separate task definitions.',
});
