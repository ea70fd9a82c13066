import { referenceKey, shortPath } from '../reach/load-balancing-index';
import { ResourceRule, RuleIssue, Severity } from '../rule';
import { SERVICE } from './service-facts';
import { toArray, toObject } from '../values';

const SUBNET = 'AWS::EC2::Subnet';
const SECURITY_GROUP = 'AWS::EC2::SecurityGroup';

export const SV38_ONE_VPC: ResourceRule = {
  id: 'ECS-SV-38',
  title: 'A service\'s subnets and security groups are in one VPC',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Resolves the Subnets and SecurityGroups of a service\'s awsvpcConfiguration to subnets and security groups of the assembly '
    + 'and compares their VpcId (a reference to the same VPC, or the same literal id). Flags a service whose subnets or groups name more than '
    + 'one VPC. Skipped when any of them is outside the assembly or its VpcId is unresolved.',
  deployError: 'CreateService fails: all subnets and security groups of awsvpcConfiguration must be from the same VPC (InvalidParameterException).',
  fix: 'Pick the subnets and security groups from the cluster\'s VPC: vpcSubnets of that VPC, and security groups created with vpc set to it.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_NetworkConfiguration.html',
  resourceTypes: [SERVICE],
  onlyWith: ['NetworkConfiguration'],
  check(service, ctx): RuleIssue[] {
    const awsvpc = toObject(toObject(service.properties.NetworkConfiguration)?.AwsvpcConfiguration);
    if (!awsvpc) return [];
    const vpcs = new Map<string, { label: string; members: string[] }>();
    for (const [list, type] of [[awsvpc.Subnets, SUBNET], [awsvpc.SecurityGroups, SECURITY_GROUP]] as const) {
      if (list === undefined) continue;
      const items = toArray(list);
      if (!items) return [];
      for (const item of items) {
        const resource = ctx.assembly.resolveResource(item, service.stack);
        if (resource?.type !== type) return [];
        const vpc = referenceKey(resource.properties.VpcId, resource.stack, ctx.assembly);
        if (vpc === undefined) return [];
        let entry = vpcs.get(vpc);
        if (!entry) {
          const vpcResource = ctx.assembly.resolveResource(resource.properties.VpcId, resource.stack);
          entry = { label: vpcResource ? shortPath(vpcResource, service.stack) : vpc.replace(/^lit:/, ''), members: [] };
          vpcs.set(vpc, entry);
        }
        entry.members.push(shortPath(resource, service.stack));
      }
    }
    if (vpcs.size <= 1) return [];
    const groups = [...vpcs.values()].map((v) => `${v.label}: ${v.members.join(', ')}`);
    return [{
      property: 'Properties/NetworkConfiguration/AwsvpcConfiguration',
      value: groups.join('; '),
      problem: `subnets and security groups come from ${vpcs.size} VPCs (${groups.join('; ')})`,
      allowed: 'subnets and security groups of one VPC',
      fix: 'Use the subnets and security groups of the cluster\'s VPC only.',
    }];
  },
};
