import { App, Names, NestedStack, Stack } from 'aws-cdk-lib';
import { Template, Match } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { clusterStack } from './helpers';
import { Ec2Capacity, Ec2CapacityImage, Ec2CapacityOs, ImagePullBehavior } from '../../src/capacity';
import { EcsCluster } from '../../src/cluster';

const graviton = [new ec2.InstanceType('m7g.large'), new ec2.InstanceType('c7g.large')];

describe('Ec2Capacity defaults', () => {
  const { stack, cluster } = clusterStack();
  const capacity = cluster.addEc2Capacity('Ec2');
  const t = Template.fromStack(stack);

  test('launch template requires IMDSv2 with hop limit 1, encrypted gp3 root, detailed monitoring', () => {
    t.hasResourceProperties('AWS::EC2::LaunchTemplate', {
      LaunchTemplateData: Match.objectLike({
        MetadataOptions: { HttpEndpoint: 'enabled', HttpTokens: 'required', HttpPutResponseHopLimit: 1 },
        BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { Encrypted: true, VolumeType: 'gp3', VolumeSize: 30, DeleteOnTermination: true } }],
        Monitoring: { Enabled: true },
        InstanceType: 'm6i.large',
        ImageId: { Ref: Match.stringLikeRegexp('amazonlinux2023recommended') },
      }),
    });
  });

  test('user data joins this one cluster and renders agent settings into ecs.config', () => {
    const lt = Object.values(t.findResources('AWS::EC2::LaunchTemplate'))[0];
    const text = JSON.stringify(lt.Properties.LaunchTemplateData.UserData);
    expect(text).toContain('echo ECS_CLUSTER=');
    expect(text).toContain(`"Ref":"${stack.getLogicalId(cluster.cfnCluster)}"`);
    for (const s of ['ECS_AWSVPC_BLOCK_IMDS=true', 'ECS_CONTAINER_STOP_TIMEOUT=30s', 'ECS_IMAGE_PULL_BEHAVIOR=default', 'ECS_ENABLE_SPOT_INSTANCE_DRAINING=true']) {
      expect(text).toContain(`echo ${s} >> /etc/ecs/ecs.config`);
    }
  });

  test('managed scaling and managed draining on, termination protection off, group not scale-in protected', () => {
    t.hasResourceProperties('AWS::ECS::CapacityProvider', {
      AutoScalingGroupProvider: Match.objectLike({
        ManagedScaling: Match.objectLike({ Status: 'ENABLED', TargetCapacity: 100 }),
        ManagedDraining: 'ENABLED',
        ManagedTerminationProtection: 'DISABLED',
      }),
    });
    const asg = Object.values(t.findResources('AWS::AutoScaling::AutoScalingGroup'))[0];
    expect(asg.Properties.NewInstancesProtectedFromScaleIn).toBeUndefined();
  });

  test('clean deletion: group and capacity provider DependsOn the cluster; association refs both', () => {
    const clusterId = stack.getLogicalId(cluster.cfnCluster);
    t.hasResource('AWS::AutoScaling::AutoScalingGroup', { DependsOn: Match.arrayWith([clusterId]) });
    t.hasResource('AWS::ECS::CapacityProvider', { DependsOn: Match.arrayWith([clusterId]) });
    t.hasResourceProperties('AWS::ECS::ClusterCapacityProviderAssociations', {
      Cluster: { Ref: clusterId },
      CapacityProviders: ['FARGATE', 'FARGATE_SPOT', { Ref: stack.getLogicalId(capacity.cfnCapacityProvider) }],
    });
  });

  test('no drain-hook Lambda, no inline policies, instance role has only the ECS and SSM managed policies', () => {
    t.resourceCountIs('AWS::Lambda::Function', 0);
    t.resourceCountIs('AWS::IAM::Policy', 0);
    t.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: Match.objectLike({ Statement: [Match.objectLike({ Principal: { Service: 'ec2.amazonaws.com' } })] }),
      ManagedPolicyArns: [
        { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role']] },
        { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AmazonSSMManagedInstanceCore']] },
      ],
    });
  });

  test('security group is egress only; explicit AZs on the group; two x86_64 Nitro types in a mixed instances policy', () => {
    t.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: Match.stringLikeRegexp('ECS container instances'),
      SecurityGroupIngress: Match.absent(),
      SecurityGroupEgress: [Match.objectLike({ CidrIp: '0.0.0.0/0' })],
    });
    t.resourceCountIs('AWS::EC2::SecurityGroupIngress', 0);
    t.hasResourceProperties('AWS::AutoScaling::AutoScalingGroup', {
      AvailabilityZones: [{ 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }, { 'Fn::Select': [1, { 'Fn::GetAZs': '' }] }],
      LaunchTemplate: Match.absent(),
      MixedInstancesPolicy: Match.objectLike({
        LaunchTemplate: Match.objectLike({ Overrides: [{ InstanceType: 'm6i.large' }, { InstanceType: 'm7i.large' }] }),
      }),
    });
    expect(capacity.cpuArchitecture).toBe(ecs.CpuArchitecture.X86_64);
    expect(cluster.cluster.hasEc2Capacity).toBe(true);
  });

  test('snapshot', () => {
    expect(t.toJSON()).toMatchSnapshot();
  });
});

