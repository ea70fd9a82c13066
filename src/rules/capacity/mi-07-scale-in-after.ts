import { ResourceRule, RuleIssue, Severity } from '../rule';
import { CAPACITY_PROVIDER } from '../service/service-facts';
import { toNumber, toObject } from '../values';
import { managedInstancesProvider } from './managed-instances-facts';

export const MI07_SCALE_IN_AFTER: ResourceRule = {
  id: 'ECS-MI-07',
  title: 'Managed Instances infrastructure optimization: ScaleInAfter is -1 or 0-3600 seconds',
  area: 'capacity',
  severity: Severity.ERROR,
  description: 'Checks InfrastructureOptimization ScaleInAfter of a Managed Instances provider: -1 (optimization off) or a whole number of seconds from 0 to 3600.',
  deployError: 'CreateCapacityProvider / UpdateCapacityProvider fails: scaleInAfter must be -1 or between 0 and 3600.',
  fix: 'Use -1 to turn optimization off, or 0-3600 seconds.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_InfrastructureOptimization.html',
  resourceTypes: [CAPACITY_PROVIDER],
  check(provider): RuleIssue[] {
    const raw = toObject(managedInstancesProvider(provider)?.InfrastructureOptimization)?.ScaleInAfter;
    const v = toNumber(raw);
    if (v === undefined || v === -1 || (Number.isInteger(v) && v >= 0 && v <= 3600)) return [];
    return [{
      property: 'Properties/ManagedInstancesProvider/InfrastructureOptimization/ScaleInAfter',
      value: raw,
      problem: `InfrastructureOptimization ScaleInAfter ${v} is out of range`,
      allowed: '-1 (off) or 0-3600 seconds',
      fix: 'Use -1, or a whole number of seconds from 0 to 3600.',
    }];
  },
};
