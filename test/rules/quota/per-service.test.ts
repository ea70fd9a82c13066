import * as fc from 'fast-check';
import { clusterStack, expressService, REGION, Res, scalableTarget, service, taskDef } from './templates';
import { QuotaProfile } from '../../../src/quotas/quota-profile';
import { QT04_FARGATE_ON_DEMAND_VCPU as qt04 } from '../../../src/rules/quota/qt-04-fargate-on-demand-vcpu';
import { QT05_FARGATE_SPOT_VCPU as qt05 } from '../../../src/rules/quota/qt-05-fargate-spot-vcpu';
import { SC07_TASKS_WITH_SERVICE_DISCOVERY as sc07 } from '../../../src/rules/quota/sc-07-tasks-with-service-discovery';
import { splitTasks, StrategyItem } from '../../../src/rules/quota/services';
import { SV06_PROVIDERS_PER_STRATEGY as sv06 } from '../../../src/rules/quota/sv-06-providers-per-strategy';
import { SV20_AWSVPC_SUBNETS_SECURITY_GROUPS as sv20 } from '../../../src/rules/quota/sv-20-awsvpc-subnets-security-groups';
import { SV21_LOAD_BALANCERS_PER_SERVICE as sv21 } from '../../../src/rules/quota/sv-21-load-balancers-per-service';
import { SV25_TASKS_PER_SERVICE as sv25 } from '../../../src/rules/quota/sv-25-tasks-per-service';
import { assemblyOfStacks, check, checkAssembly } from '../helpers';

const legacy = QuotaProfile.legacy();
const current = QuotaProfile.current();
const one = (resources: Record<string, Res>) => ({ Task: taskDef(), Cluster: { Type: 'AWS::ECS::Cluster' }, ...resources });

describe('ECS-SV-25 tasks per service and ECS-SC-07 with Service Connect / Service Discovery', () => {
  test('bad: DesiredCount 1,200 crosses legacy 1,000, not current 5,000', () => {
    const svc = { Svc: service({ Ref: 'Cluster' }, { DesiredCount: 1200 }) };
    const [f] = check(sv25, one(svc), legacy);
    expect(f).toMatchObject({ ruleId: 'ECS-SV-25', severity: 'error', property: 'Properties/DesiredCount' });
    expect(f.message).toContain('runs up to 1,200 tasks (DesiredCount 1,200)');
    expect(f.message).toContain('allowed: 1,000 tasks');
    expect(f.message).toContain('L-4637F321');
    // The kit's props, not only the template fields.
    expect(f.message).toContain('in the kit: desiredCount, autoScaling.maxCapacity, ExpressService scaling.maxTasks');
    expect(check(sv25, one(svc), current)).toEqual([]);
  });

  test('bad: autoscaling MaxCapacity counts, the service found through Fn::Join of refs', () => {
    const resources = one({ Svc: service({ Ref: 'Cluster' }, { DesiredCount: 2 }), Target: scalableTarget('Svc', { Ref: 'Cluster' }, 6000) });
    const [f] = check(sv25, resources, current);
    expect(f.message).toContain('runs up to 6,000 tasks (DesiredCount 2, autoscaling MaxCapacity 6,000)');
    expect(f.message).toContain('withOverrides({ tasksPerService: 6000 })');
    expect(check(sv25, resources, current.withOverrides({ tasksPerService: 6000 }))).toEqual([]);
  });

  test('a scalable target in another stack, and a literal ResourceId, find their service', () => {
    const svcStack = { name: 'Svc', environment: { region: REGION }, template: { Resources: one({ Api: service('shared', { ServiceName: 'api' }) }), Outputs: { S: { Value: { Ref: 'Api' }, Export: { Name: 'Svc:Api' } } } } };
    const scaling = {
      name: 'Scaling',
      environment: { region: REGION },
      template: {
        Resources: {
          T1: { Type: 'AWS::ApplicationAutoScaling::ScalableTarget', Properties: { MaxCapacity: 1500, MinCapacity: 1, ScalableDimension: 'ecs:service:DesiredCount', ServiceNamespace: 'ecs', ResourceId: { 'Fn::Join': ['', ['service/shared/', { 'Fn::ImportValue': 'Svc:Api' }]] } } },
          T2: { Type: 'AWS::ApplicationAutoScaling::ScalableTarget', Properties: { MaxCapacity: 1800, MinCapacity: 1, ScalableDimension: 'ecs:service:DesiredCount', ServiceNamespace: 'ecs', ResourceId: 'service/shared/api' } },
        },
      },
    };
    const [f] = checkAssembly(sv25, assemblyOfStacks([clusterStack('Shared'), svcStack, scaling]), legacy);
    expect(f.message).toContain('autoscaling MaxCapacity 1,800');
  });

  test('skipped: unresolved counts and DAEMON services', () => {
    expect(check(sv25, one({ Svc: service({ Ref: 'Cluster' }, { DesiredCount: { Ref: 'Count' } }) }), legacy)).toEqual([]);
    expect(check(sv25, one({ Svc: service({ Ref: 'Cluster' }, { DesiredCount: 1, SchedulingStrategy: 'DAEMON' }), T: scalableTarget('Svc', 'c', { Ref: 'Max' }) }), legacy)).toEqual([]);
  });

  test('SC-07: 1,001 tasks with ServiceRegistries or Service Connect; none without', () => {
    const withRegistry = one({ Svc: service({ Ref: 'Cluster' }, { DesiredCount: 1001, ServiceRegistries: [{ RegistryArn: 'arn' }] }) });
    const [f] = check(sc07, withRegistry, current);
    expect(f.message).toContain('uses Service Connect or Service Discovery and runs up to 1,001 tasks');
    expect(f.message).toContain('allowed: 1,000 tasks (Tasks per service with Service Discovery or Service Connect, current profile; not adjustable)');
    expect(check(sc07, one({ Svc: service({ Ref: 'Cluster' }, { DesiredCount: 1, ServiceConnectConfiguration: { Enabled: true } }), T: scalableTarget('Svc', 'c', 2000) }), current)).toHaveLength(1);
    expect(check(sc07, one({ Svc: service({ Ref: 'Cluster' }, { DesiredCount: 4000 }) }), current)).toEqual([]);
    expect(check(sc07, one({ Svc: service({ Ref: 'Cluster' }, { DesiredCount: 4000, ServiceConnectConfiguration: { Enabled: { Ref: 'On' } } }) }), current)).toEqual([]);
  });
});

