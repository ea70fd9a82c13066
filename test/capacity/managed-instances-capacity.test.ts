import { App, CfnParameter, Duration, Lazy, Size, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as fc from 'fast-check';
import { clusterStack } from './helpers';
import { EcsCluster, EcsKitErrors, ManagedInstancesTask, WorkerService } from '../../src';
import { ALL_RULES } from '../../src/rules';
import { runRules } from '../../src/rules/engine';
import { AssemblyModel } from '../../src/rules/model';

const IMAGE = ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/nginx:1.27');

describe('ManagedInstancesCapacity defaults', () => {
  const { stack, vpc, cluster } = clusterStack();
  const capacity = cluster.addManagedInstancesCapacity('MI');
  const t = Template.fromStack(stack);
  const cpId = stack.getLogicalId(capacity.cfnCapacityProvider);

  test('on-demand, detailed monitoring, tags propagated, private subnets, its own egress-only group, scoped to the cluster', () => {
    t.hasResourceProperties('AWS::ECS::CapacityProvider', {
      ClusterName: { Ref: stack.getLogicalId(cluster.cfnCluster) },
      ManagedInstancesProvider: {
        InfrastructureRoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('InfrastructureRole'), 'Arn'] },
        PropagateTags: 'CAPACITY_PROVIDER',
        InstanceLaunchTemplate: {
          CapacityOptionType: 'ON_DEMAND',
          Monitoring: 'DETAILED',
          Ec2InstanceProfileArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('InstanceProfile'), 'Arn'] },
          NetworkConfiguration: {
            Subnets: vpc.privateSubnets.map((s) => ({ Ref: stack.getLogicalId(s.node.defaultChild as ec2.CfnSubnet) })),
            SecurityGroups: [{ 'Fn::GetAtt': [stack.getLogicalId(capacity.securityGroup.node.defaultChild as ec2.CfnSecurityGroup), 'GroupId'] }],
          },
        },
      },
    });
    t.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: Match.stringLikeRegexp('ECS Managed Instances: egress only'),
      SecurityGroupIngress: Match.absent(),
    });
    expect(capacity.usesSpot).toBe(false);
    expect(capacity.cpuArchitectures.map((a) => a.toString())).toHaveLength(2);
  });

  test('two roles with one AWS managed policy each and no inline policy; the instance role is named ecsInstanceRole-*', () => {
    t.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: Match.objectLike({ Statement: [Match.objectLike({ Principal: { Service: 'ecs.amazonaws.com' } })] }),
      ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AmazonECSInfrastructureRolePolicyForManagedInstances']] }],
      Policies: Match.absent(),
    });
    t.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: Match.objectLike({ Statement: [Match.objectLike({ Principal: { Service: 'ec2.amazonaws.com' } })] }),
      ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AmazonECSInstanceRolePolicyForManagedInstances']] }],
      RoleName: { 'Fn::Join': ['', [Match.stringLikeRegexp('^ecsInstanceRole-.+-$'), { Ref: 'AWS::Region' }]] },
      Policies: Match.absent(),
    });
    t.hasResourceProperties('AWS::IAM::InstanceProfile', { InstanceProfileName: { 'Fn::Join': ['', [Match.stringLikeRegexp('^ecsInstanceRole-'), { Ref: 'AWS::Region' }]] } });
    expect(Object.keys(t.findResources('AWS::IAM::Policy'))).toEqual([]);
    const named = Object.values(t.findResources('AWS::IAM::Role', { Properties: { RoleName: Match.anyValue() } }));
    expect(named).toHaveLength(1);
    // The longest Region names have 14 characters; IAM role names at most 64.
    for (const r of named) expect((r.Properties.RoleName['Fn::Join'][1][0] as string).length + 15).toBeLessThanOrEqual(64);
  });

  test('not listed in the cluster\'s provider associations (a Managed Instances provider names its cluster)', () => {
    const assoc = Object.values(t.findResources('AWS::ECS::ClusterCapacityProviderAssociations'))[0];
    expect(JSON.stringify(assoc.Properties.CapacityProviders)).not.toContain(cpId);
    expect(cluster.managedInstancesCapacities).toEqual([capacity]);
  });

  test('clean deletion: the provider waits for (and is deleted before) its roles, profile and the private subnets\' routes', () => {
    const cp = t.toJSON().Resources[cpId];
    const routes = vpc.privateSubnets.map((s) => stack.getLogicalId((s as ec2.Subnet).node.findChild('DefaultRoute') as ec2.CfnRoute));
    expect(cp.DependsOn).toEqual(expect.arrayContaining([
      stack.getLogicalId(capacity.infrastructureRole.node.defaultChild as iam.CfnRole),
      stack.getLogicalId(capacity.instanceProfile.node.defaultChild as iam.CfnInstanceProfile),
      stack.getLogicalId(capacity.instanceRole!.node.defaultChild as iam.CfnRole),
      ...routes,
    ]));
  });

  test('the rules find nothing to report on the provider', () => {
    const findings = runRules(new AssemblyModel([{ name: 'S', template: t.toJSON() }]), { rules: ALL_RULES });
    expect(findings.filter((f) => f.ruleId.startsWith('ECS-MI') || f.ruleId.startsWith('ECS-CP'))).toEqual([]);
  });

  test('snapshot', () => {
    expect(t.findResources('AWS::ECS::CapacityProvider')).toMatchSnapshot();
  });
});

