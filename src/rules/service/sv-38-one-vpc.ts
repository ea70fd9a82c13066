import { AssemblyModel, resourceFact, TemplateResource } from '../model';
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
    // Resources first, labels only for a finding: without path metadata each label is a lookup.
    const vpcs = new Map<string, { vpc: unknown; from: TemplateResource; members: TemplateResource[] }>();
    for (const [list, type] of [[awsvpc.Subnets, SUBNET], [awsvpc.SecurityGroups, SECURITY_GROUP]] as const) {
      if (list === undefined) continue;
      const items = toArray(list);
      if (!items) return [];
      for (const item of items) {
        const resource = ctx.assembly.resolveResource(item, service.stack);
        if (resource?.type !== type) return [];
        const key = resourceFact(resource, vpcKey, ctx.assembly);
        if (key === undefined) return [];
        const entry = vpcs.get(key) ?? { vpc: resource.properties.VpcId, from: resource, members: [] };
        entry.members.push(resource);
        vpcs.set(key, entry);
      }
    }
    if (vpcs.size <= 1) return [];
    const groups = [...vpcs.entries()].map(([key, v]) => {
      const vpcResource = ctx.assembly.resolveResource(v.vpc, v.from.stack);
      const label = vpcResource ? shortPath(vpcResource, service.stack) : key.replace(/^lit:/, '');
      return `${label}: ${v.members.map((m) => shortPath(m, service.stack)).join(', ')}`;
    });
    return [{
      property: 'Properties/NetworkConfiguration/AwsvpcConfiguration',
      value: groups.join('; '),
      problem: `subnets and security groups come from ${vpcs.size} VPCs (${groups.join('; ')})`,
      allowed: 'subnets and security groups of one VPC',
      fix: 'Use the subnets and security groups of the cluster\'s VPC only.',
    }];
  },
};

/** The key of a subnet's or group's VPC (a reference or a literal id), once per resource: many services share subnets. */
function vpcKey(resource: TemplateResource, assembly: AssemblyModel): string | undefined {
  return referenceKey(resource.properties.VpcId, resource.stack, assembly);
}