describe('ECS-SV-21 load balancers, ECS-SV-20 awsvpc, ECS-SV-06 strategy length', () => {
  const tg = (n: number) => Array.from({ length: n }, (_, i) => ({ TargetGroupArn: { Ref: `TG${i}` }, ContainerName: 'app', ContainerPort: 80 }));

  test('SV-21: two target groups cross legacy 1; six cross current 5; two CLBs cross 1', () => {
    const [f] = check(sv21, one({ Svc: service({ Ref: 'Cluster' }, { LoadBalancers: tg(2) }) }), legacy);
    expect(f.message).toContain('is attached to 2 target groups');
    expect(f.message).toContain('allowed: 1 target group (Target groups per service, legacy profile; today\'s AWS default is 5; not adjustable)');
    expect(check(sv21, one({ Svc: service({ Ref: 'Cluster' }, { LoadBalancers: tg(5) }) }), current)).toEqual([]);
    expect(check(sv21, one({ Svc: service({ Ref: 'Cluster' }, { LoadBalancers: tg(6) }) }), current)).toHaveLength(1);
    const clb = [{ LoadBalancerName: 'a', ContainerName: 'app', ContainerPort: 80 }, { LoadBalancerName: 'b', ContainerName: 'app', ContainerPort: 80 }];
    expect(check(sv21, one({ Svc: service({ Ref: 'Cluster' }, { LoadBalancers: clb }) }), current)[0].message).toContain('2 Classic Load Balancers');
    expect(check(sv21, one({ Svc: service({ Ref: 'Cluster' }, { LoadBalancers: { 'Fn::If': ['c', tg(9), []] } }) }), current)).toEqual([]);
  });

  test('SV-20: 17 subnets and 6 security groups; Fn::If entries are not counted', () => {
    const cfg = (subnets: unknown[], sgs: unknown[]) =>
      ({ NetworkConfiguration: { AwsvpcConfiguration: { Subnets: subnets, SecurityGroups: sgs } } });
    const ids = (n: number, p: string) => Array.from({ length: n }, (_, i) => `${p}-${i}`);
    const findings = check(sv20, one({ Svc: service({ Ref: 'Cluster' }, cfg(ids(17, 'subnet'), ids(6, 'sg'))) }), current);
    expect(findings.map((f) => f.property)).toEqual([
      'Properties/NetworkConfiguration/AwsvpcConfiguration/Subnets', 'Properties/NetworkConfiguration/AwsvpcConfiguration/SecurityGroups',
    ]);
    expect(findings[0].message).toContain('lists 17 subnets');
    expect(findings[1].message).toContain('allowed: 5 security groups');
    const maybe = [...ids(5, 'sg'), { 'Fn::If': ['c', 'sg-x', { Ref: 'AWS::NoValue' }] }];
    expect(check(sv20, one({ Svc: service({ Ref: 'Cluster' }, cfg(ids(16, 'subnet'), maybe)) }), current)).toEqual([]);
  });

  test('SV-06: 7 providers in a service strategy cross legacy 6; cluster default strategies count too', () => {
    const strategy = (n: number) => Array.from({ length: n }, (_, i) => ({ CapacityProvider: `p${i}`, Weight: 1 }));
    const [f] = check(sv06, one({ Svc: service({ Ref: 'Cluster' }, { LaunchType: undefined, CapacityProviderStrategy: strategy(7) }) }), legacy);
    expect(f.message).toContain('has 7 capacity providers in its CapacityProviderStrategy');
    expect(check(sv06, one({ Svc: service({ Ref: 'Cluster' }, { CapacityProviderStrategy: strategy(7) }) }), current)).toEqual([]);
    expect(check(sv06, { C: { Type: 'AWS::ECS::Cluster', Properties: { DefaultCapacityProviderStrategy: strategy(21) } } }, current)).toHaveLength(1);
  });
});

