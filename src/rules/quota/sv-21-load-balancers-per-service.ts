import { EcsQuota } from '../../quotas/quota-table';
import { Severity } from '../rule';
import { usageRule } from './usage-rule';

export const SV21_LOAD_BALANCERS_PER_SERVICE = usageRule({
  id: 'ECS-SV-21',
  title: 'At most 5 target groups and 1 Classic Load Balancer per service',
  area: 'quota',
  severity: Severity.ERROR,
  description: 'Counts distinct target groups and Classic Load Balancers in LoadBalancers of services and task sets against the quotas (5 target groups today, 1 load balancer in older docs; 1 Classic Load Balancer; not adjustable).',
  deployError: 'CreateService fails: too many load balancers / target groups for the service.',
  fix: 'Attach fewer target groups: put several listener rules in front of one target group, or split the service.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-quotas.html',
}, {
  quotas: [EcsQuota.TARGET_GROUPS_PER_SERVICE, EcsQuota.CLASSIC_LOAD_BALANCERS_PER_SERVICE],
  remedy: 'Attach fewer target groups: put several listener rules in front of one target group, or split the service.',
});
