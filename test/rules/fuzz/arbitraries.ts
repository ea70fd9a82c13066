/**
 * fast-check generators of hostile CloudFormation: odd property shapes,
 * every intrinsic in odd places, huge and empty values, and realistic
 * templates with random parts replaced. Shared by the engine and plugin fuzz
 * tests.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as fc from 'fast-check';
import { CfnTemplate } from '../../../src/rules/model';

/** One seed for every fuzz test, logged by each; override with FUZZ_SEED. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20240919);

/** Resource types the rules read, plus neighbours and nonsense. */
export const RULE_TYPES = [
  'AWS::ECS::Service', 'AWS::ECS::TaskDefinition', 'AWS::ECS::Cluster', 'AWS::ECS::CapacityProvider',
  'AWS::ECS::ClusterCapacityProviderAssociations', 'AWS::ECS::TaskSet', 'AWS::ECR::Repository',
  'AWS::ECR::ReplicationConfiguration', 'AWS::ECR::RegistryScanningConfiguration', 'AWS::ECR::PullThroughCacheRule',
  'AWS::EC2::Subnet', 'AWS::EC2::VPC', 'AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress',
  'AWS::EC2::RouteTable', 'AWS::EC2::Route', 'AWS::EC2::SubnetRouteTableAssociation', 'AWS::EC2::InternetGateway',
  'AWS::EC2::VPCGatewayAttachment', 'AWS::EC2::VPCEndpoint', 'AWS::EC2::NatGateway',
  'AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::ElasticLoadBalancingV2::Listener',
  'AWS::ElasticLoadBalancingV2::ListenerRule', 'AWS::ElasticLoadBalancingV2::TargetGroup',
  'AWS::IAM::Role', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::RolePolicy',
  'AWS::Logs::LogGroup', 'AWS::Scheduler::Schedule', 'AWS::Events::Rule', 'AWS::SecretsManager::Secret',
  'AWS::SecretsManager::ResourcePolicy', 'AWS::SSM::Parameter', 'AWS::AutoScaling::AutoScalingGroup',
  'AWS::ApplicationAutoScaling::ScalableTarget', 'AWS::CloudFormation::Stack', 'AWS::CDK::Metadata',
  'AWS::ServiceDiscovery::Service', 'Custom::Thing', 'AWS::Nope::Nope', '', 'AWS::ECS::Service ',
];

/** Property names found in real ECS templates, so random objects hit the paths rules read. */
export const PROPERTY_KEYS = [
  'ContainerDefinitions', 'Name', 'Image', 'Essential', 'Memory', 'MemoryReservation', 'Cpu', 'PortMappings',
  'ContainerPort', 'HostPort', 'Protocol', 'AppProtocol', 'ContainerPortRange', 'NetworkMode', 'RequiresCompatibilities',
  'RuntimePlatform', 'OperatingSystemFamily', 'CpuArchitecture', 'HealthCheck', 'Command', 'Interval', 'Timeout',
  'Retries', 'StartPeriod', 'DependsOn', 'Condition', 'ContainerName', 'Links', 'LogConfiguration', 'LogDriver',
  'Options', 'SecretOptions', 'Secrets', 'ValueFrom', 'Environment', 'Value', 'ExecutionRoleArn', 'TaskRoleArn',
  'Family', 'EphemeralStorage', 'SizeInGiB', 'Ulimits', 'LinuxParameters', 'Capabilities', 'RestartPolicy',
  'CredentialSpecs', 'FirelensConfiguration', 'Type', 'ReadonlyRootFilesystem', 'Cluster', 'TaskDefinition',
  'DesiredCount', 'LaunchType', 'CapacityProviderStrategy', 'CapacityProvider', 'Weight', 'Base',
  'NetworkConfiguration', 'AwsvpcConfiguration', 'Subnets', 'SecurityGroups', 'AssignPublicIp', 'LoadBalancers',
  'TargetGroupArn', 'ServiceRegistries', 'RegistryArn', 'EnableExecuteCommand', 'DeploymentConfiguration',
  'SchedulingStrategy', 'ServiceName', 'ClusterName', 'Configuration', 'ExecuteCommandConfiguration', 'Logging',
  'LogConfiguration', 'AutoScalingGroupProvider', 'AutoScalingGroupArn', 'ManagedScaling', 'TargetCapacity',
  'MinimumScalingStepSize', 'MaximumScalingStepSize', 'InstanceWarmupPeriod', 'ManagedTerminationProtection',
  'CapacityProviders', 'DefaultCapacityProviderStrategy', 'Tags', 'Key', 'RepositoryName', 'VpcId', 'CidrBlock',
  'MapPublicIpOnLaunch', 'SecurityGroupIngress', 'FromPort', 'ToPort', 'IpProtocol', 'SourceSecurityGroupId',
  'CidrIp', 'GroupId', 'RouteTableId', 'SubnetId', 'GatewayId', 'NatGatewayId', 'DestinationCidrBlock',
  'ServiceName', 'VpcEndpointType', 'PrivateDnsEnabled', 'Scheme', 'Port', 'Listeners', 'DefaultActions',
  'TargetType', 'HealthCheckPath', 'LoadBalancerArn', 'Policies', 'PolicyDocument', 'Statement', 'Effect',
  'Action', 'Resource', 'Principal', 'Roles', 'ManagedPolicyArns', 'AssumeRolePolicyDocument', 'Target', 'Arn',
  'EcsParameters', 'TaskDefinitionArn', 'TaskCount', 'LogGroupName', 'Targets', 'ProtectedFromScaleIn',
  'NewInstancesProtectedFromScaleIn', 'MinSize', 'MaxSize', 'ManagedInstancesProvider', 'InstanceRequirements',
  'VCpuCount', 'Min', 'Max', 'MemoryMiB', 'Volumes', 'MountPoints', 'VolumesFrom', 'PlacementConstraints',
];

