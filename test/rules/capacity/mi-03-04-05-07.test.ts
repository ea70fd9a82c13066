import { MI03_REQUIREMENT_RANGES as mi03 } from '../../../src/rules/capacity/mi-03-requirement-ranges';
import { MI04_PROVIDER_ESSENTIALS as mi04 } from '../../../src/rules/capacity/mi-04-provider-essentials';
import { MI05_INSTANCE_ROLE_NAME as mi05 } from '../../../src/rules/capacity/mi-05-instance-role-name';
import { MI07_SCALE_IN_AFTER as mi07 } from '../../../src/rules/capacity/mi-07-scale-in-after';
import { check, Resources } from '../helpers';
import { TOKEN } from '../task/fixtures';

const POLICY = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AmazonECSInfrastructureRolePolicyForManagedInstances']] };
const launchTemplate = (lt: Record<string, unknown> = {}) => ({
  Ec2InstanceProfileArn: { 'Fn::GetAtt': ['Profile', 'Arn'] },
  NetworkConfiguration: { Subnets: ['subnet-1'], SecurityGroups: ['sg-1'] },
  ...lt,
});
const provider = (lt: Record<string, unknown> = {}, mi: Record<string, unknown> = {}) => ({
  Type: 'AWS::ECS::CapacityProvider',
  Properties: { ManagedInstancesProvider: { InfrastructureRoleArn: { 'Fn::GetAtt': ['Infra', 'Arn'] }, InstanceLaunchTemplate: launchTemplate(lt), ...mi } },
});
const req = (r: Record<string, unknown>) => provider({ InstanceRequirements: { VCpuCount: { Min: 1 }, MemoryMiB: { Min: 1024 }, ...r } });

describe('ECS-MI-03 instance requirement ranges', () => {
  test('bad: VCpuCount Min above Max; negative MemoryMiB Min', () => {
    const [f] = check(mi03, { P: req({ VCpuCount: { Min: 8, Max: 4 } }) });
    expect(f).toMatchObject({ ruleId: 'ECS-MI-03', property: 'Properties/ManagedInstancesProvider/InstanceLaunchTemplate/InstanceRequirements/VCpuCount/Min' });
    expect(f.message).toContain('VCpuCount Min 8 is above Max 4');
    expect(check(mi03, { P: req({ MemoryMiB: { Min: -1 } }) })[0].message).toContain('MemoryMiB Min -1 is negative');
    expect(check(mi03, { P: req({ NetworkBandwidthGbps: { Min: 10, Max: 5 } }) })).toHaveLength(1);
  });
  test('good: Min equal to Max, open ranges, no requirements, ASG providers', () => {
    expect(check(mi03, { P: req({ VCpuCount: { Min: 4, Max: 4 }, MemoryMiB: { Min: 0 } }) })).toEqual([]);
    expect(check(mi03, { P: provider() })).toEqual([]);
    expect(check(mi03, { P: { Type: 'AWS::ECS::CapacityProvider', Properties: { AutoScalingGroupProvider: { AutoScalingGroupArn: 'a' } } } })).toEqual([]);
  });
  test('skipped: token bounds', () => {
    expect(check(mi03, { P: req({ VCpuCount: { Min: TOKEN, Max: 4 } }) })).toEqual([]);
    expect(check(mi03, { P: req({ VCpuCount: { Min: 8, Max: { Ref: 'Max' } } }) })).toEqual([]);
  });
});

