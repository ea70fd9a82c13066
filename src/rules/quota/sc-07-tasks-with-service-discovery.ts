import { EcsQuota } from '../../quotas/quota-table';
import { Severity } from '../rule';
import { usageRule } from './usage-rule';

export const SC07_TASKS_WITH_SERVICE_DISCOVERY = usageRule({
  id: 'ECS-SC-07',
  title: 'At most 1,000 tasks per service with Service Connect or Service Discovery',
  area: 'quota',
  severity: Severity.ERROR,
  description: 'For services with ServiceRegistries or an enabled ServiceConnectConfiguration, compares the most tasks the service can run (DesiredCount or autoscaling MaxCapacity) with the 1,000 tasks limit (Cloud Map instances per service; not adjustable).',
  deployError: 'Tasks beyond 1,000 fail to register in Cloud Map; the service cannot reach its desired count.',
  fix: 'Keep DesiredCount and autoscaling MaxCapacity at 1,000 or less, or split the service into several Cloud Map services.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-quotas.html',
}, {
  quotas: [EcsQuota.TASKS_PER_SERVICE_WITH_SERVICE_DISCOVERY],
  remedy: 'Keep DesiredCount and autoscaling MaxCapacity at 1,000 or less, or split the service into several Cloud Map services.',
});
