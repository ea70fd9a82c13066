import { EcsQuota } from '../../quotas/quota-table';
import { Severity } from '../rule';
import { usageRule } from './usage-rule';

export const CP07_PROVIDERS_PER_CLUSTER = usageRule({
  id: 'ECS-CP-07',
  title: 'At most 20 capacity providers per cluster',
  area: 'quota',
  severity: Severity.ERROR,
  description: 'Counts distinct capacity providers of each cluster, from Cluster.CapacityProviders and every ClusterCapacityProviderAssociations naming the cluster (by Ref, name, ARN or import), against the quota (20 today, 10 in older docs; not adjustable).',
  deployError: 'PutClusterCapacityProviders fails: the cluster has too many capacity providers.',
  fix: 'Associate fewer capacity providers with the cluster, or spread workloads over more clusters.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-quotas.html',
}, {
  quotas: [EcsQuota.CAPACITY_PROVIDERS_PER_CLUSTER],
  remedy: 'Associate fewer capacity providers with the cluster, or spread workloads over more clusters.',
});
