import { ResourceRule, RuleIssue, Severity } from '../rule';
import { TARGET_CAPACITY_PERCENT } from '../tables/capacity-limits';
import { toNumber } from '../values';
import { CAPACITY_PROVIDER, MANAGED_SCALING, managedScaling } from './managed-scaling';

export const CP01_TARGET_CAPACITY: ResourceRule = {
  id: 'ECS-CP-01',
  title: 'Managed scaling targetCapacity must be 1-100',
  area: 'capacity',
  severity: Severity.ERROR,
  description: 'Checks AutoScalingGroupProvider.ManagedScaling.TargetCapacity of AWS::ECS::CapacityProvider: greater than 0 and at most 100 (percent utilisation). aws-cdk-lib passes targetCapacityPercent through unchecked.',
  deployError: 'CreateCapacityProvider fails: targetCapacity must be greater than 0 and less than or equal to 100.',
  fix: 'Set targetCapacityPercent between 1 and 100 (100 keeps no spare instances).',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ManagedScaling.html',
  resourceTypes: [CAPACITY_PROVIDER],
  check(provider): RuleIssue[] {
    const ms = managedScaling(provider);
    const target = toNumber(ms?.TargetCapacity);
    const { min, max } = TARGET_CAPACITY_PERCENT;
    if (target === undefined || (target >= min && target <= max && Number.isInteger(target))) return [];
    return [{
      property: `${MANAGED_SCALING}/TargetCapacity`,
      value: ms!.TargetCapacity,
      problem: `ManagedScaling TargetCapacity ${target} is outside the allowed range`,
      allowed: `a whole percentage from ${min} to ${max}`,
      fix: `Set targetCapacityPercent to ${target < min ? `${min} or more` : `${max} or less`} (for example 90 to keep some spare capacity).`,
    }];
  },
};