describe('Ec2Capacity options', () => {
  test('mixed Graviton types with Spot: mixed instances policy, ARM64 image and capacity rebalance', () => {
    const { stack, cluster } = clusterStack();
    const capacity = cluster.addEc2Capacity('Ec2', { instanceTypes: graviton, onDemandBaseCapacity: 1, onDemandPercentageAboveBaseCapacity: 20 });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::AutoScaling::AutoScalingGroup', {
      CapacityRebalance: true,
      MixedInstancesPolicy: {
        InstancesDistribution: { OnDemandBaseCapacity: 1, OnDemandPercentageAboveBaseCapacity: 20, SpotAllocationStrategy: 'price-capacity-optimized' },
        LaunchTemplate: Match.objectLike({ Overrides: [{ InstanceType: 'm7g.large' }, { InstanceType: 'c7g.large' }] }),
      },
    });
    t.hasResourceProperties('AWS::EC2::LaunchTemplate', {
      LaunchTemplateData: Match.objectLike({ ImageId: { Ref: Match.stringLikeRegexp('amazonlinux2023arm64') } }),
    });
    expect(capacity.cpuArchitecture).toBe(ecs.CpuArchitecture.ARM64);
    expect(capacity.usesSpot).toBe(true);
  });

  test('Bottlerocket renders TOML settings and encrypts both volumes', () => {
    const { stack, cluster } = clusterStack();
    cluster.addEc2Capacity('Ec2', {
      image: Ec2CapacityImage.bottlerocket(),
      agentSettings: { imagePullBehavior: ImagePullBehavior.ONCE, blockTaskMetadataAccess: false },
    });
    const lt = Object.values(Template.fromStack(stack).findResources('AWS::EC2::LaunchTemplate'))[0].Properties.LaunchTemplateData;
    const text = JSON.stringify(lt.UserData);
    expect(text).toContain('[settings.ecs]\\ncluster = \\"');
    expect(text).toContain('awsvpc-block-imds = false');
    expect(text).toContain('image-pull-behavior = \\"once\\"');
    expect(text).not.toContain('ecs.config');
    expect(lt.BlockDeviceMappings).toEqual([
      { DeviceName: '/dev/xvdb', Ebs: { DeleteOnTermination: true, Encrypted: true, VolumeSize: 30, VolumeType: 'gp3' } },
      { DeviceName: '/dev/xvda', Ebs: { DeleteOnTermination: true, Encrypted: true, VolumeType: 'gp3' } },
    ]);
  });

  // AWS, "Getting started with task networking on Amazon ECS with Windows containers"
  // (https://aws.amazon.com/blogs/containers/getting-started-with-task-networking-on-amazon-ecs-with-windows-containers/)
  // and the Windows bootstrapping page
  // (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/bootstrap_windows_container_instance.html):
  // awsvpc on Windows needs Initialize-ECSAgent -EnableTaskENI; -AwsvpcBlockIMDS does nothing without it.
  test('Windows renders environment variables and Initialize-ECSAgent with awsvpc (task ENI) and IMDS blocking', () => {
    const { stack, cluster } = clusterStack();
    cluster.addEc2Capacity('Ec2', { image: Ec2CapacityImage.windowsServer() });
    const lt = Object.values(Template.fromStack(stack).findResources('AWS::EC2::LaunchTemplate'))[0].Properties.LaunchTemplateData;
    const text = JSON.stringify(lt.UserData);
    expect(text).toContain('<powershell>');
    expect(text).toContain('Initialize-ECSAgent -Cluster');
    expect(text).toContain('-EnableTaskIAMRole -EnableTaskENI -AwsvpcBlockIMDS');
    expect(lt.BlockDeviceMappings[0]).toMatchObject({ DeviceName: '/dev/sda1', Ebs: { VolumeSize: 50, Encrypted: true } });
  });

  test('Windows without IMDS blocking still enables awsvpc', () => {
    const { stack, cluster } = clusterStack();
    cluster.addEc2Capacity('Ec2', { image: Ec2CapacityImage.windowsServer(), agentSettings: { blockTaskMetadataAccess: false } });
    const lt = Object.values(Template.fromStack(stack).findResources('AWS::EC2::LaunchTemplate'))[0].Properties.LaunchTemplateData;
    const text = JSON.stringify(lt.UserData);
    expect(text).toContain('-EnableTaskIAMRole -EnableTaskENI');
    expect(text).not.toContain('AwsvpcBlockIMDS');
  });

  test('managedTerminationProtection opt-in protects new instances from scale-in', () => {
    const { stack, cluster } = clusterStack();
    cluster.addEc2Capacity('Ec2', { managedTerminationProtection: true, capacityProviderName: 'team-a-ec2' });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ECS::CapacityProvider', { Name: 'team-a-ec2', AutoScalingGroupProvider: Match.objectLike({ ManagedTerminationProtection: 'ENABLED' }) });
    t.hasResourceProperties('AWS::AutoScaling::AutoScalingGroup', { NewInstancesProtectedFromScaleIn: true });
  });

  test('allowTaskTraffic opens the dynamic range (bridge) or the container port (host), nothing for awsvpc', () => {
    const { stack, vpc, cluster } = clusterStack();
    const capacity = cluster.addEc2Capacity('Ec2');
    const lb = new ec2.SecurityGroup(stack, 'LbSg', { vpc });
    capacity.allowTaskTraffic(lb, ecs.NetworkMode.BRIDGE, 8080);
    capacity.allowTaskTraffic(lb, ecs.NetworkMode.HOST, 9000);
    capacity.allowTaskTraffic(lb, ecs.NetworkMode.AWS_VPC, 7000);
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::EC2::SecurityGroupIngress', 2);
    t.hasResourceProperties('AWS::EC2::SecurityGroupIngress', { FromPort: 32768, ToPort: 65535, IpProtocol: 'tcp' });
    t.hasResourceProperties('AWS::EC2::SecurityGroupIngress', { FromPort: 9000, ToPort: 9000, IpProtocol: 'tcp' });
  });

  test('direct construction with the cluster prop registers the capacity once', () => {
    const { stack, cluster } = clusterStack();
    const capacity = new Ec2Capacity(stack, 'Direct', { cluster });
    expect(cluster.ec2Capacities).toEqual([capacity]);
    cluster.registerEc2Capacity(capacity);
    expect(cluster.ec2Capacities).toHaveLength(1);
    expect(cluster.capacityProviderNames).toEqual(['FARGATE', 'FARGATE_SPOT', capacity.capacityProviderName]);
  });
});

