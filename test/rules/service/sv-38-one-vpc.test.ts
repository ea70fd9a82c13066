/** ECS-SV-38: a service's subnets and security groups in one VPC (found by a networking-team trial). */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { SV38_ONE_VPC as rule } from '../../../src/rules/service/sv-38-one-vpc';
import { check } from '../helpers';

function service(otherSubnets: boolean, importedSubnet = false) {
  const stack = new Stack(new App(), 'Vpcs');
  const vpc = new ec2.Vpc(stack, 'Main', { maxAzs: 2, natGateways: 1 });
  const other = new ec2.Vpc(stack, 'Other', { maxAzs: 2, natGateways: 1 });
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
  const td = new ecs.FargateTaskDefinition(stack, 'Td');
  td.addContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });
  const subnets = importedSubnet ? [ec2.Subnet.fromSubnetId(stack, 'Imported', 'subnet-0123456789abcdef0')]
    : otherSubnets ? other.privateSubnets : vpc.privateSubnets;
  new ecs.FargateService(stack, 'Service', { cluster, taskDefinition: td, vpcSubnets: { subnets } });
  return check(rule, Template.fromStack(stack).toJSON().Resources).map((f) => f.message);
}

describe('ECS-SV-38 one VPC', () => {
  test('bad: subnets of another VPC than the service\'s security group', () => {
    expect(service(true)).toEqual([
      '[ECS-SV-38] subnets and security groups come from 2 VPCs (Other34654A52: OtherPrivateSubnet1Subnet8B242493, '
      + 'OtherPrivateSubnet2SubnetB73D732A; Main54E5BC70: ServiceSecurityGroupC96ED6A7) at TestStack/ServiceD69D759B; '
      + 'allowed: subnets and security groups of one VPC. Use the subnets and security groups of the cluster\'s VPC only.',
    ]);
  });

  test('good: one VPC; an imported subnet is not decidable', () => {
    expect(service(false)).toEqual([]);
    expect(service(false, true)).toEqual([]);
  });
});