const TOKEN_STRINGS = ['${Token[TOKEN.123]}', '${Token[AWS.AccountId.4]}', '#{Token[TOKEN.9]}', '[TOKEN.77]', '-1.8881545897087626e+289'];

/** Scalars: real-looking values, empties, huge strings and numbers, tokens. */
export const scalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('', ' ', 'FARGATE', 'EC2', 'EXTERNAL', 'awsvpc', 'bridge', 'host', 'none', 'true', 'false', 'HEALTHY',
    'COMPLETE', 'START', 'SUCCESS', 'awslogs', 'awsfirelens', 'tcp', 'udp', 'http', 'LINUX', 'WINDOWS_SERVER_2022_CORE',
    'ENABLED', 'DISABLED', '256', '512', '1 vCPU', '2 GB', '0.5gb', '-1', '1e400', 'NaN', 'nginx:latest',
    '123456789012.dkr.ecr.us-east-1.amazonaws.com/repo:tag', 'arn:aws:iam::123456789012:role/x', '0.0.0.0/0', '::/0',
    'CMD-SHELL', 'secretsmanager:GetSecretValue', '*', '__proto__', 'constructor', 'toString', 'hasOwnProperty', ...TOKEN_STRINGS),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.constantFrom(0, -0, 1, -1, 2 ** 31, -(2 ** 53), Number.MAX_SAFE_INTEGER, Number.MAX_VALUE, Number.MIN_VALUE,
    1e308, -1.8881545897087626e+289, 0.5, NaN, Infinity, -Infinity),
  fc.integer({ min: -100000, max: 100000 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.integer({ min: 1000, max: 200_000 }).map((n) => 'x'.repeat(n)),
);

/** Every intrinsic, in its usual and odd argument shapes, around `inner`. */
export function intrinsic(inner: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const name = fc.oneof(fc.constantFrom('TaskDef', 'Service', 'Cluster', 'Role', 'Self', 'AWS::Region', 'AWS::NoValue',
    'AWS::AccountId', 'Param', 'Missing'), fc.string({ maxLength: 6 }));
  return fc.oneof(
    fc.record({ Ref: fc.oneof(name, inner) }),
    fc.record({ 'Fn::GetAtt': fc.oneof(fc.tuple(name, name), name.map((n) => `${n}.Arn`), fc.array(inner, { maxLength: 3 }), inner) }),
    fc.record({ 'Fn::Join': fc.oneof(fc.tuple(fc.oneof(fc.constantFrom('', ':', '/'), inner), fc.array(inner, { maxLength: 4 })), inner) }),
    fc.record({ 'Fn::Sub': fc.oneof(fc.constantFrom('${AWS::Region}', 'plain', '${Self.Arn}-${!Literal}', '${'), fc.tuple(fc.string({ maxLength: 8 }), fc.dictionary(fc.string({ maxLength: 4 }), inner, { maxKeys: 2 })), inner) }),
    fc.record({ 'Fn::Select': fc.oneof(fc.tuple(fc.oneof(fc.nat(5), fc.constant('0'), inner), fc.oneof(fc.array(inner, { maxLength: 3 }), inner)), inner) }),
    fc.record({ 'Fn::Split': fc.oneof(fc.tuple(fc.constantFrom(',', ''), inner), inner) }),
    fc.record({ 'Fn::If': fc.oneof(fc.tuple(name, inner, inner), fc.array(inner, { maxLength: 4 }), inner) }),
    fc.record({ 'Fn::ImportValue': fc.oneof(fc.constantFrom('ExportA', 'ExportB', 'Loop'), inner) }),
    fc.record({ 'Fn::FindInMap': fc.oneof(fc.tuple(name, name, name), inner) }),
    fc.record({ 'Fn::Base64': inner }),
    fc.record({ 'Fn::Cidr': fc.oneof(fc.tuple(inner, fc.nat(300), fc.nat(300)), inner) }),
    fc.record({ 'Fn::GetAZs': fc.oneof(fc.constantFrom('', 'us-east-1'), inner) }),
    fc.record({ Condition: fc.oneof(name, inner) }),
    fc.record({ 'Fn::Transform': inner }),
    fc.record({ 'Fn::Nope': inner }),
  );
}

/** JSON-ish values of any shape: objects where strings belong and the reverse. */
export const odd: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    intrinsic(tie('v')),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...PROPERTY_KEYS), fc.string({ maxLength: 5 })), tie('v'), { maxKeys: 5 }),
  ),
})).v;