describe('ECS-QT-04 / ECS-QT-05 Fargate vCPU demand per Region', () => {
  // The account's own values (6 here): without them the rules stay silent (issue 13).
  const account = current.withOverrides({ fargateOnDemandVcpu: 6, fargateSpotVcpu: 6 });

  test('bad: 4 tasks of 1 vCPU at 200% is 8 On-Demand vCPU > 6 (warning)', () => {
    const res = { Task: taskDef('1024'), Cluster: { Type: 'AWS::ECS::Cluster' }, Svc: service({ Ref: 'Cluster' }, { DesiredCount: 4 }) };
    const [f] = check(qt04, res, account);
    expect(f).toMatchObject({ ruleId: 'ECS-QT-04', severity: 'warning' });
    expect(f.message).toContain('can run up to 8 Fargate On-Demand vCPU at peak');
    expect(f.message).toContain('L-3032A538');
    expect(check(qt04, res, current.withOverrides({ fargateOnDemandVcpu: 9 }))).toEqual([]);
    // MaximumPercent 150: floor(4 × 1.5) = 6 tasks, 6 vCPU: below 90% of 7.
    expect(check(qt04, { ...res, Svc: service({ Ref: 'Cluster' }, { DesiredCount: 4, DeploymentConfiguration: { MaximumPercent: 150 } }) }, current.withOverrides({ fargateOnDemandVcpu: 7 }))).toEqual([]);
  });

  test('a weighted strategy splits base first, then by weight; Spot and On-Demand count apart', () => {
    const strategy = [{ CapacityProvider: 'FARGATE', Base: 2, Weight: 1 }, { CapacityProvider: 'FARGATE_SPOT', Weight: 3 }];
    // 10 tasks × 200% = 20 peak: FARGATE 2 + 18 × 1/4 = 6.5 tasks; SPOT 13.5 tasks; 1 vCPU each.
    const res = { Task: taskDef('1024'), Cluster: { Type: 'AWS::ECS::Cluster' }, Svc: service({ Ref: 'Cluster' }, { LaunchType: undefined, DesiredCount: 10, CapacityProviderStrategy: strategy }) };
    expect(check(qt04, res, account)[0].message).toContain('up to 6.5 Fargate On-Demand vCPU');
    expect(check(qt05, res, account)[0].message).toContain('up to 13.5 Fargate Spot vCPU');
  });

  test('a scheduled task counts one run of TaskCount tasks, split by its strategy (found by a batch-jobs user trial); not a service', () => {
    const job = (strategy: unknown[]) => ({
      Type: 'AWS::Scheduler::Schedule',
      Properties: {
        ScheduleExpression: 'rate(5 minutes)',
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: { Arn: { 'Fn::GetAtt': ['Cluster', 'Arn'] }, RoleArn: 'r', EcsParameters: { TaskDefinitionArn: { Ref: 'Big' }, TaskCount: 10, CapacityProviderStrategy: strategy } },
      },
    });
    const res = {
      Big: taskDef('4096'),
      Cluster: { Type: 'AWS::ECS::Cluster' },
      OnDemand: job([{ CapacityProvider: 'FARGATE', Weight: 1 }]),
      Spot: job([{ CapacityProvider: 'FARGATE_SPOT', Weight: 1 }]),
    };
    const [f] = check(qt04, res, account);
    expect(f.message).toContain('Services and scheduled tasks in');
    expect(f.message).toContain('can run up to 40 Fargate On-Demand vCPU at peak (max tasks × task vCPU × maximumPercent/100; one run of each scheduled task)');
    expect(check(qt05, res, account)[0].message).toContain('up to 40 Fargate Spot vCPU');
    // A rule target on LaunchType FARGATE, TaskCount omitted: one task.
    const rule = { Type: 'AWS::Events::Rule', Properties: { ScheduleExpression: 'rate(1 hour)', Targets: [{ Id: 'a', Arn: 'c', EcsParameters: { TaskDefinitionArn: { Ref: 'Big' }, LaunchType: 'FARGATE' } }] } };
    expect(check(qt04, { Big: taskDef('4096'), R: rule }, current.withOverrides({ fargateOnDemandVcpu: 4 }))[0].message).toContain('up to 4 Fargate On-Demand vCPU');
    expect(check(qt04, { Big: taskDef('4096'), R: rule }, current.withOverrides({ fargateOnDemandVcpu: 5 }))).toEqual([]);
  });

  test('sums services over stacks of one Region; the cluster default strategy applies without LaunchType', () => {
    const stack = (name: string, region: string) => ({
      name,
      environment: { region },
      template: {
        Resources: {
          Task: taskDef('512'),
          Svc: service({ 'Fn::ImportValue': 'Shared:ClusterRef' }, { LaunchType: undefined, DesiredCount: 4 }),
        },
      },
    });
    const cluster = clusterStack('Shared', {
      Assoc: {
        Type: 'AWS::ECS::ClusterCapacityProviderAssociations',
        Properties: {
          Cluster: 'shared', CapacityProviders: ['FARGATE'], DefaultCapacityProviderStrategy: [{ CapacityProvider: 'FARGATE', Weight: 1 }],
        },
      },
    });
    // 2 stacks × 4 tasks × 200% × 0.5 vCPU = 8 vCPU.
    const [f] = checkAssembly(qt04, assemblyOfStacks([cluster, stack('A', REGION), stack('B', REGION)]), account);
    expect(f.message).toContain('up to 8 Fargate On-Demand vCPU at peak');
    expect(f.message).toContain('most from A/Svc 4, B/Svc 4');
    expect(checkAssembly(qt04, assemblyOfStacks([cluster, stack('A', REGION), stack('B', 'eu-west-1')]), account)).toEqual([]);
  });

  test('skipped: EC2 launch type, unresolved task cpu, unresolved strategy', () => {
    const base = { Cluster: { Type: 'AWS::ECS::Cluster' } };
    expect(check(qt04, { ...base, Task: taskDef('4096'), Svc: service({ Ref: 'Cluster' }, { DesiredCount: 10, LaunchType: 'EC2' }) }, account)).toEqual([]);
    expect(check(qt04, { ...base, Task: taskDef({ Ref: 'Cpu' }), Svc: service({ Ref: 'Cluster' }, { DesiredCount: 10 }) }, account)).toEqual([]);
    expect(check(qt04, { ...base, Task: taskDef('4096'), Svc: service({ Ref: 'Cluster' }, { LaunchType: undefined, DesiredCount: 10, CapacityProviderStrategy: { 'Fn::If': ['c', [], []] } }) }, account)).toEqual([]);
  });

  test('property: the split keeps every task and honours bases', () => {
    const item = fc.record({ provider: fc.constantFrom('FARGATE', 'FARGATE_SPOT', 'other' as const), base: fc.integer({ min: 0, max: 50 }), weight: fc.integer({ min: 1, max: 1000 }) });
    fc.assert(fc.property(fc.array(item, { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 5000 }), (items: StrategyItem[], tasks) => {
      const s = splitTasks(items, tasks);
      const bases = items.reduce((sum, i) => sum + i.base, 0);
      const fargateBase = Math.min(items.filter((i) => i.provider === 'FARGATE').reduce((sum, i) => sum + i.base, 0), tasks);
      return Math.abs(s.onDemand + s.spot + s.other - tasks) < 1e-6 && (tasks < bases || s.onDemand >= fargateBase - 1e-6);
    }));
  });

  test('silent without the account\'s value in the profile; from 90% of it when set', () => {
    const res = { Task: taskDef('1024'), Cluster: { Type: 'AWS::ECS::Cluster' }, Svc: service({ Ref: 'Cluster' }, { DesiredCount: 40 }) };
    expect(check(qt04, res, current)).toEqual([]);
    // 40 tasks × 200% × 1 vCPU = 80 vCPU: 80 of 85 is 94% (near), of 100 is 80% (silent), of 60 is over.
    expect(check(qt04, res, current.withOverrides({ fargateOnDemandVcpu: 85 }))[0].message).toContain('94.1% of the limit');
    expect(check(qt04, res, current.withOverrides({ fargateOnDemandVcpu: 100 }))).toEqual([]);
    expect(check(qt04, res, current.withOverrides({ fargateOnDemandVcpu: 60 }))[0].message).toContain('up to 80 Fargate On-Demand vCPU at peak');
  });
});


