import { EcsQuota } from '../../quotas/quota-table';
import { Severity } from '../rule';
import { usageRule } from './usage-rule';

export const QT07_TEMPLATE_SIZE = usageRule({
  id: 'ECS-QT-07',
  title: 'CloudFormation template body must fit the template size limit',
  area: 'quota',
  severity: Severity.ERROR,
  builtInOverlap: ['E1002'],
  description: 'Compares the size of each stack\'s template (the file in cdk.out when read from disk, else its JSON) with CloudFormation\'s limit for a template body in S3 (1 MB = 1,000,000 bytes today, 460,800 bytes in older docs; not adjustable).',
  deployError: 'CreateStack / UpdateStack fails: "Template may not exceed 1000000 bytes in size" (460,800 bytes in older docs).',
  fix: 'Split the stack, or move repeated resources into nested stacks.',
  source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html',
}, {
  quotas: [EcsQuota.TEMPLATE_SIZE_BYTES],
  remedy: 'Split the stack, or move repeated resources into nested stacks.',
});
