import { EcsQuota } from '../../quotas/quota-table';
import { Severity } from '../rule';
import { usageRule } from './usage-rule';

export const QT04_FARGATE_ON_DEMAND_VCPU = usageRule({
  id: 'ECS-QT-04',
  title: 'Fargate On-Demand vCPU demand per Region',
  area: 'quota',
  severity: Severity.WARNING,
  description: 'Per Region, sums each service\'s peak Fargate On-Demand vCPU: peak tasks = floor(max tasks × MaximumPercent / 100) (MaximumPercent 200 when omitted; max tasks as in ECS-SV-25), split over the service\'s CapacityProviderStrategy (or the cluster default strategy; LaunchType FARGATE = all On-Demand) the way ECS places tasks: each provider\'s Base first, the remaining tasks in proportion to Weight; the FARGATE share times task vCPU. Each ECS target of an EventBridge Scheduler schedule or rule adds one run: TaskCount tasks (1 when omitted), split over its strategy or launch type alike (the tasks of a run start together and may meet the services\' peak). Express Mode services count too: all On-Demand, their Cpu (1024 when omitted) or their task definition\'s, at a 200% peak (a canary deployment starts a full second set of tasks). Compares the sum with the account\'s Fargate On-Demand vCPU quota once the profile holds the account\'s value (QuotaProfile.withOverrides or --quotas FILE), from 90% of it: the default (6 on new accounts, raised by AWS with usage) says little about a real account, so it is not compared; `cdk-ecs-kit quotas` always lists the usage. A warning: the quota is per account, and other apps use it too.',
  deployError: 'Tasks fail to start with "You\'ve reached the limit on the number of vCPUs you can run concurrently" during scale-out or deployments.',
  fix: 'Request a higher quota in Service Quotas or set the account\'s value in the profile (QuotaProfile.withOverrides or --quotas FILE); AWS also raises this quota with usage.',
  source: 'https://docs.aws.amazon.com/general/latest/gr/ecs-service.html',
}, {
  quotas: [EcsQuota.FARGATE_ON_DEMAND_VCPU],
  remedy: 'AWS also raises this quota with usage.',
  onlyWhenOverridden: true,
});
