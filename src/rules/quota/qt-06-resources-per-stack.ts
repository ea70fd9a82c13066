import { EcsQuota } from '../../quotas/quota-table';
import { Severity } from '../rule';
import { usageRule } from './usage-rule';

export const QT06_RESOURCES_PER_STACK = usageRule({
  id: 'ECS-QT-06',
  title: 'At most 500 resources per CloudFormation stack',
  area: 'quota',
  severity: Severity.ERROR,
  builtInOverlap: ['E3010'],
  description: 'Counts the resources of each stack template against CloudFormation\'s resources-per-stack limit (500, not adjustable).',
  deployError: 'CreateStack / UpdateStack fails: "Template format error: Number of resources, N, is greater than maximum allowed, 500".',
  fix: 'Move resources into another stack or a nested stack.',
  source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html',
}, {
  quotas: [EcsQuota.RESOURCES_PER_STACK],
  remedy: 'Move resources into another stack or a nested stack.',
});
