import { EcsQuota } from '../../quotas/quota-table';
import { Severity } from '../rule';
import { usageRule } from './usage-rule';

export const TD27_TAGS_PER_RESOURCE = usageRule({
  id: 'ECS-TD-27',
  title: 'At most 50 tags per ECS resource',
  area: 'quota',
  severity: Severity.ERROR,
  description: 'Counts Tags (without aws:-prefixed tags, which do not count) of ECS clusters, services, task definitions and capacity providers against the tags-per-resource quota (50, not adjustable). Tags propagated from the stack and app are in the template and count.',
  deployError: 'CreateCluster / CreateService / RegisterTaskDefinition fails with a tag limit exceeded error.',
  fix: 'Remove tags, or apply fewer app-wide tags with Tags.of(scope).add excludeResourceTypes.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-quotas.html',
}, {
  quotas: [EcsQuota.TAGS_PER_RESOURCE],
  remedy: 'Remove tags, or apply fewer app-wide tags with Tags.of(scope).add excludeResourceTypes.',
});
