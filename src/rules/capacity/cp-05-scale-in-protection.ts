import { ResourceRule, RuleIssue, Severity } from '../rule';
import { CAPACITY_PROVIDER } from '../service/service-facts';
import { toBool, toObject, toStr } from '../values';

const ASG = 'AWS::AutoScaling::AutoScalingGroup';

export const CP05_SCALE_IN_PROTECTION: ResourceRule = {
  id: 'ECS-CP-05',
  title: 'Managed termination protection needs an Auto Scaling group that protects new instances from scale-in',
  area: 'capacity',
  severity: Severity.ERROR,
  description: 'Flags ManagedTerminationProtection ENABLED when the Auto Scaling group (defined in the template) does not set NewInstancesProtectedFromScaleIn true. aws-cdk-lib sets it for groups it owns.',
  deployError: 'CreateCapacityProvider fails: the managed termination protection setting requires the Auto Scaling group to have instance protection from scale-in enabled.',
  fix: 'Set NewInstancesProtectedFromScaleIn: true on the Auto Scaling group, or disable ManagedTerminationProtection.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/managed-termination-protection.html',
  resourceTypes: [CAPACITY_PROVIDER],
  check(provider, ctx): RuleIssue[] {
    const asgProvider = toObject(provider.properties.AutoScalingGroupProvider);
    if (!asgProvider || toStr(asgProvider.ManagedTerminationProtection) !== 'ENABLED') return [];
    const asg = ctx.assembly.resolveResource(asgProvider.AutoScalingGroupArn, provider.stack);
    if (asg?.type !== ASG) return [];
    const raw = asg.properties.NewInstancesProtectedFromScaleIn;
    if (raw !== undefined && toBool(raw) !== false) return [];
    return [{
      property: 'Properties/AutoScalingGroupProvider/ManagedTerminationProtection',
      value: 'ENABLED',
      problem: `ManagedTerminationProtection ENABLED but Auto Scaling group ${asg.path} does not protect new instances from scale-in`,
      allowed: 'NewInstancesProtectedFromScaleIn true on the Auto Scaling group',
      fix: `Set NewInstancesProtectedFromScaleIn: true on ${asg.path}.`,
    }];
  },
};
