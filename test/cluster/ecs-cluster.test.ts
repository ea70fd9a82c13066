import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Token, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import * as fc from 'fast-check';
import { EcsCluster, EcsClusterProps } from '../../src/cluster';
import { EcsKitError } from '../../src/errors';
import { StandardTesting } from '../../src/standards';

function setup(props: Partial<EcsClusterProps> = {}) {
  const stack = new Stack();
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  const cluster = new EcsCluster(stack, 'Cluster', { vpc, ...props });
  return { stack, vpc, cluster };
}

describe('EcsCluster defaults', () => {
  const { stack, cluster } = setup();
  const t = Template.fromStack(stack);

  test('Container Insights ENABLED (not ENHANCED)', () => {
    t.hasResourceProperties('AWS::ECS::Cluster', { ClusterSettings: [{ Name: 'containerInsights', Value: 'enabled' }] });
  });

  test('Fargate and Fargate Spot registered with a FARGATE default strategy', () => {
    t.hasResourceProperties('AWS::ECS::ClusterCapacityProviderAssociations', {
      Cluster: { Ref: stack.getLogicalId(cluster.cfnCluster) },
      CapacityProviders: ['FARGATE', 'FARGATE_SPOT'],
      DefaultCapacityProviderStrategy: [{ CapacityProvider: 'FARGATE', Weight: 1 }],
    });
    expect(cluster.cluster.hasEc2Capacity).toBe(false);
  });

  test('no ECS Exec configuration, log group or key unless enabled', () => {
    t.resourceCountIs('AWS::Logs::LogGroup', 0);
    t.resourceCountIs('AWS::KMS::Key', 0);
    t.hasResourceProperties('AWS::ECS::Cluster', { Configuration: Match.absent(), ClusterName: Match.absent() });
  });

  test('snapshot', () => {
    expect(t.toJSON()).toMatchSnapshot();
  });
});

describe('EcsCluster options', () => {
  test('ECS Exec logs to a KMS-encrypted log group with one-year retention', () => {
    const { stack, cluster } = setup({ enableExecuteCommand: true });
    const t = Template.fromStack(stack);
    const groupId = stack.getLogicalId(cluster.executeCommandLogGroup!.node.defaultChild as any);
    t.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365, KmsKeyId: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] } });
    t.hasResourceProperties('AWS::ECS::Cluster', {
      Configuration: { ExecuteCommandConfiguration: { Logging: 'OVERRIDE', LogConfiguration: { CloudWatchEncryptionEnabled: true, CloudWatchLogGroupName: { Ref: groupId } } } },
    });
    t.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({ Sid: 'CloudWatchLogs', Principal: { Service: { 'Fn::Join': ['', ['logs.', { Ref: 'AWS::Region' }, '.amazonaws.com']] } } }),
          Match.objectLike({ Sid: 'CreateGrantForAwsServicesOnly', Effect: 'Deny', Action: 'kms:CreateGrant' }),
        ]),
      },
    });
  });

  test('ENHANCED is opt-in; explicit name passes through', () => {
    const { stack } = setup({ containerInsights: ecs.ContainerInsights.ENHANCED, clusterName: 'team-a_prod-1' });
    Template.fromStack(stack).hasResourceProperties('AWS::ECS::Cluster', {
      ClusterName: 'team-a_prod-1', ClusterSettings: [{ Name: 'containerInsights', Value: 'enhanced' }],
    });
  });

  test('several clusters in one stack: no fixed names, no shared singletons', () => {
    const { stack, vpc } = setup({ enableExecuteCommand: true });
    const second = new EcsCluster(stack, 'Second', { vpc, enableExecuteCommand: true });
    second.addEc2Capacity('Ec2');
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::ECS::Cluster', 2);
    t.resourceCountIs('AWS::ECS::ClusterCapacityProviderAssociations', 2);
    t.resourceCountIs('AWS::Logs::LogGroup', 2);
    t.resourceCountIs('AWS::KMS::Key', 2);
  });

  test('default strategy can move to the EC2 provider after it is added', () => {
    const { stack, cluster } = setup();
    const capacity = cluster.addEc2Capacity('Ec2');
    cluster.useDefaultCapacityProviderStrategy([{ capacityProvider: capacity.capacityProviderName, weight: 1, base: 1 }]);
    Template.fromStack(stack).hasResourceProperties('AWS::ECS::ClusterCapacityProviderAssociations', {
      DefaultCapacityProviderStrategy: [{ CapacityProvider: { Ref: stack.getLogicalId(capacity.cfnCapacityProvider) }, Weight: 1, Base: 1 }],
    });
  });

  test('addCapacityDependency makes a dependent wait for the association', () => {
    const { stack, cluster } = setup();
    const dependent = new ec2.SecurityGroup(stack, 'Dependent', { vpc: cluster.vpc });
    cluster.addCapacityDependency(dependent);
    const sg = Object.values(Template.fromStack(stack).findResources('AWS::EC2::SecurityGroup'))[0];
    const assoc = Object.keys(Template.fromStack(stack).findResources('AWS::ECS::ClusterCapacityProviderAssociations'))[0];
    expect(sg.DependsOn).toEqual(expect.arrayContaining([assoc, stack.getLogicalId(cluster.cfnCluster)]));
  });
});

