import { ResourceRule, RuleIssue, Severity } from '../rule';
import { CLUSTER, CLUSTER_ASSOCIATIONS, itemLabel, providerKind, SERVICE, strategyOf } from './service-facts';

export const SV04_NO_FARGATE_ASG_MIX: ResourceRule = {
  id: 'ECS-SV-04',
  title: 'A strategy cannot mix Fargate and Auto Scaling group capacity providers',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Flags service and cluster default strategies that list FARGATE or FARGATE_SPOT together with a capacity provider backed by an Auto Scaling group (an AWS::ECS::CapacityProvider of the assembly with AutoScalingGroupProvider). Providers defined outside the assembly are not judged.',
  deployError: 'CreateService / PutClusterCapacityProviders fail: a capacity provider strategy can contain either Fargate or Auto Scaling group capacity providers, not both.',
  fix: 'Split the workload into a Fargate service and an EC2 service, or use one kind of provider per strategy.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-capacity-providers.html',
  resourceTypes: [SERVICE, CLUSTER, CLUSTER_ASSOCIATIONS],
  onlyWith: ['CapacityProviderStrategy', 'DefaultCapacityProviderStrategy'],
  check(resource, ctx): RuleIssue[] {
    const strategy = strategyOf(resource, ctx);
    if (!strategy) return [];
    const fargate = strategy.items.filter((i) => i.provider && providerKind(i.provider) === 'fargate');
    const asg = strategy.items.filter((i) => i.provider && providerKind(i.provider) === 'asg');
    if (fargate.length === 0 || asg.length === 0) return [];
    return [{
      property: `${asg[0].pointer}/CapacityProvider`,
      value: asg[0].raw.CapacityProvider,
      problem: `${strategy.pointer.replace('Properties/', '')} mixes Fargate providers (${fargate.map(itemLabel).join(', ')}) with Auto Scaling group providers (${asg.map(itemLabel).join(', ')})`,
      allowed: 'only FARGATE/FARGATE_SPOT, or only Auto Scaling group providers, in one strategy',
      fix: `Remove ${asg.map(itemLabel).join(', ')} from this strategy or run it in a separate EC2 service.`,
    }];
  },
};
