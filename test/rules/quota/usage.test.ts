/** usageOf builds only the figures of the quotas asked for, and they are the figures quotaUsage lists for them. */
import { clusterStack, expressService, REGION, service, taskDef } from './templates';
import { EcsQuota } from '../../../src/quotas/quota-table';
import { StackInput } from '../../../src/rules/model';
import { quotaUsage, usageOf } from '../../../src/rules/quota/usage';
import { assemblyOfStacks } from '../helpers';

const ASG = 'AWS::AutoScaling::AutoScalingGroup';

/** An app with something for every quota: clusters, capacity, services on a load balancer, Express, tags, stacks. */
function stacks(): StackInput[] {
  const cluster = clusterStack('Shared', {
    Asg: { Type: ASG, Properties: { MaxSize: '4', MinSize: '0' } },
    Provider: { Type: 'AWS::ECS::CapacityProvider', Properties: { AutoScalingGroupProvider: { AutoScalingGroupArn: { Ref: 'Asg' } } } },
    Assoc: {
      Type: 'AWS::ECS::ClusterCapacityProviderAssociations',
      Properties: { Cluster: { Ref: 'Cluster' }, CapacityProviders: ['FARGATE', { Ref: 'Provider' }], DefaultCapacityProviderStrategy: [{ CapacityProvider: 'FARGATE', Weight: 1 }] },
    },
    Lb: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Type: 'application' } },
    Listener: {
      Type: 'AWS::ElasticLoadBalancingV2::Listener',
      Properties: { LoadBalancerArn: { Ref: 'Lb' }, Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'forward', TargetGroupArn: { Ref: 'Tg' } }] },
    },
    Tg: { Type: 'AWS::ElasticLoadBalancingV2::TargetGroup', Properties: { Port: 8080, Protocol: 'HTTP', TargetType: 'ip' } },
    Task: taskDef('512', { Tags: [{ Key: 'team', Value: 'a' }] }),
    Web: service({ Ref: 'Cluster' }, {
      LaunchType: undefined,
      CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE', Weight: 1 }, { CapacityProvider: 'FARGATE_SPOT', Weight: 1 }],
      DesiredCount: 3,
      LoadBalancers: [{ ContainerName: 'app', ContainerPort: 8080, TargetGroupArn: { Ref: 'Tg' } }],
      NetworkConfiguration: { AwsvpcConfiguration: { Subnets: ['subnet-1', 'subnet-2'], SecurityGroups: ['sg-1'] } },
      ServiceRegistries: [{ RegistryArn: 'arn:aws:servicediscovery:us-east-1:111111111111:service/srv-1' }],
      Tags: [{ Key: 'team', Value: 'a' }],
    }),
    Classic: service({ Ref: 'Cluster' }, { LaunchType: 'EC2', LoadBalancers: [{ LoadBalancerName: 'clb', ContainerName: 'app', ContainerPort: 8080 }] }),
    Express: expressService({ Cluster: 'shared' }),
  });
  return [cluster, { name: 'Other', environment: { region: REGION }, template: { Resources: { Cluster: { Type: 'AWS::ECS::Cluster' } } } }];
}

const ALL_QUOTAS = Object.values(EcsQuota);
/** Quotas other rules count (placement lists, ECR registry figures): quotaUsage has no figures for them. */
const ELSEWHERE: readonly string[] = [
  EcsQuota.PLACEMENT_CONSTRAINTS_PER_TASK, EcsQuota.PLACEMENT_STRATEGIES_PER_SERVICE, EcsQuota.ECR_REPOSITORIES_PER_REGION,
  EcsQuota.ECR_LIFECYCLE_RULES_PER_POLICY, EcsQuota.ECR_LIFECYCLE_POLICY_LENGTH, EcsQuota.ECR_REPLICATION_RULES,
  EcsQuota.ECR_REPLICATION_DESTINATIONS, EcsQuota.ECR_REPLICATION_FILTERS_PER_RULE, EcsQuota.ECR_PULL_THROUGH_CACHE_RULES,
];
const figure = (u: { quota: string; used: number; resource: { logicalId: string } }) => `${u.quota} ${u.used} ${u.resource.logicalId}`;

test('the app has figures for every quota quotaUsage counts (so the comparison below means something)', () => {
  const counted = new Set<string>(quotaUsage(assemblyOfStacks(stacks())).map((u) => u.quota));
  expect(ALL_QUOTAS.filter((q) => !counted.has(q))).toEqual(ELSEWHERE);
});

test.each(ALL_QUOTAS)('usageOf %s on a fresh model lists what quotaUsage lists for it, in order', (quota) => {
  const all = quotaUsage(assemblyOfStacks(stacks())).filter((u) => u.quota === quota).map(figure);
  expect(usageOf(assemblyOfStacks(stacks()), [quota]).map(figure)).toEqual(all);
});

test('several quotas: the figures of each, in quotaUsage order', () => {
  const quotas = [EcsQuota.TARGET_GROUPS_PER_SERVICE, EcsQuota.CLUSTERS_PER_REGION, EcsQuota.RULES_PER_APPLICATION_LOAD_BALANCER];
  const all = quotaUsage(assemblyOfStacks(stacks())).filter((u) => quotas.includes(u.quota)).map(figure);
  expect(all.length).toBeGreaterThanOrEqual(3);
  expect(usageOf(assemblyOfStacks(stacks()), quotas).map(figure)).toEqual(all);
});

test('the figures are built once per model', () => {
  const model = assemblyOfStacks(stacks());
  const first = usageOf(model, [EcsQuota.TASKS_PER_SERVICE]);
  expect(usageOf(model, [EcsQuota.TASKS_PER_SERVICE])).toBe(first);
  expect(quotaUsage(model).filter((u) => u.quota === EcsQuota.TASKS_PER_SERVICE)[0]).toBe(first[0]);
});
