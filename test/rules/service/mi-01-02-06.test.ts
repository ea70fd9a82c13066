import { MI01_NO_PROVIDER_MIX as mi01 } from '../../../src/rules/service/mi-01-no-provider-mix';
import { MI02_TASK_COMPATIBILITY as mi02 } from '../../../src/rules/service/mi-02-task-compatibility';
import { MI06_NO_PUBLIC_IP as mi06 } from '../../../src/rules/service/mi-06-no-public-ip';
import { SV05_PROVIDER_ASSOCIATED as sv05 } from '../../../src/rules/service/sv-05-provider-associated';
import { check, fargateTask, Resources } from '../helpers';
import { TOKEN } from '../task/fixtures';

const cluster = { Type: 'AWS::ECS::Cluster', Properties: {} };
const mi = { Type: 'AWS::ECS::CapacityProvider', Properties: { ClusterName: { Ref: 'Cluster' }, ManagedInstancesProvider: { InfrastructureRoleArn: 'arn:aws:iam::1:role/i', InstanceLaunchTemplate: {} } } };
const asg = { Type: 'AWS::ECS::CapacityProvider', Properties: { AutoScalingGroupProvider: { AutoScalingGroupArn: 'g' } } };
const miTask = fargateTask({ RequiresCompatibilities: ['MANAGED_INSTANCES'] });
const service = (strategy: unknown[], props: Record<string, unknown> = {}) => ({
  Type: 'AWS::ECS::Service',
  Properties: { Cluster: { Ref: 'Cluster' }, TaskDefinition: { Ref: 'Task' }, CapacityProviderStrategy: strategy, ...props },
});
const onMi = (props: Record<string, unknown> = {}, task = miTask): Resources => ({ Cluster: cluster, Mi: mi, Task: task, S: service([{ CapacityProvider: { Ref: 'Mi' }, Weight: 1 }], props) });

describe('ECS-MI-01 one provider type per strategy', () => {
  test('bad: Managed Instances with FARGATE; with an Auto Scaling group provider', () => {
    const [f] = check(mi01, { Mi: mi, S: service([{ CapacityProvider: { Ref: 'Mi' }, Weight: 1 }, { CapacityProvider: 'FARGATE', Weight: 1 }]) });
    expect(f).toMatchObject({ ruleId: 'ECS-MI-01', property: 'Properties/CapacityProviderStrategy/1/CapacityProvider' });
    expect(f.message).toContain('mixes Managed Instances providers');
    expect(check(mi01, { Mi: mi, Asg: asg, S: service([{ CapacityProvider: { Ref: 'Mi' }, Weight: 1 }, { CapacityProvider: { Ref: 'Asg' }, Weight: 1 }]) })).toHaveLength(1);
  });
  test('good: Managed Instances only; Fargate only', () => {
    expect(check(mi01, onMi())).toEqual([]);
    expect(check(mi01, { S: service([{ CapacityProvider: 'FARGATE', Weight: 1 }, { CapacityProvider: 'FARGATE_SPOT', Weight: 1 }]) })).toEqual([]);
  });
  test('skipped: token provider', () => {
    expect(check(mi01, { Mi: mi, S: service([{ CapacityProvider: { Ref: 'Mi' }, Weight: 1 }, { CapacityProvider: TOKEN, Weight: 1 }]) })).toEqual([]);
  });
});

describe('ECS-MI-02 task definition compatible with MANAGED_INSTANCES', () => {
  test('bad: a FARGATE-only task on a Managed Instances strategy', () => {
    const [f] = check(mi02, onMi({}, fargateTask()));
    expect(f).toMatchObject({ ruleId: 'ECS-MI-02', property: 'Properties/TaskDefinition' });
    expect(f.message).toContain('requires FARGATE');
  });
  test('good: MANAGED_INSTANCES task; Fargate service', () => {
    expect(check(mi02, onMi())).toEqual([]);
    expect(check(mi02, { Task: fargateTask(), S: service([{ CapacityProvider: 'FARGATE', Weight: 1 }]) })).toEqual([]);
  });
  test('skipped: token compatibilities; imported task definition', () => {
    expect(check(mi02, onMi({}, fargateTask({ RequiresCompatibilities: TOKEN })))).toEqual([]);
    expect(check(mi02, { Cluster: cluster, Mi: mi, S: service([{ CapacityProvider: { Ref: 'Mi' }, Weight: 1 }], { TaskDefinition: 'arn:aws:ecs:eu-west-1:1:task-definition/x:1' }) })).toEqual([]);
  });
});

