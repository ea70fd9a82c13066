import * as fc from 'fast-check';
import { QuotaProfile } from '../../../src/quotas/quota-profile';
import { SV07_DAEMON_LIMITS as sv07 } from '../../../src/rules/service/sv-07-daemon-limits';
import { SV08_MIN_BELOW_MAX as sv08 } from '../../../src/rules/service/sv-08-min-below-max';
import { SV12_CODE_DEPLOY_LOAD_BALANCER as sv12 } from '../../../src/rules/service/sv-12-code-deploy-load-balancer';
import { SV16_PLACEMENT as sv16 } from '../../../src/rules/service/sv-16-placement';
import { SV19_PUBLIC_IP_FARGATE_ONLY as sv19 } from '../../../src/rules/service/sv-19-public-ip-fargate-only';
import { SV24_SERVICE_NAME as sv24 } from '../../../src/rules/service/sv-24-service-name';
import { check } from '../helpers';
import { asgProvider, associations, cluster, item, service } from './fixtures';

const deploy = (min?: unknown, max?: unknown) => ({
  DeploymentConfiguration: { ...(min === undefined ? {} : { MinimumHealthyPercent: min }), ...(max === undefined ? {} : { MaximumPercent: max }) },
});

describe('ECS-SV-07 DAEMON limits', () => {
  test('bad: DAEMON with CODE_DEPLOY, and DAEMON on Fargate', () => {
    const [a] = check(sv07, { S: service({ SchedulingStrategy: 'DAEMON', LaunchType: 'EC2', DeploymentController: { Type: 'CODE_DEPLOY' } }) });
    expect(a).toMatchObject({ ruleId: 'ECS-SV-07', severity: 'error', property: 'Properties/DeploymentController/Type' });
    expect(a.message).toContain('DAEMON service uses the CODE_DEPLOY deployment controller');
    const [b] = check(sv07, { S: service({ SchedulingStrategy: 'DAEMON', LaunchType: 'FARGATE' }) });
    expect(b.property).toBe('Properties/LaunchType');
    const [c] = check(sv07, { S: service({ SchedulingStrategy: 'DAEMON', CapacityProviderStrategy: [item('FARGATE', 1)] }) });
    expect(c.property).toBe('Properties/CapacityProviderStrategy');
  });

  test('bad: DAEMON with an EC2 capacity provider strategy, with placement strategies, or on a cluster default strategy (found by an EC2 user trial)', () => {
    const [cps] = check(sv07, { Cp: asgProvider(), S: service({ SchedulingStrategy: 'DAEMON', CapacityProviderStrategy: [item({ Ref: 'Cp' }, 1)] }) });
    expect(cps).toMatchObject({ property: 'Properties/CapacityProviderStrategy', severity: 'error' });
    expect(cps.message).toBe('[ECS-SV-07] DAEMON service names a capacity provider strategy at TestStack/S; allowed: LaunchType EC2 (or EXTERNAL) '
      + 'without CapacityProviderStrategy. Remove CapacityProviderStrategy (capacityProviderStrategies in aws-cdk-lib) and set LaunchType EC2; '
      + "a placement constraint (memberOf) keeps the daemon on one Auto Scaling group's instances.");
    const [ps] = check(sv07, { S: service({ SchedulingStrategy: 'DAEMON', LaunchType: 'EC2', PlacementStrategies: [{ Type: 'spread', Field: 'instanceId' }] }) });
    expect(ps).toMatchObject({ property: 'Properties/PlacementStrategies' });
    expect(ps.message).toContain('DAEMON service has 1 placement strategy');
    const daemon = service({ SchedulingStrategy: 'DAEMON' });
    const [own] = check(sv07, { Cluster: cluster({ DefaultCapacityProviderStrategy: [item('FARGATE', 1)] }), S: daemon });
    expect(own.message).toContain('DAEMON service has no LaunchType, so ECS gives it the default capacity provider strategy of cluster TestStack/Cluster');
    expect(check(sv07, { Cluster: cluster(), A: associations({ Ref: 'Cluster' }, ['FARGATE'], [item('FARGATE', 1)]), S: daemon })).toHaveLength(1);
  });

  test('good: a daemon with LaunchType EC2 or on a cluster without a default strategy; skipped: an unresolved cluster or association', () => {
    expect(check(sv07, { Cluster: cluster({ DefaultCapacityProviderStrategy: [item('FARGATE', 1)] }), S: service({ SchedulingStrategy: 'DAEMON', LaunchType: 'EC2' }) })).toEqual([]);
    expect(check(sv07, { Cluster: cluster(), A: associations({ Ref: 'Cluster' }, ['FARGATE']), S: service({ SchedulingStrategy: 'DAEMON' }) })).toEqual([]);
    expect(check(sv07, { S: service({ SchedulingStrategy: 'DAEMON', Cluster: 'imported' }) })).toEqual([]);
    expect(check(sv07, { Cluster: cluster(), A: associations({ Ref: 'Other' }, ['FARGATE'], [item('FARGATE', 1)]), S: service({ SchedulingStrategy: 'DAEMON' }) })).toEqual([]);
    // Placement constraints are a daemon's way to pick instances.
    expect(check(sv07, { S: service({ SchedulingStrategy: 'DAEMON', LaunchType: 'EC2', PlacementConstraints: [{ Type: 'memberOf', Expression: 'attribute:x == y' }] }) })).toEqual([]);
  });

  test('good: DAEMON on EC2 with ECS controller, REPLICA on Fargate; skipped: unresolved', () => {
    expect(check(sv07, { S: service({ SchedulingStrategy: 'DAEMON', LaunchType: 'EC2' }) })).toHaveLength(0);
    expect(check(sv07, { S: service({ LaunchType: 'FARGATE', DeploymentController: { Type: 'CODE_DEPLOY' } }) })).toHaveLength(0);
    expect(check(sv07, { S: service({ SchedulingStrategy: { Ref: 'Mode' }, LaunchType: 'FARGATE' }) })).toHaveLength(0);
    expect(check(sv07, { S: service({ SchedulingStrategy: 'DAEMON', LaunchType: { Ref: 'Lt' } }) })).toHaveLength(0);
  });
});