describe('Express Mode services count toward tasks per service and Fargate vCPU', () => {
  const account = current.withOverrides({ fargateOnDemandVcpu: 6 });

  test('SV-25: ScalingTarget.MaxTaskCount 6,000 crosses 5,000; the finding points at MaxTaskCount', () => {
    const res = { Api: expressService({ ScalingTarget: { MinTaskCount: 1, MaxTaskCount: 6000 } }) };
    const [f] = check(sv25, res, current);
    expect(f).toMatchObject({ ruleId: 'ECS-SV-25', logicalId: 'Api', property: 'Properties/ScalingTarget/MaxTaskCount' });
    expect(f.message).toContain('Express service TestStack/Api runs up to 6,000 tasks (ScalingTarget MaxTaskCount 6000)');
    expect(check(sv25, { Api: expressService({ ScalingTarget: { MaxTaskCount: 5000 } }) }, current)).toEqual([]);
    expect(check(sv25, { Api: expressService({ ScalingTarget: { MaxTaskCount: { Ref: 'Max' } } }) }, current)).toEqual([]);
  });

  test('QT-04: 2 tasks of the default 1 vCPU and 2 of 2 vCPU, at the 200% canary peak, are 12 On-Demand vCPU', () => {
    const res = {
      A: expressService({ ScalingTarget: { MaxTaskCount: 2 } }),
      B: expressService({ Cpu: '2048', Memory: '4096', ScalingTarget: { MinTaskCount: 1, MaxTaskCount: 2 } }),
    };
    const [f] = check(qt04, res, account);
    expect(f.message).toContain('can run up to 12 Fargate On-Demand vCPU at peak');
    expect(f.message).toContain('most from TestStack/B 8, TestStack/A 4');
    expect(check(qt05, res, current.withOverrides({ fargateSpotVcpu: 1 }))).toEqual([]);
    expect(check(qt04, res, current.withOverrides({ fargateOnDemandVcpu: 20 }))).toEqual([]);
  });

  test('QT-04: the size of the task definition an Express service names; at least one task without MaxTaskCount', () => {
    const own = { Task: taskDef('4096'), Api: expressService({ PrimaryContainer: undefined, ExecutionRoleArn: undefined, TaskDefinitionArn: { Ref: 'Task' } }) };
    // 1 task (no ScalingTarget) × 200% × 4 vCPU = 8 vCPU > 6.
    expect(check(qt04, own, account)[0].message).toContain('up to 8 Fargate On-Demand vCPU');
    const unresolved = { Api: expressService({ TaskDefinitionArn: 'arn:aws:ecs:us-east-1:111111111111:task-definition/x:1' }) };
    expect(check(qt04, unresolved, current.withOverrides({ fargateOnDemandVcpu: 1 }))).toEqual([]);
  });
});