describe('EcsCluster grants', () => {
  test('grantDescribe and grantOperate create managed policies scoped to this cluster', () => {
    const { stack, cluster } = setup();
    const role = new iam.Role(stack, 'Team', { assumedBy: new iam.AccountRootPrincipal() });
    const describePolicy = cluster.describePolicy(role);
    const operatePolicy = cluster.operatePolicy(role);
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::IAM::Policy', 0);
    t.resourceCountIs('AWS::IAM::ManagedPolicy', 2);
    const policies = t.findResources('AWS::IAM::ManagedPolicy');
    const describeDoc = policies[stack.getLogicalId(describePolicy.node.defaultChild as any)].Properties;
    const operateDoc = policies[stack.getLogicalId(operatePolicy.node.defaultChild as any)].Properties;
    expect(describeDoc.Roles).toEqual([{ Ref: stack.getLogicalId(role.node.defaultChild as any) }]);
    const clusterArn = { 'Fn::GetAtt': [stack.getLogicalId(cluster.cfnCluster), 'Arn'] };
    const stmts = (doc: any) => Object.fromEntries(doc.PolicyDocument.Statement.map((s: any) => [s.Sid, s]));
    const d = stmts(describeDoc);
    expect(d.Cluster.Resource).toEqual(clusterArn);
    expect(d.Members.Condition).toEqual({ ArnEquals: { 'ecs:cluster': clusterArn } });
    expect(d.ListServices.Condition).toEqual({ ArnEquals: { 'ecs:cluster': clusterArn } });
    expect(d.Members.Action).not.toContain('ecs:UpdateService');
    expect(JSON.stringify(d.Members.Resource)).toContain(':service/');
    const o = stmts(operateDoc);
    expect(o.Members.Action).toEqual(expect.arrayContaining(['ecs:UpdateService', 'ecs:StopTask']));
    expect(o.ExecuteCommand.Action).toBe('ecs:ExecuteCommand');
  });

  test('grantDescribe/grantOperate return an iam.Grant, as aws-cdk-lib\'s grants do, backed by a managed policy', () => {
    const { stack, cluster } = setup();
    const role = new iam.Role(stack, 'Team', { assumedBy: new iam.AccountRootPrincipal() });
    const grant = cluster.grantOperate(role);
    expect(grant).toBeInstanceOf(iam.Grant);
    expect(grant.success).toBe(true);
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::IAM::Policy', 0);
    t.resourceCountIs('AWS::IAM::ManagedPolicy', 1);
  });

  test('AwsSolutions passes on the grant policies: each wildcard is acknowledged with the reason of its statement', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'grants-')) });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    const stack = new Stack(app, 'Ops');
    const cluster = new EcsCluster(stack, 'Cluster', { vpc: new ec2.Vpc(stack, 'Vpc', { natGateways: 0, subnetConfiguration: [{ name: 'a', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] }) });
    const role = new iam.Role(stack, 'Team', { assumedBy: new iam.AccountRootPrincipal() });
    cluster.grantDescribe(role);
    cluster.grantOperate(role);
    const report = StandardTesting.synthReport(app);
    const onGrants = (list: { finding: { path: string; ruleId: string } }[]) => list.filter((x) => /Cluster\/(Describe|Operate)Policy/.test(x.finding.path));
    expect(onGrants(report.findings.map((f) => ({ finding: f })))).toEqual([]);
    const acks = onGrants(report.acknowledged) as unknown as { finding: { ruleId: string }; reason: string }[];
    // Describe: ListServices (*) and the three member types; Operate: the same and ExecuteCommand on tasks.
    expect(acks.filter((a) => a.finding.ruleId === 'AwsSolutions-IAM5[Resource::*]')).toHaveLength(2);
    expect(acks.filter((a) => /service\/<Cluster\w+>\/\*\]$/.test(a.finding.ruleId))).toHaveLength(2);
    expect(acks.every((a) => /this cluster/.test(a.reason))).toBe(true);
  });

  test('KIT-CLUSTER-GRANTEE for a principal that is neither role nor user', () => {
    const { cluster } = setup();
    expect(() => cluster.grantDescribe(new iam.ServicePrincipal('ecs.amazonaws.com'))).toThrow(/\[KIT-CLUSTER-GRANTEE\]/);
  });
});