/** A resource with a chosen or random type and odd parts. */
export const resource: fc.Arbitrary<unknown> = fc.record({
  Type: fc.oneof(fc.constantFrom(...RULE_TYPES), fc.string({ maxLength: 10 })),
  Properties: fc.oneof(
    { weight: 4, arbitrary: fc.dictionary(fc.constantFrom(...PROPERTY_KEYS), odd, { maxKeys: 8 }) },
    { weight: 1, arbitrary: odd },
  ),
  Metadata: fc.option(fc.oneof(fc.record({ 'aws:cdk:path': fc.oneof(fc.constantFrom('', '/', 'A/B/Resource', '//'), odd) }), odd)),
  DependsOn: fc.option(odd),
  Condition: fc.option(odd),
}, { requiredKeys: ['Type'] });

/** Outputs of odd shape, with exports that import each other. */
export const outputs: fc.Arbitrary<unknown> = fc.oneof(
  fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(
    fc.record({
      Value: fc.oneof(odd, fc.constantFrom({ 'Fn::ImportValue': 'Loop' }, { 'Fn::ImportValue': { 'Fn::ImportValue': 'Loop' } },
        { Ref: 'Self' }, { 'Fn::GetAtt': ['Self', 'Arn'] })),
      Export: fc.oneof(fc.record({ Name: fc.oneof(fc.constantFrom('Loop', 'ExportA', 'ExportB'), odd) }), odd),
    }, { requiredKeys: [] }),
    odd,
  ), { maxKeys: 4 }),
  odd,
);

/** A random template: mostly a Resources map, with odd Outputs and sections. */
export const randomTemplate: fc.Arbitrary<Record<string, unknown>> = fc.record({
  Resources: fc.dictionary(fc.oneof(fc.constantFrom('Self', 'TaskDef', 'Service', 'Cluster', 'Role', 'Param'), fc.string({ maxLength: 8 })),
    fc.oneof({ weight: 9, arbitrary: resource }, { weight: 1, arbitrary: odd }), { maxKeys: 8 }),
  Outputs: fc.option(outputs),
  Parameters: fc.option(odd),
  Conditions: fc.option(odd),
}, { requiredKeys: ['Resources'] });

/** Templates from test/fixtures plus any given: realistic starting points for mutation. */
export function fixtureTemplates(): CfnTemplate[] {
  const root = path.join(__dirname, '..', '..', 'fixtures', 'templates');
  return ['good', 'cfn-lint'].flatMap((dir) => fs.readdirSync(path.join(root, dir))
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(fs.readFileSync(path.join(root, dir, f), 'utf8')) as CfnTemplate));
}

type Json = unknown;
type Slot = { parent: Record<string, Json> | Json[]; key: string | number };

/** Every slot (object key or array index) under a value, depth first. */
export function slotsOf(value: Json, out: Slot[] = []): Slot[] {
  if (Array.isArray(value)) {
    value.forEach((v, i) => { out.push({ parent: value, key: i }); slotsOf(v, out); });
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) { out.push({ parent: value as Record<string, Json>, key: k }); slotsOf(v, out); }
  }
  return out;
}

export type Mutation = { at: number; kind: 'replace' | 'delete' | 'wrap' | 'stringify' | 'intrinsic'; value: unknown };

export const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('replace', 'replace', 'delete', 'wrap', 'stringify', 'intrinsic'),
  value: odd,
});

/** A deep copy of a template with the mutations applied at (wrapped) slot indexes of its Resources and Outputs. */
export function mutate(template: CfnTemplate, mutations: readonly Mutation[]): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(template)) as Record<string, unknown>;
  for (const m of mutations) {
    const root = { Resources: copy.Resources, Outputs: copy.Outputs };
    const slots = slotsOf(root).filter((s) => s.parent !== root);
    if (slots.length === 0) break;
    const { parent, key } = slots[m.at % slots.length];
    const current = (parent as Record<string | number, Json>)[key];
    const set = (v: Json) => { (parent as Record<string | number, Json>)[key] = v; };
    if (m.kind === 'replace') {set(m.value);} else if (m.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key as string];
    } else if (m.kind === 'wrap') {set([current]);} else if (m.kind === 'stringify') {set(JSON.stringify(current) ?? 'undefined');} else {set({ 'Fn::If': ['Cond', current, m.value] });}
  }
  return copy;
}
