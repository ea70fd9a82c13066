import { EcsQuota } from '../../quotas/quota-table';
import { Severity } from '../rule';
import { usageRule } from './usage-rule';

export const SV06_PROVIDERS_PER_STRATEGY = usageRule({
  id: 'ECS-SV-06',
  title: 'At most 20 capacity providers per capacity provider strategy',
  area: 'quota',
  severity: Severity.ERROR,
  description: 'Counts the items of service and task set CapacityProviderStrategy and of cluster default strategies against the providers-per-strategy limit (20 today, 6 in older API docs; not adjustable).',
  deployError: 'CreateService / PutClusterCapacityProviders fails: too many capacity providers in the strategy.',
  fix: 'Use fewer capacity providers in the strategy; providers with weight 0 and no base can be dropped.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html',
}, {
  quotas: [EcsQuota.CAPACITY_PROVIDERS_PER_STRATEGY],
  remedy: 'Use fewer capacity providers in the strategy; providers with weight 0 and no base can be dropped.',
});
