/** Cheap CloudFormation templates for quota tests: JSON, no synth. */
import { StackInput } from '../../../src/rules/model';

export type Res = { Type: string; Properties?: Record<string, unknown>; [k: string]: unknown };

export const REGION = 'us-east-1';

/** A stack holding a cluster named `name`, exported as `<stack>:ClusterName`, `:ClusterRef`, `:ClusterArn`. */
export function clusterStack(stack = 'Shared', extra: Record<string, Res> = {}, region: string | undefined = REGION): StackInput {
  return {
    name: stack,
    environment: { region },
    template: {
      Resources: {
        Cluster: { Type: 'AWS::ECS::Cluster', Properties: { ClusterName: 'shared' }, Metadata: { 'aws:cdk:path': `${stack}/Cluster/Resource` } },
        ...extra,
      },
      Outputs: {
        Ref: { Value: { Ref: 'Cluster' }, Export: { Name: `${stack}:ClusterRef` } },
        Arn: { Value: { 'Fn::GetAtt': ['Cluster', 'Arn'] }, Export: { Name: `${stack}:ClusterArn` } },
        Name: { Value: 'shared', Export: { Name: `${stack}:ClusterName` } },
      },
    },
  };
}

export function taskDef(cpu: string | object = '256', props: Record<string, unknown> = {}): Res {
  return {
    Type: 'AWS::ECS::TaskDefinition',
    Properties: {
      RequiresCompatibilities: ['FARGATE'],
      NetworkMode: 'awsvpc',
      Cpu: cpu,
      Memory: '512',
      ContainerDefinitions: [{ Name: 'app', Image: 'nginx:1.27', Essential: true }],
      ...props,
    },
  };
}

export function service(cluster: unknown, props: Record<string, unknown> = {}): Res {
  return {
    Type: 'AWS::ECS::Service',
    Properties: {
      ...(cluster === undefined ? {} : { Cluster: cluster }),
      LaunchType: 'FARGATE',
      DesiredCount: 1,
      TaskDefinition: { Ref: 'Task' },
      ...props,
    },
  };
}

/** A stack of `count` Fargate services (task 0.25 vCPU) on `cluster`. */
export function serviceStack(
  name: string, count: number, cluster: unknown, region: string | undefined = REGION, props: Record<string, unknown> = {},
): StackInput {
  const resources: Record<string, Res> = { Task: taskDef() };
  for (let i = 0; i < count; i++) resources[`Service${i}`] = service(cluster, props);
  return { name, environment: { region }, template: { Resources: resources } };
}

/** A scalable target on a service's DesiredCount, ResourceId built the way CDK builds it. */
export function scalableTarget(serviceId: string, clusterRef: unknown, max: unknown, min = 1): Res {
  return {
    Type: 'AWS::ApplicationAutoScaling::ScalableTarget',
    Properties: {
      MaxCapacity: max,
      MinCapacity: min,
      ResourceId: { 'Fn::Join': ['', ['service/', clusterRef, '/', { 'Fn::GetAtt': [serviceId, 'Name'] }]] },
      ScalableDimension: 'ecs:service:DesiredCount',
      ServiceNamespace: 'ecs',
    },
  };
}

/** An ECS Express Mode service (AWS::ECS::ExpressGatewayService) with the required fields. */
export function expressService(props: Record<string, unknown> = {}): Res {
  return {
    Type: 'AWS::ECS::ExpressGatewayService',
    Properties: {
      PrimaryContainer: { Image: 'public.ecr.aws/nginx/nginx:1.27' },
      ExecutionRoleArn: 'arn:aws:iam::111111111111:role/exec',
      InfrastructureRoleArn: 'arn:aws:iam::111111111111:role/infra',
      ...props,
    },
  };
}
