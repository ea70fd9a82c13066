import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toNumber, toObject, toStr } from '../values';
import { schedulingStrategy, SERVICE } from './service-facts';

export const SV26_AZ_REBALANCING: ResourceRule = {
  id: 'ECS-SV-26',
  title: 'Availability Zone rebalancing: not for DAEMON services, and needs MaximumPercent above 100',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Flags AvailabilityZoneRebalancing ENABLED on DAEMON services and with DeploymentConfiguration.MaximumPercent of 100 or less. The rest of the constraint (classic load balancers, the first placement strategy) needs facts the template may not hold and is not checked.',
  deployError: 'CreateService/UpdateService fails: Availability Zone rebalancing is not supported for the DAEMON strategy, and needs maximumPercent above 100.',
  fix: 'Use a REPLICA service with MaximumPercent above 100 (the default 200), or set AvailabilityZoneRebalancing DISABLED.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-rebalancing.html',
  resourceTypes: [SERVICE],
  onlyWith: ['AvailabilityZoneRebalancing'],
  check(service): RuleIssue[] {
    if (toStr(service.properties.AvailabilityZoneRebalancing) !== 'ENABLED') return [];
    const issues: RuleIssue[] = [];
    if (schedulingStrategy(service) === 'DAEMON') {
      issues.push({ property: 'Properties/AvailabilityZoneRebalancing', value: 'ENABLED', problem: 'AvailabilityZoneRebalancing ENABLED on a DAEMON service', allowed: 'AZ rebalancing on REPLICA services', fix: 'Set AvailabilityZoneRebalancing DISABLED for DAEMON services.' });
    }
    const max = toNumber(toObject(service.properties.DeploymentConfiguration)?.MaximumPercent);
    if (max !== undefined && max <= 100) {
      issues.push({ property: 'Properties/DeploymentConfiguration/MaximumPercent', value: max, problem: `AvailabilityZoneRebalancing ENABLED with MaximumPercent ${max}`, allowed: 'MaximumPercent above 100', fix: 'Raise MaximumPercent above 100 (e.g. 200), or disable AZ rebalancing.' });
    }
    return issues;
  },
};
