import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toObject, toStr } from '../values';
import { launchKind, SERVICE } from './service-facts';

export const SV19_PUBLIC_IP_FARGATE_ONLY: ResourceRule = {
  id: 'ECS-SV-19',
  title: 'AssignPublicIp ENABLED only works for Fargate tasks',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Flags AwsvpcConfiguration AssignPublicIp ENABLED on services that run on EC2 or EXTERNAL capacity (LaunchType EC2/EXTERNAL, or a strategy of Auto Scaling group providers only).',
  deployError: 'CreateService fails: "Assign public IP is not supported for this launch type."',
  fix: 'Set AssignPublicIp to DISABLED and reach the internet through a NAT gateway, or run the service on Fargate.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking-awsvpc.html',
  resourceTypes: [SERVICE],
  onlyWith: ['NetworkConfiguration/AwsvpcConfiguration/AssignPublicIp'],
  check(service, ctx): RuleIssue[] {
    const awsvpc = toObject(toObject(service.properties.NetworkConfiguration)?.AwsvpcConfiguration);
    if (!awsvpc || toStr(awsvpc.AssignPublicIp) !== 'ENABLED') return [];
    const kind = launchKind(service, ctx);
    if (kind !== 'EC2' && kind !== 'EXTERNAL') return [];
    return [{
      property: 'Properties/NetworkConfiguration/AwsvpcConfiguration/AssignPublicIp',
      value: awsvpc.AssignPublicIp,
      problem: `AssignPublicIp ENABLED on a service that runs on ${kind} capacity`,
      allowed: 'AssignPublicIp ENABLED only for Fargate tasks; DISABLED (or omitted) on EC2',
      fix: 'Set AssignPublicIp to DISABLED and use private subnets with a NAT gateway (or VPC endpoints) for outbound traffic.',
    }];
  },
};