describe('EcsCluster validation', () => {
  const codeOf = (fn: () => unknown): string => {
    try {
      fn();
    } catch (e) {
      if (e instanceof EcsKitError) return e.code;
      throw e;
    }
    return 'none';
  };

  test.each([
    ['', 'is empty'], ['a'.repeat(256), 'is 256 characters long'], ['team a', 'contains " "'], ['team.a', 'contains "."'],
  ])('ECS-SV-30 for cluster name %j', (name, text) => {
    expect(() => setup({ clusterName: name })).toThrow(new RegExp(`\\[ECS-SV-30\\] clusterName '${name}' ${text.replace(/[.[\]]/g, '\\$&')}`));
  });

  test('cluster names from [a-zA-Z0-9_-]{1,255} are accepted; tokens are skipped', () => {
    fc.assert(fc.property(fc.stringMatching(/^[a-zA-Z0-9_-]{1,255}$/), (name) => {
      expect(codeOf(() => setup({ clusterName: name }))).toBe('none');
    }), { numRuns: 10 });
    expect(codeOf(() => setup({ clusterName: Token.asString({ Ref: 'Name' }) }))).toBe('none');
  });

  test.each([
    ['ECS-SV-03', [{ capacityProvider: 'FARGATE', weight: 1001 }]],
    ['ECS-SV-03', [{ capacityProvider: 'FARGATE', base: 100_001, weight: 1 }]],
    ['ECS-SV-03', [{ capacityProvider: 'FARGATE' }]],
    ['ECS-SV-03', []],
    ['ECS-SV-02', [{ capacityProvider: 'FARGATE', base: 1, weight: 1 }, { capacityProvider: 'FARGATE_SPOT', base: 1, weight: 1 }]],
    ['ECS-SV-05', [{ capacityProvider: 'not-added', weight: 1 }]],
  ] as [string, ecs.CapacityProviderStrategy[]][])('%s for default strategy %j', (code, strategy) => {
    expect(codeOf(() => setup({ defaultCapacityProviderStrategy: strategy }))).toBe(code);
  });

  test('ECS-SV-04 when a strategy mixes Fargate and EC2 providers', () => {
    const { cluster } = setup();
    const capacity = cluster.addEc2Capacity('Ec2');
    expect(codeOf(() => cluster.useDefaultCapacityProviderStrategy([
      { capacityProvider: 'FARGATE', weight: 1 }, { capacityProvider: capacity.capacityProviderName, weight: 1 },
    ]))).toBe('ECS-SV-04');
  });

  test('strategy weights and bases in range are accepted', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 100_000 }), (weight, base) => {
      expect(codeOf(() => setup({ defaultCapacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight, base }] }))).toBe('none');
    }), { numRuns: 10 });
  });
});
