import { clusterStack, expressService, REGION, Res, serviceStack } from './templates';
import { QuotaProfile } from '../../../src/quotas/quota-profile';
import { CP07_PROVIDERS_PER_CLUSTER as cp07 } from '../../../src/rules/quota/cp-07-providers-per-cluster';
import { QT01_CLUSTERS_PER_REGION as qt01 } from '../../../src/rules/quota/qt-01-clusters-per-region';
import { QT02_SERVICES_PER_CLUSTER as qt02 } from '../../../src/rules/quota/qt-02-services-per-cluster';
import { QT03_CONTAINER_INSTANCES_PER_CLUSTER as qt03 } from '../../../src/rules/quota/qt-03-container-instances-per-cluster';
import { assemblyOfStacks, checkAssembly } from '../helpers';

const legacy = QuotaProfile.legacy();
const current = QuotaProfile.current();

describe('ECS-QT-02 services per cluster, across stacks', () => {
  // 501 services on one shared cluster, named four ways from three stacks.
  const app = () => assemblyOfStacks([
    clusterStack('Shared'),
    serviceStack('SvcA', 200, { 'Fn::ImportValue': 'Shared:ClusterRef' }),
    serviceStack('SvcB', 200, 'shared'),
    serviceStack('SvcC', 100, 'arn:aws:ecs:us-east-1:111111111111:cluster/shared'),
    serviceStack('SvcD', 1, { 'Fn::ImportValue': 'Shared:ClusterArn' }),
  ]);

  test('bad: 501 services under legacy (500) names used, allowed, quota code and the stacks', () => {
    const findings = checkAssembly(qt02, app(), legacy);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'ECS-QT-02', severity: 'error', stack: 'Shared', logicalId: 'Cluster' });
    expect(findings[0].message).toContain('Cluster Shared/Cluster has 501 services; most from SvcA 200, SvcB 200, SvcC 100 (4 sources) at Shared/Cluster');
    expect(findings[0].message).toContain('allowed: 500 services (Services per cluster, legacy profile; today\'s AWS default is 5,000; adjustable, quota code L-9EF96962)');
    expect(findings[0].message).toContain('QuotaProfile.legacy().withOverrides({ servicesPerCluster: 501 })');
    expect(findings[0].message).toContain('--quotas FILE');
  });

  test('Express services count on their cluster: 500 services and one Express service cross legacy 500', () => {
    const express = { name: 'Express', environment: { region: REGION }, template: { Resources: { Api: expressService({ Cluster: 'shared' }) } } };
    const stacks = [clusterStack('Shared'), serviceStack('SvcA', 250, 'shared'), serviceStack('SvcB', 250, 'shared')];
    expect(checkAssembly(qt02, assemblyOfStacks(stacks), legacy)).toEqual([]);
    const [f] = checkAssembly(qt02, assemblyOfStacks([...stacks, express]), legacy);
    expect(f.message).toContain('Cluster Shared/Cluster has 501 services');
    // Without Cluster, an Express service runs on the Region's default cluster.
    const onDefault = { ...express, template: { Resources: { Api: expressService() } } };
    expect(checkAssembly(qt02, assemblyOfStacks([...stacks, onDefault]), legacy)).toEqual([]);
  });

  test('good: the same app under current (5,000), and legacy with the quota raised', () => {
    expect(checkAssembly(qt02, app(), current)).toEqual([]);
    expect(checkAssembly(qt02, app(), legacy.withOverrides({ servicesPerCluster: 501 }))).toEqual([]);
    expect(checkAssembly(qt02, app(), legacy.withOverrides({ servicesPerCluster: 500 }))).toHaveLength(1);
  });

  test('a cluster in another Region, or a different name, is another cluster', () => {
    const findings = checkAssembly(qt02, assemblyOfStacks([
      clusterStack('Shared'),
      serviceStack('SvcA', 300, 'shared'),
      serviceStack('SvcB', 300, 'arn:aws:ecs:eu-west-1:111111111111:cluster/shared'),
      serviceStack('SvcC', 300, 'other'),
    ]), legacy);
    expect(findings).toEqual([]);
  });

  test('an ARN built with Fn::Join of pseudo parameters names the cluster in the stack\'s Region', () => {
    const arn = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ecs:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':cluster/shared']] };
    const stacks = [clusterStack('Shared'), serviceStack('SvcA', 300, 'shared'), serviceStack('SvcB', 201, arn)];
    expect(checkAssembly(qt02, assemblyOfStacks(stacks), legacy)[0].message).toContain('Cluster Shared/Cluster has 501 services');
    const elsewhere = [clusterStack('Shared'), serviceStack('SvcA', 300, 'shared'), serviceStack('SvcB', 201, arn, 'eu-west-1')];
    expect(checkAssembly(qt02, assemblyOfStacks(elsewhere), legacy)).toEqual([]);
  });

  test('services without Cluster count toward the Region\'s default cluster', () => {
    const [f] = checkAssembly(qt02, assemblyOfStacks([serviceStack('A', 251, undefined), serviceStack('B', 250, undefined)]), legacy);
    expect(f.message).toContain(`Cluster default in ${REGION} (not in this app) has 501 services`);
    expect(f.property).toBe('Properties/Cluster');
  });

  test('skipped: a Cluster from a parameter or an unknown import is not guessed', () => {
    const findings = checkAssembly(qt02, assemblyOfStacks([
      clusterStack('Shared'),
      serviceStack('SvcA', 300, { Ref: 'ClusterParam' }),
      serviceStack('SvcB', 300, { 'Fn::ImportValue': 'NotExported' }),
    ]), legacy);
    expect(findings).toEqual([]);
  });
});

