import { EcsQuota } from '../../quotas/quota-table';
import { Severity } from '../rule';
import { usageRule } from './usage-rule';

export const QT10_LOAD_BALANCER_RULES_AND_TARGET_GROUPS = usageRule({
  id: 'ECS-QT-10',
  title: 'An Application Load Balancer\'s listeners, rules and target groups must fit its quotas, across all stacks',
  area: 'quota',
  severity: Severity.ERROR,
  description: 'For each Application Load Balancer of the app, counts its listeners, the listener rules of those listeners (default actions not counted) and the '
    + 'distinct target groups their actions forward to, from every stack (services on a shared listener add their rules from their own stacks, found '
    + 'through Fn::ImportValue or Fn::GetStackOutput), and compares with the quotas: 50 listeners (adjustable), 100 rules (adjustable), 100 target groups '
    + '(not adjustable). Rules and target groups whose listener or load balancer is unresolved or outside the app are not counted.',
  deployError: 'CreateRule or CreateListener fails with TooManyRules, TooManyListeners or TooManyTargetGroups in the stack that adds one over the quota, and it rolls back.',
  fix: 'Spread the services over more load balancers (another ServiceFleet shard, or a listener of another load balancer), or raise the adjustable quota in Service Quotas and set it in the profile.',
  source: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-limits.html',
}, {
  quotas: [
    EcsQuota.LISTENERS_PER_APPLICATION_LOAD_BALANCER,
    EcsQuota.RULES_PER_APPLICATION_LOAD_BALANCER,
    EcsQuota.TARGET_GROUPS_PER_APPLICATION_LOAD_BALANCER,
  ],
  remedy: 'or spread the services over more load balancers (another ServiceFleet shard, or a listener of another load balancer).',
});
