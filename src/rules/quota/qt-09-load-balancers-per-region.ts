import { EcsQuota } from '../../quotas/quota-table';
import { Severity } from '../rule';
import { usageRule } from './usage-rule';

export const QT09_LOAD_BALANCERS_PER_REGION = usageRule({
  id: 'ECS-QT-09',
  title: 'Application Load Balancers per Region must fit the quota, across all stacks',
  area: 'quota',
  severity: Severity.ERROR,
  description: 'Counts the Application Load Balancers (AWS::ElasticLoadBalancingV2::LoadBalancer of Type application, the default) of all stacks per Region '
    + '(env-agnostic stacks count together) and compares with the Application Load Balancers per Region quota (50; adjustable). A ServiceFleet makes one per shard. '
    + 'Load balancers the account has outside the app are not counted.',
  deployError: 'CreateLoadBalancer fails with TooManyLoadBalancers in whichever stack deploys the load balancer over the quota, and the stack rolls back.',
  fix: 'Raise the quota in Service Quotas and set the raised value in the profile (QuotaProfile.withOverrides or --quotas FILE), or share load balancers between services (host and path rules, fewer ServiceFleet shards).',
  source: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-limits.html',
}, {
  quotas: [EcsQuota.APPLICATION_LOAD_BALANCERS_PER_REGION],
  remedy: 'or share load balancers between services (host and path rules on one listener, fewer ServiceFleet shards).',
});