describe('ECS-QT-01 clusters per Region', () => {
  const clusters = (stack: string, count: number, region?: string, account?: string) => {
    const resources: Record<string, Res> = {};
    for (let i = 0; i < count; i++) resources[`C${i}`] = { Type: 'AWS::ECS::Cluster' };
    return { name: stack, environment: { region, account }, template: { Resources: resources } };
  };

  test('bad: 1,001 clusters in one Region over three stacks under legacy', () => {
    const findings = checkAssembly(qt01, assemblyOfStacks([clusters('A', 600, REGION), clusters('B', 300, REGION), clusters('C', 101, REGION)]), legacy);
    expect(findings).toHaveLength(1);
    expect(findings[0].stack).toBe('A');
    expect(findings[0].message).toContain('Region us-east-1 gets 1,001 ECS clusters from this app; most from A 600, B 300, C 101');
    expect(findings[0].message).toContain('allowed: 1,000 clusters');
    expect(findings[0].message).toContain('L-21C621EB');
    expect(checkAssembly(qt01, assemblyOfStacks([clusters('A', 600, REGION), clusters('B', 401, REGION)]), current)).toEqual([]);
  });

  test('Regions count apart; env-agnostic stacks share one unknown Region', () => {
    expect(checkAssembly(qt01, assemblyOfStacks([clusters('A', 600, 'us-east-1'), clusters('B', 600, 'eu-west-1')]), legacy)).toEqual([]);
    const [f] = checkAssembly(qt01, assemblyOfStacks([clusters('A', 600), clusters('B', 401)]), legacy);
    expect(f.message).toContain('Region unknown (env-agnostic stacks) gets 1,001 ECS clusters');
  });

  test('accounts count apart: stacks of two accounts in one Region are two quotas (found by a user trial)', () => {
    const two = [clusters('TeamA', 600, REGION, '111111111111'), clusters('TeamB', 600, REGION, '222222222222')];
    expect(checkAssembly(qt01, assemblyOfStacks(two), legacy)).toEqual([]);
    const [f] = checkAssembly(qt01, assemblyOfStacks([...two, clusters('TeamA2', 401, REGION, '111111111111')]), legacy);
    expect(f.message).toContain('Region us-east-1 of account 111111111111 gets 1,001 ECS clusters from this app; most from TeamA 600, TeamA2 401');
  });
});

describe('ECS-CP-07 and ECS-QT-03: capacity providers and container instances per cluster', () => {
  const asgProvider = (id: string, maxSize: unknown): Record<string, Res> => ({
    [`${id}Asg`]: { Type: 'AWS::AutoScaling::AutoScalingGroup', Properties: { MaxSize: maxSize, MinSize: '0' } },
    [`${id}Provider`]: {
      Type: 'AWS::ECS::CapacityProvider',
      Properties: { AutoScalingGroupProvider: { AutoScalingGroupArn: { Ref: `${id}Asg` } } },
    },
  });
  const capacityApp = (sizes: unknown[], extraNames: string[] = []) => {
    const extra: Record<string, Res> = {};
    sizes.forEach((s, i) => Object.assign(extra, asgProvider(`P${i}`, s)));
    extra.Assoc = {
      Type: 'AWS::ECS::ClusterCapacityProviderAssociations',
      Properties: {
        Cluster: { Ref: 'Cluster' },
        CapacityProviders: ['FARGATE', 'FARGATE_SPOT', ...sizes.map((_, i) => ({ Ref: `P${i}Provider` })), ...extraNames],
        DefaultCapacityProviderStrategy: [],
      },
    };
    return assemblyOfStacks([clusterStack('Shared', extra)]);
  };

  test('bad: three Auto Scaling groups of MaxSize 400 behind one cluster exceed legacy 1,000 instances', () => {
    const findings = checkAssembly(qt03, capacityApp(['400', '400', 400]), legacy);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'ECS-QT-03', logicalId: 'Cluster', property: '' });
    expect(findings[0].message).toContain('can register up to 1,200 container instances');
    expect(findings[0].message).toContain('allowed: 1,000 instances (Container instances per cluster, legacy profile; today\'s AWS default is 5,000; not adjustable)');
    expect(checkAssembly(qt03, capacityApp(['400', '400', 400]), current)).toEqual([]);
  });

  test('skipped: unresolved MaxSize is not counted', () => {
    expect(checkAssembly(qt03, capacityApp(['600', { Ref: 'MaxParam' }]), legacy)).toEqual([]);
  });

  test('bad: 11 capacity providers on one cluster under legacy (10), fine under current (20)', () => {
    const app = capacityApp([1, 1, 1], ['p4', 'p5', 'p6', 'p7', 'p8', 'p9', 'p10', 'FARGATE']);
    const findings = checkAssembly(cp07, app, legacy);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('Cluster Shared/Cluster has 12 capacity providers');
    expect(findings[0].message).toContain('allowed: 10 capacity providers');
    expect(checkAssembly(cp07, app, current)).toEqual([]);
  });

  test('an association in another stack finds the cluster by import', () => {
    const providers = { CapacityProviders: Array.from({ length: 21 }, (_, i) => `p${i}`) };
    const findings = checkAssembly(cp07, assemblyOfStacks([
      clusterStack('Shared'),
      { name: 'Cap', environment: { region: REGION }, template: { Resources: { A: { Type: 'AWS::ECS::ClusterCapacityProviderAssociations', Properties: { Cluster: { 'Fn::ImportValue': 'Shared:ClusterRef' }, DefaultCapacityProviderStrategy: [], ...providers } } } } },
    ]), current);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('Cluster Shared/Cluster has 21 capacity providers');
  });
});