describe('ECS-SV-08 min below max', () => {
  test('bad: 100/100 is a warning pointing at MaximumPercent', () => {
    const [f] = check(sv08, { S: service(deploy(100, 100)) });
    expect(f).toMatchObject({ ruleId: 'ECS-SV-08', severity: 'warning', property: 'Properties/DeploymentConfiguration/MaximumPercent', value: '100' });
    expect(f.message).toContain('MinimumHealthyPercent 100 is not below MaximumPercent 100');
    expect(f.message).toContain('allowed: MinimumHealthyPercent < MaximumPercent');
  });

  test('bad: defaults fill the missing side (REPLICA min 100, DAEMON max 100)', () => {
    expect(check(sv08, { S: service(deploy(undefined, 100)) })[0].message).toContain('MinimumHealthyPercent 100 (default)');
    const [d] = check(sv08, { S: service({ SchedulingStrategy: 'DAEMON', ...deploy(100) }) });
    expect(d.property).toBe('Properties/DeploymentConfiguration/MinimumHealthyPercent');
    expect(d.message).toContain('MaximumPercent 100 (default)');
  });

  test('good: defaults and 50/200; skipped: CODE_DEPLOY, blue/green, desired 0, tokens', () => {
    expect(check(sv08, { S: service() })).toHaveLength(0);
    expect(check(sv08, { S: service(deploy(50, 200)) })).toHaveLength(0);
    expect(check(sv08, { S: service({ ...deploy(100, 100), DeploymentController: { Type: 'CODE_DEPLOY' } }) })).toHaveLength(0);
    expect(check(sv08, { S: service({ DeploymentConfiguration: { MinimumHealthyPercent: 100, MaximumPercent: 100, Strategy: 'BLUE_GREEN' } }) })).toHaveLength(0);
    expect(check(sv08, { S: service({ ...deploy(100, 100), DesiredCount: 0 }) })).toHaveLength(0);
    expect(check(sv08, { S: service(deploy(100, '${Token[TOKEN.7]}')) })).toHaveLength(0);
  });

  test('property: flagged exactly when min >= max', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 100, max: 400 }), (min, max) => {
      return check(sv08, { S: service(deploy(min, max)) }).length === (min >= max ? 1 : 0);
    }));
  });
});

