import { EcsQuota } from '../../quotas/quota-table';
import { Severity } from '../rule';
import { usageRule } from './usage-rule';

export const QT02_SERVICES_PER_CLUSTER = usageRule({
  id: 'ECS-QT-02',
  title: 'Services per cluster must fit the quota, across all stacks',
  area: 'quota',
  severity: Severity.ERROR,
  description: 'Counts the services of all stacks per cluster: the cluster is resolved by Ref, Fn::GetAtt, Fn::ImportValue of another stack\'s export or Fn::GetStackOutput of its output, literal name or ARN (a literal ClusterName matches), and a service without Cluster counts toward the Region\'s default cluster. Express Mode services (AWS::ECS::ExpressGatewayService) count as services of their cluster. Compares with the services-per-cluster quota (5,000 today, 500 in older docs; adjustable).',
  deployError: 'CreateService fails with a limit exceeded error in whichever stack deploys last.',
  fix: 'Raise the quota in Service Quotas and set the raised value in the profile (QuotaProfile.withOverrides or --quotas FILE), or spread the services over more clusters.',
  source: 'https://docs.aws.amazon.com/general/latest/gr/ecs-service.html',
}, {
  quotas: [EcsQuota.SERVICES_PER_CLUSTER],
  remedy: 'or spread the services over more clusters.',
});
