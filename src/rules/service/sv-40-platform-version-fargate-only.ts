import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toStr } from '../values';
import { SERVICE } from './service-facts';

export const SV40_PLATFORM_VERSION_FARGATE_ONLY: ResourceRule = {
  id: 'ECS-SV-40',
  title: 'PlatformVersion is only for services with the FARGATE launch type',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Flags a PlatformVersion on a service whose LaunchType is EC2 or EXTERNAL: platform versions are Fargate\'s. '
    + 'Services with a capacity provider strategy, and unresolved values, are not judged.',
  deployError: 'CreateService fails and the stack rolls back: "InvalidParameterException: The platform version must be null when specifying an EC2 launch type."',
  fix: 'Remove PlatformVersion from the service, or run it with LaunchType FARGATE.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html',
  resourceTypes: [SERVICE],
  onlyWith: ['PlatformVersion'],
  check(service): RuleIssue[] {
    const launchType = toStr(service.properties.LaunchType);
    if (launchType !== 'EC2' && launchType !== 'EXTERNAL') return [];
    // A Ref or Fn::If may resolve to AWS::NoValue: only a literal is judged.
    const version = toStr(service.properties.PlatformVersion);
    if (version === undefined) return [];
    return [{
      property: 'Properties/PlatformVersion',
      value: service.properties.PlatformVersion,
      problem: `PlatformVersion ${version} on a service with LaunchType ${launchType}`,
      allowed: 'PlatformVersion only with LaunchType FARGATE (or a Fargate capacity provider strategy); omitted for EC2 and EXTERNAL',
      fix: 'Remove PlatformVersion from the service (in a template, delete the property; the container instances\' ECS agent decides what the tasks run on).',
    }];
  },
};
