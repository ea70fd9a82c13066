import { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { complianceApp, describeFindings, runCompliance } from './harness';
import { hardenedVpc } from '../../examples/hardened-vpc';
import { EcsCluster } from '../../src/cluster';

test('cluster with Fargate and mixed-type Spot EC2 capacity has zero findings in every pack', () => {
  // GIVEN a literal-env stack with a hardened VPC, a cluster (Fargate, ECS Exec) and Spot EC2 capacity
  const app = complianceApp();
  const stack = new Stack(app, 'ClusterCompliance', { env: { account: '111111111111', region: 'eu-west-1' } });
  const vpc = hardenedVpc(stack, 'Vpc');
  const cluster = new EcsCluster(stack, 'Cluster', { vpc, enableExecuteCommand: true });
  const capacity = cluster.addEc2Capacity('Ec2', {
    instanceTypes: [new ec2.InstanceType('m7g.large'), new ec2.InstanceType('c7g.large'), new ec2.InstanceType('r7g.large')],
    onDemandBaseCapacity: 1,
    onDemandPercentageAboveBaseCapacity: 25,
    vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
  });
  cluster.useDefaultCapacityProviderStrategy([{ capacityProvider: capacity.capacityProviderName, weight: 1 }]);

  // WHEN
  const result = runCompliance(app);

  // THEN no finding is left and every acknowledgement is the expected one, with a reason
  expect(describeFindings(result.findings)).toEqual('');
  expect(Object.values(result.countByPack).every((n) => n === 0)).toBe(true);
  // aws-cdk-lib itself acknowledges some of its built-in CloudFormation-Validate checks; those are not ours.
  const ours = result.acknowledged.filter((a) => !a.id.startsWith('CloudFormation-Validate'));
  const acks = ours.map((a) => `${a.path} ${a.id}`).sort();
  expect(acks).toEqual([
    'ClusterCompliance/Cluster/Ec2/AutoScalingGroup AwsSolutions-AS3',
    'ClusterCompliance/Cluster/Ec2/AutoScalingGroup AwsSolutions-EC26',
    'ClusterCompliance/Cluster/Ec2/AutoScalingGroup HIPAA.Security-EC2IMDSv2Enabled',
    'ClusterCompliance/Cluster/Ec2/AutoScalingGroup NIST.800.53.R5-EC2IMDSv2Enabled',
    'ClusterCompliance/Cluster/Ec2/InstanceRole AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonSSMManagedInstanceCore]',
    'ClusterCompliance/Cluster/Ec2/InstanceRole AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role]',
    'ClusterCompliance/Vpc HIPAA.Security-VPCDefaultSecurityGroupClosed',
    'ClusterCompliance/Vpc NIST.800.53.R5-VPCDefaultSecurityGroupClosed',
    'ClusterCompliance/Vpc PCI.DSS.321-VPCDefaultSecurityGroupClosed',
  ]);
  for (const a of ours) expect(a.reason.length).toBeGreaterThan(40);
});

test('an escape hatch that weakens the mixed-type launch template (IMDSv1, unencrypted EBS) keeps the findings the kit would otherwise acknowledge (found by a security review trial)', () => {
  const app = complianceApp();
  const stack = new Stack(app, 'Weakened', { env: { account: '111111111111', region: 'eu-west-1' } });
  const cluster = new EcsCluster(stack, 'Cluster', { vpc: hardenedVpc(stack, 'Vpc') });
  const capacity = cluster.addEc2Capacity('Ec2', {
    instanceTypes: [new ec2.InstanceType('m7g.large'), new ec2.InstanceType('c7g.large')],
    vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
  });
  const template = capacity.launchTemplate.node.defaultChild as ec2.CfnLaunchTemplate;
  template.addPropertyOverride('LaunchTemplateData.MetadataOptions.HttpTokens', 'optional');
  template.addPropertyOverride('LaunchTemplateData.BlockDeviceMappings.0.Ebs.Encrypted', false);

  const result = runCompliance(app);

  const onGroup = (r: { path: string }) => r.path.startsWith('Weakened/Cluster/Ec2/AutoScalingGroup');
  expect(result.findings.filter(onGroup).map((f) => f.ruleId).sort()).toEqual(
    ['AwsSolutions-EC26', 'HIPAA.Security-EC2IMDSv2Enabled', 'NIST.800.53.R5-EC2IMDSv2Enabled']);
  expect(result.acknowledged.filter(onGroup).map((a) => a.id)).toEqual(['AwsSolutions-AS3']);
});
