import { OrgRule, standardLabel, tagKeys } from './org-rule';
import { Severity } from '../../rules/finding';

export const ORG_TAG_01_REQUIRED_TAGS: OrgRule = {
  id: 'ORG-TAG-01',
  title: 'Required tags are present',
  area: 'org',
  severity: Severity.ERROR,
  description: 'ECS clusters, services (Express services too), task definitions, capacity providers, ECR repositories, load balancers and log groups carry every tag key the standard requires.',
  deployError: 'Deploys, but breaks cost allocation and ownership policies (and tag-based SCPs may deny the create).',
  fix: 'Add the tag with Tags.of(scope).add(key, value), or set defaultTags in the standard.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-using-tags.html',
  resourceTypes: [
    'AWS::ECS::Cluster', 'AWS::ECS::Service', 'AWS::ECS::ExpressGatewayService', 'AWS::ECS::TaskDefinition', 'AWS::ECS::CapacityProvider',
    'AWS::ECR::Repository', 'AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::Logs::LogGroup',
  ],
  appliesTo: (s) => (s.requiredTags?.length ?? 0) > 0,
  check(resource, _context, standard) {
    const keys = tagKeys(resource);
    if (!keys) return [];
    const missing = (standard.requiredTags ?? []).filter((k) => !keys.has(k));
    if (missing.length === 0) return [];
    return [{
      property: 'Properties/Tags',
      value: [...keys],
      problem: `${resource.type} is missing required tag(s) ${missing.map((k) => `'${k}'`).join(', ')} of ${standardLabel(standard)}`,
      allowed: `tags ${(standard.requiredTags ?? []).join(', ')} on every ECS cluster, service, Express service, task definition, capacity provider, ECR repository, load balancer and log group`,
      // Tags on the app do not reach stacks inside a Stage: name the stage where there is one.
      fix: `Add ${missing.map((k) => `Tags.of(scope).add('${k}', VALUE)`).join(' and ')} on the construct, its stack or `
        + `${resource.stack.name.includes('/') ? 'its Stage (tags on the app stop at a Stage)' : 'the app'}`,
    }];
  },
};
