import { ResourceRule, RuleIssue, Severity } from '../rule';
import { CAPACITY_PROVIDER } from '../service/service-facts';
import { isUnresolved, toArray, toObject } from '../values';
import { instanceLaunchTemplate, LAUNCH_TEMPLATE_POINTER, managedInstancesProvider } from './managed-instances-facts';

const missing = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

export const MI04_PROVIDER_ESSENTIALS: ResourceRule = {
  id: 'ECS-MI-04',
  title: 'Managed Instances provider: infrastructure role, instance profile and subnets are set',
  area: 'capacity',
  severity: Severity.ERROR,
  description: 'Flags a Managed Instances provider without InfrastructureRoleArn, without InstanceLaunchTemplate Ec2InstanceProfileArn, or whose NetworkConfiguration lists no subnets.',
  deployError: 'CreateCapacityProvider fails: infrastructureRoleArn, ec2InstanceProfileArn and at least one subnet are required.',
  fix: 'Set the infrastructure role, the instance profile and one or more subnets.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateManagedInstancesProviderConfiguration.html',
  resourceTypes: [CAPACITY_PROVIDER],
  check(provider): RuleIssue[] {
    const mi = managedInstancesProvider(provider);
    if (!mi) return [];
    const issues: RuleIssue[] = [];
    if (missing(mi.InfrastructureRoleArn)) {
      issues.push({ property: 'Properties/ManagedInstancesProvider/InfrastructureRoleArn', value: mi.InfrastructureRoleArn, problem: 'ManagedInstancesProvider has no InfrastructureRoleArn', allowed: 'the ARN of a role ECS can assume (AmazonECSInfrastructureRolePolicyForManagedInstances)', fix: 'Set InfrastructureRoleArn.' });
    }
    const lt = instanceLaunchTemplate(provider);
    if (mi.InstanceLaunchTemplate !== undefined && !lt) return issues; // unresolved block
    if (missing(lt?.Ec2InstanceProfileArn)) {
      issues.push({ property: `${LAUNCH_TEMPLATE_POINTER}/Ec2InstanceProfileArn`, value: lt?.Ec2InstanceProfileArn, problem: 'InstanceLaunchTemplate has no Ec2InstanceProfileArn', allowed: 'the ARN of an instance profile (AmazonECSInstanceRolePolicyForManagedInstances)', fix: 'Set Ec2InstanceProfileArn.' });
    }
    const network = lt?.NetworkConfiguration;
    if (network !== undefined && isUnresolved(network)) return issues;
    const subnetsRaw = toObject(network)?.Subnets;
    const subnets = toArray(subnetsRaw);
    if (subnetsRaw === undefined || (subnets && subnets.length === 0)) {
      issues.push({ property: `${LAUNCH_TEMPLATE_POINTER}/NetworkConfiguration/Subnets`, value: subnetsRaw, problem: 'InstanceLaunchTemplate NetworkConfiguration lists no subnets', allowed: 'one or more subnet ids of one VPC', fix: 'List the subnets the instances launch in (private subnets with a NAT gateway or VPC endpoints).' });
    }
    return issues;
  },
};