describe('ECS-SV-12 CODE_DEPLOY needs an ALB/NLB', () => {
  const cd = { DeploymentController: { Type: 'CODE_DEPLOY' } };
  test('bad: no load balancers, or only a Classic Load Balancer', () => {
    const [f] = check(sv12, { S: service(cd) });
    expect(f).toMatchObject({ ruleId: 'ECS-SV-12', severity: 'error', property: 'Properties/LoadBalancers' });
    expect(f.message).toContain('CODE_DEPLOY service has no LoadBalancers');
    const [g] = check(sv12, { S: service({ ...cd, LoadBalancers: [{ LoadBalancerName: 'clb', ContainerName: 'app', ContainerPort: 80 }] }) });
    expect(g.property).toBe('Properties/LoadBalancers/0/LoadBalancerName');
  });

  test('good: target group; skipped: unresolved list or controller', () => {
    expect(check(sv12, { S: service({ ...cd, LoadBalancers: [{ TargetGroupArn: { Ref: 'Tg' }, ContainerName: 'app', ContainerPort: 80 }] }) })).toHaveLength(0);
    expect(check(sv12, { S: service({ ...cd, LoadBalancers: { 'Fn::If': ['C', [], []] } }) })).toHaveLength(0);
    expect(check(sv12, { S: service({ DeploymentController: { Type: { Ref: 'Ctl' } } }) })).toHaveLength(0);
    expect(check(sv12, { S: service() })).toHaveLength(0);
  });
});

describe('ECS-SV-16 placement', () => {
  const strategies = (n: number) => Array.from({ length: n }, () => ({ Type: 'spread', Field: 'attribute:ecs.availability-zone' }));
  const constraints = (n: number) => Array.from({ length: n }, (_, i) => ({ Type: 'memberOf', Expression: `attribute:x == ${i}` }));

  test('bad: placement on a Fargate service (launch type and strategy)', () => {
    const [f] = check(sv16, { S: service({ LaunchType: 'FARGATE', PlacementConstraints: constraints(1) }) });
    expect(f).toMatchObject({ ruleId: 'ECS-SV-16', severity: 'error', property: 'Properties/PlacementConstraints' });
    expect(f.message).toContain('Fargate service sets PlacementConstraints (1)');
    expect(check(sv16, { S: service({ CapacityProviderStrategy: [item('FARGATE_SPOT', 1)], PlacementStrategies: strategies(1) }) })).toHaveLength(1);
  });

  test('bad: counts above the quota, task definition constraints included', () => {
    const [s] = check(sv16, { S: service({ LaunchType: 'EC2', PlacementStrategies: strategies(6) }) });
    expect(s.message).toContain('allowed: at most 5 placement strategy rules per service');
    expect(check(sv16, { S: service({ LaunchType: 'EC2', PlacementStrategies: strategies(5) }) }, QuotaProfile.legacy())).toHaveLength(1);
    const [c] = check(sv16, {
      Task: { Type: 'AWS::ECS::TaskDefinition', Properties: { PlacementConstraints: constraints(4) } },
      S: service({ LaunchType: 'EC2', PlacementConstraints: constraints(7) }),
    });
    expect(c.message).toContain('7 service constraints plus 4 in the task definition (11 in all)');
  });

  test('good: EC2 within limits; skipped: unknown launch and unresolved lists', () => {
    expect(check(sv16, { S: service({ LaunchType: 'EC2', PlacementStrategies: strategies(5), PlacementConstraints: constraints(10) }) })).toHaveLength(0);
    expect(check(sv16, { S: service({ PlacementConstraints: constraints(2) }) })).toHaveLength(0);
    expect(check(sv16, { S: service({ LaunchType: 'FARGATE', PlacementConstraints: { Ref: 'P' } }) })).toHaveLength(0);
  });
});