/** An EcsCluster in a stack of the given CloudFormation name. */
function namedStack(stackName: string): { stack: Stack; cluster: EcsCluster } {
  const stack = new Stack(new App(), stackName);
  const cluster = new EcsCluster(stack, 'Cluster', { vpc: new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 }) });
  return { stack, cluster };
}

const providerNames = (stack: Stack) =>
  Object.values(Template.fromStack(stack).findResources('AWS::ECS::CapacityProvider')).map((r) => r.Properties.Name);

describe('Ec2Capacity provider name and the stack name', () => {
  // CloudFormation names an unnamed provider <stack>-<id>-<random>; ECS rejects aws/ecs/fargate in any case.
  test.each(['EcsPlatform', 'AwsShop', 'FargateJobs', 'ECS-prod', 'ecs-platform'])('stack %s: the provider gets a cp- name', (stackName) => {
    const { stack, cluster } = namedStack(stackName);
    cluster.addEc2Capacity('Ec2');
    const [name] = providerNames(stack);
    expect(name).toMatch(/^cp-[A-Za-z0-9_-]+$/);
    expect(name.length).toBeLessThanOrEqual(255);
  });

  test('the name follows aws-cdk-lib\'s own cp- naming, which it applies to lowercase prefixes only', () => {
    for (const stackName of ['ecsPlatform', 'EcsPlatform']) {
      const { stack, cluster } = namedStack(stackName);
      const capacity = cluster.addEc2Capacity('Ec2');
      const expected = 'cp-' + Names.uniqueResourceName(capacity.capacityProvider, { maxLength: 252, allowedSpecialCharacters: '-_' });
      expect(providerNames(stack)).toEqual([expected]);
    }
  });

  test('other stack names keep the CloudFormation name; an explicit name is kept', () => {
    for (const stackName of ['Platform', 'MyEcs', 'Shop-aws']) {
      const { stack, cluster } = namedStack(stackName);
      cluster.addEc2Capacity('Ec2');
      expect(providerNames(stack)).toEqual([undefined]);
    }
    const { stack, cluster } = namedStack('EcsPlatform');
    cluster.addEc2Capacity('Ec2', { capacityProviderName: 'cp-web' });
    expect(providerNames(stack)).toEqual(['cp-web']);
  });

  test('in a nested stack the root stack name counts', () => {
    const root = new Stack(new App(), 'EcsRoot');
    const nested = new NestedStack(root, 'Compute');
    const cluster = new EcsCluster(nested, 'Cluster', { vpc: new ec2.Vpc(nested, 'Vpc', { maxAzs: 2, natGateways: 1 }) });
    cluster.addEc2Capacity('Ec2');
    expect(providerNames(nested)[0]).toMatch(/^cp-/);
  });
});