describe('ManagedInstancesCapacity options', () => {
  test('requirement sizes from a CfnParameter: MiB renders a Ref; GiB memory fails with KIT-MI-REQUIREMENT-UNIT and the construct path', () => {
    const { stack, cluster } = clusterStack();
    const memory = new CfnParameter(stack, 'MemMiB', { type: 'Number', default: 4096 }).valueAsNumber;
    cluster.addManagedInstancesCapacity('MI', { instanceRequirements: { vCpuCountMin: 2, memoryMin: Size.mebibytes(memory) } });
    Template.fromStack(stack).hasResourceProperties('AWS::ECS::CapacityProvider', {
      ManagedInstancesProvider: { InstanceLaunchTemplate: Match.objectLike({ InstanceRequirements: Match.objectLike({ MemoryMiB: { Min: { Ref: 'MemMiB' } } }) }) },
    });
    const other = clusterStack();
    const gib = new CfnParameter(other.stack, 'MemGiB', { type: 'Number', default: 4 }).valueAsNumber;
    expect(() => other.cluster.addManagedInstancesCapacity('MI', { instanceRequirements: { vCpuCountMin: 2, memoryMin: Size.gibibytes(gib) } }))
      .toThrow(/\[KIT-MI-REQUIREMENT-UNIT\] instanceRequirements memoryMin is a deploy-time value .* at Default\/Cluster\/MI.*Write memoryMin: Size\.mebibytes\(value\)/);
  });

  test('Spot and On-Demand price protection together render both (aws-cdk-lib refuses the pair; found by a verification run)', () => {
    const { stack, cluster } = clusterStack();
    cluster.addManagedInstancesCapacity('MI', {
      instanceRequirements: {
        vCpuCountMin: 2, memoryMin: Size.gibibytes(4), spotMaxPricePercentageOverLowestPrice: 50, onDemandMaxPricePercentageOverLowestPrice: 20,
      },
    });
    Template.fromStack(stack).hasResourceProperties('AWS::ECS::CapacityProvider', {
      ManagedInstancesProvider: {
        InstanceLaunchTemplate: Match.objectLike({
          InstanceRequirements: Match.objectLike({ SpotMaxPricePercentageOverLowestPrice: 50, OnDemandMaxPricePercentageOverLowestPrice: 20 }),
        }),
      },
    });
  });

  test('scaleInAfter and infrastructureOptimization render InfrastructureOptimization ScaleInAfter (found by a Managed Instances user trial)', () => {
    const scaleIn = (options: object) => {
      const { stack, cluster } = clusterStack();
      cluster.addManagedInstancesCapacity('MI', options);
      return Template.fromStack(stack).findResources('AWS::ECS::CapacityProvider');
    };
    const optimization = (r: Record<string, any>) => Object.values(r)[0].Properties.ManagedInstancesProvider.InfrastructureOptimization;
    expect(optimization(scaleIn({ scaleInAfter: Duration.minutes(10) }))).toEqual({ ScaleInAfter: 600 });
    expect(optimization(scaleIn({ infrastructureOptimization: false }))).toEqual({ ScaleInAfter: -1 });
    expect(optimization(scaleIn({}))).toBeUndefined();
    const { cluster } = clusterStack();
    expect(() => cluster.addManagedInstancesCapacity('Long', { scaleInAfter: Duration.hours(2) })).toThrow(/\[ECS-MI-07\] scaleInAfter 7200 seconds is out of range/);
    expect(() => cluster.addManagedInstancesCapacity('Both', { scaleInAfter: Duration.minutes(5), infrastructureOptimization: false }))
      .toThrow(/\[KIT-MI-OPTIMIZATION\] scaleInAfter 5 minutes is set while infrastructureOptimization is false/);
  });

  test('taskVolumeStorage: a whole number of GiB of at least 1 (KIT-MI-TASK-VOLUME); a CfnParameter passes (found by a Managed Instances user trial)', () => {
    for (const [size, text] of [[Size.gibibytes(0), /taskVolumeStorage 0 MiB is not a whole number of GiB of at least 1.*Use Size\.gibibytes\(1\)/],
      [Size.mebibytes(1500), /taskVolumeStorage 1500 MiB.*Use Size\.gibibytes\(2\)/]] as const) {
      const { cluster } = clusterStack();
      expect(() => cluster.addManagedInstancesCapacity('MI', { taskVolumeStorage: size })).toThrow(text);
    }
    const { stack, cluster } = clusterStack();
    const gib = new CfnParameter(stack, 'TaskVolumeGiB', { type: 'Number', default: 100 }).valueAsNumber;
    cluster.addManagedInstancesCapacity('MI', { taskVolumeStorage: Size.gibibytes(gib) });
    Template.fromStack(stack).hasResourceProperties('AWS::ECS::CapacityProvider', {
      ManagedInstancesProvider: { InstanceLaunchTemplate: Match.objectLike({ StorageConfiguration: { StorageSizeGiB: { Ref: 'TaskVolumeGiB' } } }) },
    });
  });

  test('instanceTypes become AllowedInstanceTypes and fix the architecture; Spot', () => {
    const { stack, cluster } = clusterStack();
    const c = cluster.addManagedInstancesCapacity('MI', {
      instanceTypes: [new ec2.InstanceType('m7g.large'), new ec2.InstanceType('c7g.xlarge')],
      capacityOptionType: ecs.CapacityOptionType.SPOT,
      taskVolumeStorage: Size.gibibytes(120),
      detailedMonitoring: false,
      propagateTags: false,
    });
    Template.fromStack(stack).hasResourceProperties('AWS::ECS::CapacityProvider', {
      ManagedInstancesProvider: {
        PropagateTags: 'NONE',
        InstanceLaunchTemplate: Match.objectLike({
          CapacityOptionType: 'SPOT',
          Monitoring: 'BASIC',
          StorageConfiguration: { StorageSizeGiB: 120 },
          InstanceRequirements: Match.objectLike({ AllowedInstanceTypes: ['m7g.large', 'c7g.xlarge'], VCpuCount: { Min: 1 } }),
        }),
      },
    });
    expect(c.usesSpot).toBe(true);
    expect(c.supportsArchitecture(ecs.CpuArchitecture.ARM64)).toBe(true);
    expect(c.supportsArchitecture(ecs.CpuArchitecture.X86_64)).toBe(false);
  });

  test('instance requirements render as given; Graviton manufacturers mean ARM64 only', () => {
    const { stack, cluster } = clusterStack();
    const c = cluster.addManagedInstancesCapacity('MI', {
      instanceRequirements: {
        vCpuCountMin: 2, vCpuCountMax: 8, memoryMin: Size.gibibytes(4), memoryMax: Size.gibibytes(32), cpuManufacturers: [ec2.CpuManufacturer.AWS],
      },
    });
    Template.fromStack(stack).hasResourceProperties('AWS::ECS::CapacityProvider', {
      ManagedInstancesProvider: {
        InstanceLaunchTemplate: Match.objectLike({
          InstanceRequirements: Match.objectLike({ VCpuCount: { Min: 2, Max: 8 }, MemoryMiB: { Min: 4096, Max: 32768 }, CpuManufacturers: ['amazon-web-services'] }),
        }),
      },
    });
    expect(c.supportsArchitecture(ecs.CpuArchitecture.X86_64)).toBe(false);
  });

  test('your own infrastructure role and instance profile; no roles created', () => {
    const { stack, cluster } = clusterStack();
    const infra = iam.Role.fromRoleArn(stack, 'Infra', 'arn:aws:iam::111111111111:role/infra');
    const profile = iam.InstanceProfile.fromInstanceProfileArn(stack, 'Profile', 'arn:aws:iam::111111111111:instance-profile/ecsInstanceRole');
    const c = cluster.addManagedInstancesCapacity('MI', { infrastructureRole: infra, instanceProfile: profile });
    const t = Template.fromStack(stack);
    expect(Object.keys(t.findResources('AWS::IAM::Role'))).toEqual([]);
    expect(c.instanceRole).toBeUndefined();
    t.hasResourceProperties('AWS::ECS::CapacityProvider', {
      ManagedInstancesProvider: Match.objectLike({
        InfrastructureRoleArn: 'arn:aws:iam::111111111111:role/infra',
        InstanceLaunchTemplate: Match.objectLike({ Ec2InstanceProfileArn: 'arn:aws:iam::111111111111:instance-profile/ecsInstanceRole' }),
      }),
    });
  });

  test('the default strategy may name the provider', () => {
    const { cluster } = clusterStack();
    const c = cluster.addManagedInstancesCapacity('MI');
    expect(() => cluster.useDefaultCapacityProviderStrategy([{ capacityProvider: c.capacityProviderName, weight: 1 }])).not.toThrow();
  });

  test('vCPU and memory ranges: ECS-MI-03 exactly when the minimum is above the maximum', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 64 }), fc.integer({ min: 0, max: 64 }), (min, max) => {
      const { cluster } = clusterStack();
      let code: string | undefined;
      try {
        cluster.addManagedInstancesCapacity('MI', { instanceRequirements: { vCpuCountMin: min, vCpuCountMax: max, memoryMin: Size.gibibytes(1) } });
      } catch (e) {
        code = EcsKitErrors.codeOf(e);
      }
      expect(code).toBe(min > max ? 'ECS-MI-03' : undefined);
    }), { numRuns: 25 });
  });

  test('env-agnostic stack with a token capacity provider name synthesizes', () => {
    const stack = new Stack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
    const cluster = new EcsCluster(stack, 'Cluster', { vpc });
    cluster.addManagedInstancesCapacity('MI', { capacityProviderName: Lazy.string({ produce: () => 'mi-web' }) });
    Template.fromStack(stack).hasResourceProperties('AWS::ECS::CapacityProvider', { Name: 'mi-web' });
  });

  test('a stack named EcsPlatform (any case of aws/ecs/fargate) gets a cp- provider name; Platform keeps CloudFormation\'s', () => {
    const names = (stackName: string) => {
      const stack = new Stack(new App(), stackName);
      const cluster = new EcsCluster(stack, 'Cluster', { vpc: new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 }) });
      cluster.addManagedInstancesCapacity('MI');
      return Object.values(Template.fromStack(stack).findResources('AWS::ECS::CapacityProvider')).map((r) => r.Properties.Name);
    };
    expect(names('EcsPlatform')).toEqual([expect.stringMatching(/^cp-EcsPlatformClusterMICapacityProvider/)]);
    expect(names('FARGATEJobs')).toEqual([expect.stringMatching(/^cp-/)]);
    expect(names('Platform')).toEqual([undefined]);
  });
});

describe('services on Managed Instances: delete order', () => {
  test('the service refs the provider and waits for the cluster and its associations, so it is deleted before them', () => {
    const { stack, cluster } = clusterStack();
    const capacity = cluster.addManagedInstancesCapacity('MI');
    const task = new ManagedInstancesTask(stack, 'Task', { container: { image: IMAGE } });
    const worker = new WorkerService(stack, 'Worker', { cluster, task });
    const json = Template.fromStack(stack).toJSON().Resources;
    const svc = json[stack.getLogicalId(worker.service.node.defaultChild as ecs.CfnService)];
    const cpRef = { Ref: stack.getLogicalId(capacity.cfnCapacityProvider) };
    expect(svc.Properties.CapacityProviderStrategy).toEqual([{ CapacityProvider: cpRef, Weight: 1 }]);
    const assocId = Object.entries<any>(json).find(([, r]) => r.Type === 'AWS::ECS::ClusterCapacityProviderAssociations')![0];
    expect(svc.DependsOn).toEqual(expect.arrayContaining([assocId, stack.getLogicalId(cluster.cfnCluster)]));
    expect(svc.Properties.LaunchType).toBeUndefined();
    expect(svc.Properties.PlatformVersion).toBeUndefined();
  });
});
