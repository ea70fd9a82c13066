import { OrgRule, standardLabel } from './org-rule';
import { Severity } from '../../rules/finding';
import { isUnresolved } from '../../rules/values';

export const ORG_ELB_01_PUBLIC_LOAD_BALANCER: OrgRule = {
  id: 'ORG-ELB-01',
  title: 'No internet-facing load balancers when the standard forbids them',
  area: 'org',
  severity: Severity.ERROR,
  description: 'When public load balancers are not allowed, Application and Network Load Balancers are internal (a missing Scheme means internet-facing).',
  deployError: 'Deploys, but exposes the service to the internet.',
  fix: 'Make the load balancer internal (kit WebService: internetFacing false, the default).',
  source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-elasticloadbalancingv2-loadbalancer.html',
  resourceTypes: ['AWS::ElasticLoadBalancingV2::LoadBalancer'],
  appliesTo: (s) => s.allowPublicLoadBalancers === false,
  check(resource, _context, standard) {
    const scheme = resource.properties.Scheme;
    if (isUnresolved(scheme) || scheme === 'internal' || resource.properties.Type === 'gateway') return [];
    return [{
      property: 'Properties/Scheme',
      value: scheme ?? 'internet-facing (default)',
      problem: `Load balancer is internet-facing, which ${standardLabel(standard)} does not allow`,
      allowed: 'internal',
      fix: 'Set internetFacing: false (Scheme internal)',
    }];
  },
};
