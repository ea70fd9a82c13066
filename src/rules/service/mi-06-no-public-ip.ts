import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toObject, toStr } from '../values';
import { launchKind, SERVICE } from './service-facts';

export const MI06_NO_PUBLIC_IP: ResourceRule = {
  id: 'ECS-MI-06',
  title: 'Services on Managed Instances cannot assign public IPs to tasks',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Flags AwsvpcConfiguration AssignPublicIp ENABLED on services whose strategy uses only Managed Instances providers (or LaunchType MANAGED_INSTANCES).',
  deployError: 'CreateService fails: assigning a public IP is supported for Fargate tasks only.',
  fix: 'Set AssignPublicIp to DISABLED and reach the internet through a NAT gateway or VPC endpoints.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ManagedInstances.html',
  resourceTypes: [SERVICE],
  onlyWith: ['NetworkConfiguration/AwsvpcConfiguration/AssignPublicIp'],
  check(service, ctx): RuleIssue[] {
    const awsvpc = toObject(toObject(service.properties.NetworkConfiguration)?.AwsvpcConfiguration);
    if (!awsvpc || toStr(awsvpc.AssignPublicIp) !== 'ENABLED' || launchKind(service, ctx) !== 'MANAGED_INSTANCES') return [];
    return [{
      property: 'Properties/NetworkConfiguration/AwsvpcConfiguration/AssignPublicIp',
      value: awsvpc.AssignPublicIp,
      problem: 'AssignPublicIp ENABLED on a service that runs on Managed Instances',
      allowed: 'AssignPublicIp DISABLED (or omitted) on Managed Instances',
      fix: 'Set AssignPublicIp to DISABLED and use private subnets with a NAT gateway (or VPC endpoints).',
    }];
  },
};
