import { EcsQuota } from '../../quotas/quota-table';
import { Severity } from '../rule';
import { usageRule } from './usage-rule';

export const QT05_FARGATE_SPOT_VCPU = usageRule({
  id: 'ECS-QT-05',
  title: 'Fargate Spot vCPU demand per Region',
  area: 'quota',
  severity: Severity.WARNING,
  description: 'As ECS-QT-04 for the FARGATE_SPOT share of each service\'s (and each scheduled task run\'s) strategy (Base first, the rest by Weight), against the Fargate Spot vCPU quota, likewise only once the profile holds the account\'s value, from 90% of it.',
  deployError: 'Spot tasks fail to start with a vCPU limit error during scale-out or deployments.',
  fix: 'Request a higher quota in Service Quotas or set the account\'s value in the profile (QuotaProfile.withOverrides or --quotas FILE); AWS also raises this quota with usage.',
  source: 'https://docs.aws.amazon.com/general/latest/gr/ecs-service.html',
}, {
  quotas: [EcsQuota.FARGATE_SPOT_VCPU],
  remedy: 'AWS also raises this quota with usage.',
  onlyWhenOverridden: true,
});