describe('Ec2Capacity GPU instance types', () => {
  const gpuImage = Match.objectLike({ ImageId: { Ref: Match.stringLikeRegexp('amazonlinux2023gpu') } });
  const launchData = (stack: Stack) =>
    Object.values(Template.fromStack(stack).findResources('AWS::EC2::LaunchTemplate'))[0].Properties.LaunchTemplateData;

  test('all NVIDIA GPU types without an image: the GPU-optimized AL2023 AMI and GPU support in ecs.config', () => {
    const { stack, cluster } = clusterStack();
    const capacity = cluster.addEc2Capacity('Gpu', { instanceTypes: [new ec2.InstanceType('g5.xlarge'), new ec2.InstanceType('g6.xlarge')] });
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::LaunchTemplate', { LaunchTemplateData: gpuImage });
    const params = Template.fromStack(stack).toJSON().Parameters;
    expect(Object.values(params).map((p: any) => p.Default)).toContain('/aws/service/ecs/optimized-ami/amazon-linux-2023/gpu/recommended/image_id');
    expect(JSON.stringify(launchData(stack).UserData)).toContain('ECS_ENABLE_GPU_SUPPORT=true');
    expect(capacity.cpuArchitecture).toBe(ecs.CpuArchitecture.X86_64);
  });

  test.each(['g4dn.xlarge', 'g6e.2xlarge', 'gr6.4xlarge', 'p3.2xlarge', 'p4d.24xlarge', 'p5.48xlarge'])('%s selects the GPU image', (type) => {
    const { stack, cluster } = clusterStack();
    cluster.addEc2Capacity('Gpu', { instanceTypes: [new ec2.InstanceType(type)] });
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::LaunchTemplate', { LaunchTemplateData: gpuImage });
  });

  test('non-GPU types (and AMD g4ad) keep the standard image without GPU support', () => {
    for (const type of ['m6i.large', 'g4ad.xlarge', 'inf2.xlarge']) {
      const { stack, cluster } = clusterStack();
      cluster.addEc2Capacity('Ec2', { instanceTypes: [new ec2.InstanceType(type)] });
      const data = launchData(stack);
      expect(JSON.stringify(data.ImageId)).not.toContain('gpu');
      expect(JSON.stringify(data.UserData)).not.toContain('ECS_ENABLE_GPU_SUPPORT');
    }
  });

  test('an explicit image wins: amazonLinux2023() on GPU types, amazonLinux2023Gpu() on a type the kit does not know', () => {
    const a = clusterStack();
    a.cluster.addEc2Capacity('Gpu', { instanceTypes: [new ec2.InstanceType('g5.xlarge')], image: Ec2CapacityImage.amazonLinux2023() });
    expect(JSON.stringify(launchData(a.stack).ImageId)).not.toContain('gpu');
    const b = clusterStack();
    b.cluster.addEc2Capacity('Gpu', { instanceTypes: [new ec2.InstanceType('g7e.xlarge')], image: Ec2CapacityImage.amazonLinux2023Gpu() });
    Template.fromStack(b.stack).hasResourceProperties('AWS::EC2::LaunchTemplate', { LaunchTemplateData: gpuImage });
    expect(Ec2CapacityImage.amazonLinux2023Gpu().gpu).toBe(true);
    expect(Ec2CapacityImage.amazonLinux2023().gpu).toBe(false);
  });

  // AWS, "Retrieving Amazon ECS-optimized Bottlerocket AMI metadata": aws-ecs-2-nvidia is published for x86_64 and arm64.
  test('bottlerocketNvidia() renders the aws-ecs-2-nvidia variant for the instance architecture, g5g included', () => {
    for (const [type, arch] of [['g5.xlarge', 'x86_64'], ['g5g.xlarge', 'arm64']]) {
      const { stack, cluster } = clusterStack();
      const capacity = cluster.addEc2Capacity('Gpu', { instanceTypes: [new ec2.InstanceType(type)], image: Ec2CapacityImage.bottlerocketNvidia() });
      const params = Object.values(Template.fromStack(stack).toJSON().Parameters).map((p: any) => p.Default);
      expect(params).toContain(`/aws/service/bottlerocket/aws-ecs-2-nvidia/${arch}/latest/image_id`);
      expect(JSON.stringify(launchData(stack).UserData)).toContain('[settings.ecs]');
      expect(capacity.operatingSystem).toBe(Ec2CapacityOs.BOTTLEROCKET);
    }
  });
});

describe('Ec2Capacity subnets', () => {
  // A VPC with isolated subnets and endpoints only (no NAT), as the compliance packs want.
  test('without private subnets with egress, the instances go to the isolated ones; with them, to those', () => {
    const stack = new Stack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'app', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
    const cluster = new EcsCluster(stack, 'Cluster', { vpc });
    cluster.addEc2Capacity('Ec2', { instanceTypes: [new ec2.InstanceType('m6i.large')] });
    const ids = vpc.isolatedSubnets.map((s) => stack.resolve(s.subnetId));
    Template.fromStack(stack).hasResourceProperties('AWS::AutoScaling::AutoScalingGroup', { VPCZoneIdentifier: ids });

    const { stack: other, vpc: withNat, cluster: withNatCluster } = clusterStack();
    withNatCluster.addEc2Capacity('Ec2', { instanceTypes: [new ec2.InstanceType('m6i.large')] });
    Template.fromStack(other).hasResourceProperties('AWS::AutoScaling::AutoScalingGroup', {
      VPCZoneIdentifier: withNat.privateSubnets.map((s) => other.resolve(s.subnetId)),
    });
  });
});
