import { EcsQuota } from '../../quotas/quota-table';
import { Severity } from '../rule';
import { usageRule } from './usage-rule';

export const SV25_TASKS_PER_SERVICE = usageRule({
  id: 'ECS-SV-25',
  title: 'Tasks per service must fit the tasks-per-service quota',
  area: 'quota',
  severity: Severity.ERROR,
  description: 'Compares the most tasks a service can run, the larger of DesiredCount (1 when omitted) and the MaxCapacity of the Application Auto Scaling target on ecs:service:DesiredCount, with the tasks-per-service quota (5,000 today, 1,000 in older docs; adjustable). An Express Mode service counts ScalingTarget.MaxTaskCount (MinTaskCount, else 1, without it). DAEMON services are skipped.',
  deployError: 'CreateService / UpdateService fails, or autoscaling stalls below MaxCapacity, once desired count exceeds the quota.',
  fix: 'Raise the quota in Service Quotas and set the raised value in the profile (QuotaProfile.withOverrides or --quotas FILE), or lower DesiredCount / MaxCapacity (MaxTaskCount of an Express service; in the kit: desiredCount, autoScaling.maxCapacity, '
    + 'ExpressService scaling.maxTasks), or split the workload over several services.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-quotas.html',
}, {
  quotas: [EcsQuota.TASKS_PER_SERVICE],
  remedy: 'or lower DesiredCount / MaxCapacity (MaxTaskCount of an Express service; in the kit: desiredCount, autoScaling.maxCapacity, '
    + 'ExpressService scaling.maxTasks), or split the workload over several services.',
});
