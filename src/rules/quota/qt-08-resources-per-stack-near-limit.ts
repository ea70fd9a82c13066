import { EcsQuota } from '../../quotas/quota-table';
import { Severity } from '../rule';
import { usageRule } from './usage-rule';

export const QT08_RESOURCES_PER_STACK_NEAR_LIMIT = usageRule({
  id: 'ECS-QT-08',
  title: 'Stack close to the 500-resource limit',
  area: 'quota',
  severity: Severity.WARNING,
  description: 'Warns when a stack holds 90% or more of CloudFormation\'s resources-per-stack limit (450 of 500), so the next construct does not break the deploy.',
  deployError: 'The next added resource pushes the stack over 500 and CreateStack / UpdateStack fails.',
  fix: 'Plan a stack split now: move a group of services or their alarms into another stack.',
  source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html',
}, {
  quotas: [EcsQuota.RESOURCES_PER_STACK],
  remedy: 'Plan a stack split now: move a group of services or their alarms into another stack.',
  band: 'near',
});