describe('ECS-SV-19 public IP only on Fargate', () => {
  const net = (ip: unknown) => ({ NetworkConfiguration: { AwsvpcConfiguration: { Subnets: ['subnet-1'], AssignPublicIp: ip } } });
  test('bad: EC2 launch type and ASG-only strategy', () => {
    const [f] = check(sv19, { S: service({ LaunchType: 'EC2', ...net('ENABLED') }) });
    expect(f).toMatchObject({ ruleId: 'ECS-SV-19', severity: 'error', property: 'Properties/NetworkConfiguration/AwsvpcConfiguration/AssignPublicIp', value: '"ENABLED"' });
    expect(f.message).toContain('AssignPublicIp ENABLED on a service that runs on EC2 capacity');
    expect(check(sv19, { Cp: asgProvider(), S: service({ CapacityProviderStrategy: [item({ Ref: 'Cp' }, 1)], ...net('ENABLED') }) })).toHaveLength(1);
  });

  test('good: Fargate or DISABLED; skipped: unknown provider kind, token', () => {
    expect(check(sv19, { S: service({ LaunchType: 'FARGATE', ...net('ENABLED') }) })).toHaveLength(0);
    expect(check(sv19, { S: service({ LaunchType: 'EC2', ...net('DISABLED') }) })).toHaveLength(0);
    expect(check(sv19, { S: service({ CapacityProviderStrategy: [item('some-cp', 1)], ...net('ENABLED') }) })).toHaveLength(0);
    expect(check(sv19, { S: service({ LaunchType: 'EC2', ...net({ 'Fn::If': ['P', 'ENABLED', 'DISABLED'] }) }) })).toHaveLength(0);
  });
});

describe('ECS-SV-24 service name', () => {
  test('bad: invalid characters, and a duplicate in the same cluster', () => {
    const [f] = check(sv24, { S: service({ ServiceName: 'web api.v2' }) });
    expect(f).toMatchObject({ ruleId: 'ECS-SV-24', severity: 'error', property: 'Properties/ServiceName' });
    expect(f.message).toContain('ServiceName "web api.v2" contains " ", "."');
    expect(f.message).toContain('"web-api-v2"');
    const dup = check(sv24, { Cluster: cluster(), A: service({ ServiceName: 'web' }), B: service({ ServiceName: 'web' }) });
    expect(dup.map((d) => d.logicalId)).toEqual(['B']);
    expect(dup[0].message).toContain('is also used by TestStack/A in cluster TestStack/Cluster');
  });

  test('good: valid and 255 long; same name in two clusters; skipped: token name', () => {
    expect(check(sv24, { S: service({ ServiceName: 'a'.repeat(255) }) })).toHaveLength(0);
    expect(check(sv24, { S: service({ ServiceName: 'a'.repeat(256) }) })).toHaveLength(1);
    expect(check(sv24, { C1: cluster(), C2: cluster(), A: service({ ServiceName: 'web', Cluster: { Ref: 'C1' } }), B: service({ ServiceName: 'web', Cluster: { Ref: 'C2' } }) })).toHaveLength(0);
    expect(check(sv24, { S: service({ ServiceName: { 'Fn::Sub': '${AWS::StackName}-web' } }) })).toHaveLength(0);
  });

  // Only one of two resources with opposite Conditions is created (CloudFormation Condition attribute).
  test('good: two services with the same name under opposite Conditions; a third without one still clashes', () => {
    const prod = { ...service({ ServiceName: 'web' }), Condition: 'IsProd' };
    const dev = { ...service({ ServiceName: 'web' }), Condition: 'NotProd' };
    expect(check(sv24, { Cluster: cluster(), Prod: prod, Dev: dev })).toEqual([]);
    expect(check(sv24, { Cluster: cluster(), Prod: prod, Dev: dev, Always: service({ ServiceName: 'web' }), Again: service({ ServiceName: 'web' }) })
      .map((d) => d.logicalId)).toEqual(['Again']);
  });
});
