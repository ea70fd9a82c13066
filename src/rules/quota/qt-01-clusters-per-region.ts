import { EcsQuota } from '../../quotas/quota-table';
import { Severity } from '../rule';
import { usageRule } from './usage-rule';

export const QT01_CLUSTERS_PER_REGION = usageRule({
  id: 'ECS-QT-01',
  title: 'Clusters per Region must fit the account quota',
  area: 'quota',
  severity: Severity.ERROR,
  description: 'Counts the AWS::ECS::Cluster resources of all stacks per Region (env-agnostic stacks count as one unknown Region) against the clusters-per-Region quota (10,000 today, 1,000 in older docs; adjustable). Clusters that already exist in the account are not visible and not counted.',
  deployError: 'CreateCluster fails with a limit exceeded error once the account holds the quota.',
  fix: 'Raise the quota in Service Quotas and set the raised value in the profile (QuotaProfile.withOverrides or --quotas FILE), or share clusters between services instead of one cluster per stack.',
  source: 'https://docs.aws.amazon.com/general/latest/gr/ecs-service.html',
}, {
  quotas: [EcsQuota.CLUSTERS_PER_REGION],
  remedy: 'or share clusters between services instead of one cluster per stack.',
});