describe('ECS-MI-04 infrastructure role, instance profile and subnets', () => {
  test('bad: no infrastructure role; no instance profile; empty subnets', () => {
    const [f] = check(mi04, { P: provider({}, { InfrastructureRoleArn: '' }) });
    expect(f).toMatchObject({ ruleId: 'ECS-MI-04', property: 'Properties/ManagedInstancesProvider/InfrastructureRoleArn' });
    expect(check(mi04, { P: provider({ Ec2InstanceProfileArn: undefined }) })[0].property).toContain('Ec2InstanceProfileArn');
    expect(check(mi04, { P: provider({ NetworkConfiguration: { Subnets: [] } }) })[0].message).toContain('lists no subnets');
  });
  test('good: all present', () => expect(check(mi04, { P: provider() })).toEqual([]));
  test('skipped: token network configuration and subnet list', () => {
    expect(check(mi04, { P: provider({ NetworkConfiguration: { Ref: 'Net' } }) })).toEqual([]);
    expect(check(mi04, { P: provider({ NetworkConfiguration: { Subnets: { 'Fn::Split': [',', { Ref: 'Subnets' }] } } }) })).toEqual([]);
  });
});

describe('ECS-MI-05 instance role named ecsInstanceRole* with the AWS managed infrastructure policy', () => {
  const infra = (extra: Record<string, unknown> = {}) => ({ Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: {}, ManagedPolicyArns: [POLICY], ...extra } });
  const profile = { Type: 'AWS::IAM::InstanceProfile', Properties: { Roles: [{ Ref: 'InstanceRole' }] } };
  const role = (name?: unknown) => ({ Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: {}, ...(name === undefined ? {} : { RoleName: name }) } });
  const app = (name?: unknown, infraRole = infra(), extra: Resources = {}): Resources =>
    ({ P: provider(), Infra: infraRole, Profile: profile, InstanceRole: role(name), ...extra });
  test('bad: generated role name; a name without the prefix', () => {
    const [f] = check(mi05, app());
    expect(f).toMatchObject({ ruleId: 'ECS-MI-05', property: 'Properties/ManagedInstancesProvider/InstanceLaunchTemplate/Ec2InstanceProfileArn' });
    expect(f.message).toContain('CloudFormation-generated name');
    expect(check(mi05, app('MyInstanceRole'))[0].message).toContain("named 'MyInstanceRole'");
  });
  test('good: prefixed name; an infrastructure role with its own PassRole policy', () => {
    expect(check(mi05, app('ecsInstanceRole-web'))).toEqual([]);
    expect(check(mi05, app('MyInstanceRole', infra({ Policies: [{ PolicyName: 'pass', PolicyDocument: {} }] })))).toEqual([]);
    const attached = { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: {}, Roles: [{ Ref: 'Infra' }] } };
    expect(check(mi05, app(undefined, infra(), { Pass: attached }))).toEqual([]);
  });
  test('a name joined from a literal start and the Region is judged by its start', () => {
    const joined = (start: string) => ({ 'Fn::Join': ['', [start, { Ref: 'AWS::Region' }]] });
    expect(check(mi05, app(joined('ecsInstanceRole-web-')))).toEqual([]);
    expect(check(mi05, app(joined('web-instance-role-')))[0].message).toContain("named 'web-instance-role-'");
    expect(check(mi05, app(joined('ecs')))).toEqual([]); // too short to decide
  });
  test('skipped: token role name; imported roles', () => {
    expect(check(mi05, app(TOKEN))).toEqual([]);
    expect(check(mi05, { P: provider({ Ec2InstanceProfileArn: 'arn:aws:iam::1:instance-profile/x' }), Infra: infra() })).toEqual([]);
  });
});

describe('ECS-MI-07 ScaleInAfter', () => {
  const opt = (v: unknown) => provider({}, { InfrastructureOptimization: { ScaleInAfter: v } });
  test('bad: 3601 and -2', () => {
    const [f] = check(mi07, { P: opt(3601) });
    expect(f).toMatchObject({ ruleId: 'ECS-MI-07', property: 'Properties/ManagedInstancesProvider/InfrastructureOptimization/ScaleInAfter' });
    expect(check(mi07, { P: opt(-2) })).toHaveLength(1);
  });
  test('good: -1, 0 and 3600', () => { for (const v of [-1, 0, 3600]) expect(check(mi07, { P: opt(v) })).toEqual([]); });
  test('skipped: token', () => expect(check(mi07, { P: opt(TOKEN) })).toEqual([]));
});
