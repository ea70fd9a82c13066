import { ResourceRule, RuleIssue, Severity } from '../rule';
import { CAPACITY_PROVIDER } from '../service/service-facts';
import { toObject, toStr } from '../values';

export const CP04_TERMINATION_PROTECTION: ResourceRule = {
  id: 'ECS-CP-04',
  title: 'Managed termination protection needs managed scaling',
  area: 'capacity',
  severity: Severity.ERROR,
  description: 'Flags ManagedTerminationProtection ENABLED with ManagedScaling Status DISABLED on an Auto Scaling group capacity provider.',
  deployError: 'CreateCapacityProvider fails: managed termination protection requires managed scaling to be enabled.',
  fix: 'Set ManagedScaling Status ENABLED, or ManagedTerminationProtection DISABLED.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_AutoScalingGroupProvider.html',
  resourceTypes: [CAPACITY_PROVIDER],
  check(provider): RuleIssue[] {
    const asgProvider = toObject(provider.properties.AutoScalingGroupProvider);
    if (!asgProvider || toStr(asgProvider.ManagedTerminationProtection) !== 'ENABLED') return [];
    const pointer = 'Properties/AutoScalingGroupProvider/ManagedTerminationProtection';
    const issues: RuleIssue[] = [];
    if (toStr(toObject(asgProvider.ManagedScaling)?.Status) === 'DISABLED') {
      issues.push({ property: pointer, value: 'ENABLED', problem: 'ManagedTerminationProtection ENABLED with ManagedScaling DISABLED', allowed: 'termination protection only with managed scaling', fix: 'Set ManagedScaling Status ENABLED, or ManagedTerminationProtection DISABLED.' });
    }
    return issues;
  },
};
