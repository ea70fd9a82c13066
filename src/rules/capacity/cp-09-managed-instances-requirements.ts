import { ResourceRule, RuleIssue, Severity } from '../rule';
import { CAPACITY_PROVIDER } from '../service/service-facts';
import { toObject } from '../values';

const PAIRS = [
  ['AllowedInstanceTypes', 'ExcludedInstanceTypes'],
  // Two forms of Spot price protection; the On-Demand one is a separate setting and may be set with either.
  ['SpotMaxPricePercentageOverLowestPrice', 'MaxSpotPriceAsPercentageOfOptimalOnDemandPrice'],
] as const;

export const CP09_MANAGED_INSTANCES_REQUIREMENTS: ResourceRule = {
  id: 'ECS-CP-09',
  title: 'Managed Instances requirements: allowed or excluded instance types, one form of Spot price protection',
  area: 'capacity',
  severity: Severity.ERROR,
  description: 'Flags InstanceRequirements of a Managed Instances capacity provider that set both AllowedInstanceTypes and ExcludedInstanceTypes, or both '
    + 'SpotMaxPricePercentageOverLowestPrice and MaxSpotPriceAsPercentageOfOptimalOnDemandPrice ("Only one of ... can be specified"). '
    + 'OnDemandMaxPricePercentageOverLowestPrice is On-Demand price protection and goes with either.',
  deployError: 'CreateCapacityProvider fails: these instance requirement pairs are mutually exclusive.',
  fix: 'Keep one of each pair.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_InstanceRequirementsRequest.html',
  resourceTypes: [CAPACITY_PROVIDER],
  check(provider): RuleIssue[] {
    const req = toObject(toObject(toObject(provider.properties.ManagedInstancesProvider)?.InstanceLaunchTemplate)?.InstanceRequirements);
    if (!req) return [];
    return PAIRS.filter(([a, b]) => req[a] !== undefined && req[b] !== undefined).map(([a, b]) => ({
      property: `Properties/ManagedInstancesProvider/InstanceLaunchTemplate/InstanceRequirements/${b}`,
      value: req[b],
      problem: `InstanceRequirements set both ${a} and ${b}`,
      allowed: `${a} or ${b}, not both`,
      fix: `Remove ${b} (or ${a}).`,
    }));
  },
};
