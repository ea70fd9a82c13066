import { EcsQuota } from '../../quotas/quota-table';
import { Severity } from '../rule';
import { usageRule } from './usage-rule';

export const SV20_AWSVPC_SUBNETS_SECURITY_GROUPS = usageRule({
  id: 'ECS-SV-20',
  title: 'At most 16 subnets and 5 security groups per awsvpcConfiguration',
  area: 'quota',
  severity: Severity.ERROR,
  description: 'Counts Subnets and SecurityGroups of the awsvpcConfiguration of services and task sets against the quotas (16 subnets, 5 security groups; not adjustable).',
  deployError: 'CreateService fails: too many subnets or security groups in awsvpcConfiguration.',
  fix: 'Merge security groups (at most 5 per task), or select fewer subnets (one per Availability Zone is enough): whichever list is over.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-quotas.html',
}, {
  quotas: [EcsQuota.SUBNETS_PER_AWSVPC_CONFIGURATION, EcsQuota.SECURITY_GROUPS_PER_AWSVPC_CONFIGURATION],
  remedy: 'Merge security groups (at most 5 per task), or select fewer subnets (one per Availability Zone is enough): whichever list is over.',
});
