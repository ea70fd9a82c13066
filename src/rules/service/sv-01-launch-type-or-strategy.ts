import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toArray } from '../values';
import { SERVICE } from './service-facts';

export const SV01_LAUNCH_TYPE_OR_STRATEGY: ResourceRule = {
  id: 'ECS-SV-01',
  title: 'A service sets LaunchType or CapacityProviderStrategy, not both',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Flags services with both LaunchType and a non-empty CapacityProviderStrategy (aws-cdk-lib L2 services drop the launch type themselves).',
  deployError: 'CreateService fails: "Specifying both a launch type and capacity provider strategy is not supported."',
  fix: 'Remove LaunchType and keep the capacity provider strategy, or the reverse.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html#ECS-CreateService-request-launchType',
  resourceTypes: [SERVICE],
  onlyWith: ['CapacityProviderStrategy'],
  check(service): RuleIssue[] {
    const strategy = toArray(service.properties.CapacityProviderStrategy);
    if (service.properties.LaunchType === undefined || !strategy || strategy.length === 0) return [];
    return [{
      property: 'Properties/LaunchType',
      value: service.properties.LaunchType,
      problem: 'service sets both LaunchType and CapacityProviderStrategy',
      allowed: 'one of LaunchType or CapacityProviderStrategy',
      fix: 'Remove LaunchType; the capacity provider strategy decides where tasks run.',
    }];
  },
};
