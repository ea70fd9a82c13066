import { EcsQuota } from '../../quotas/quota-table';
import { Severity } from '../rule';
import { usageRule } from './usage-rule';

export const QT03_CONTAINER_INSTANCES_PER_CLUSTER = usageRule({
  id: 'ECS-QT-03',
  title: 'Container instances per cluster must fit the quota',
  area: 'quota',
  severity: Severity.ERROR,
  description: 'Sums MaxSize of the Auto Scaling groups behind the cluster\'s capacity providers (AutoScalingGroupProvider.AutoScalingGroupArn, linked through Cluster.CapacityProviders or ClusterCapacityProviderAssociations) and compares it with the container-instances-per-cluster quota (5,000 today, 1,000 in older docs; not adjustable). Instances that join the cluster by user data alone are not counted.',
  deployError: 'Instances beyond the quota fail to register with the cluster; capacity provider scaling stalls.',
  fix: 'Lower the Auto Scaling groups\' MaxSize or spread capacity over more clusters.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-quotas.html',
}, {
  quotas: [EcsQuota.CONTAINER_INSTANCES_PER_CLUSTER],
  remedy: 'Lower the Auto Scaling groups\' MaxSize or spread capacity over more clusters.',
});