describe('ECS-MI-06 no public IP on Managed Instances', () => {
  const net = (v: unknown) => ({ NetworkConfiguration: { AwsvpcConfiguration: { Subnets: ['s'], AssignPublicIp: v } } });
  test('bad: ENABLED', () => {
    const [f] = check(mi06, onMi(net('ENABLED')));
    expect(f).toMatchObject({ ruleId: 'ECS-MI-06', property: 'Properties/NetworkConfiguration/AwsvpcConfiguration/AssignPublicIp' });
  });
  test('good: DISABLED; ENABLED on Fargate', () => {
    expect(check(mi06, onMi(net('DISABLED')))).toEqual([]);
    expect(check(mi06, { Task: fargateTask(), S: service([{ CapacityProvider: 'FARGATE', Weight: 1 }], net('ENABLED')) })).toEqual([]);
  });
  test('skipped: token', () => expect(check(mi06, onMi(net(TOKEN)))).toEqual([]));
});

describe('ECS-SV-05 counts Managed Instances providers that name the cluster', () => {
  test('good: the provider\'s ClusterName is the service\'s cluster', () => expect(check(sv05, onMi())).toEqual([]));
  test('bad: the provider names another cluster', () => {
    const other = { ...mi, Properties: { ...mi.Properties, ClusterName: { Ref: 'Other' } } };
    expect(check(sv05, { ...onMi(), Other: cluster, Mi: other })[0]).toMatchObject({ ruleId: 'ECS-SV-05' });
  });
});

describe('ECS-SV-05: a Managed Instances provider in the cluster\'s default strategy (found by a Managed Instances user trial)', () => {
  // update-service-managed-instances.html: a Managed Instances provider can be the cluster's default; no association lists it.
  const assoc = (strategy: unknown[]) => ({
    Type: 'AWS::ECS::ClusterCapacityProviderAssociations',
    Properties: { Cluster: { Ref: 'Cluster' }, CapacityProviders: ['FARGATE', 'FARGATE_SPOT'], DefaultCapacityProviderStrategy: strategy },
  });
  test('good: the association\'s default strategy names the cluster\'s own Managed Instances provider', () => {
    expect(check(sv05, { Cluster: cluster, Mi: mi, Assoc: assoc([{ CapacityProvider: { Ref: 'Mi' }, Weight: 1 }]) })).toEqual([]);
  });
  test('bad: a Managed Instances provider of another cluster, or an Auto Scaling group provider the association does not list', () => {
    const other = { ...mi, Properties: { ...mi.Properties, ClusterName: { Ref: 'Other' } } };
    expect(check(sv05, { Cluster: cluster, Other: cluster, Mi: other, Assoc: assoc([{ CapacityProvider: { Ref: 'Mi' }, Weight: 1 }]) })).toHaveLength(1);
    expect(check(sv05, { Cluster: cluster, Asg: asg, Assoc: assoc([{ CapacityProvider: { Ref: 'Asg' }, Weight: 1 }]) })).toHaveLength(1);
  });
  test('skipped: the association\'s cluster does not resolve while a Managed Instances provider names one', () => {
    const outside = { ...assoc([{ CapacityProvider: { Ref: 'Mi' }, Weight: 1 }]), Properties: { ...assoc([]).Properties, Cluster: 'shared', DefaultCapacityProviderStrategy: [{ CapacityProvider: { Ref: 'Mi' }, Weight: 1 }] } };
    expect(check(sv05, { Mi: { ...mi, Properties: { ...mi.Properties, ClusterName: 'shared' } }, Assoc: outside })).toEqual([]);
  });
});
