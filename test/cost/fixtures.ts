/** Hand-written templates for the cost tests. */
import { CfnResourceJson, CfnTemplate, StackInput } from '../../src/rules/model';

export interface TaskOptions {
  readonly cpu?: unknown;
  readonly memory?: unknown;
  readonly arch?: string;
  readonly os?: string;
  readonly ephemeralGiB?: number;
  readonly containers?: Record<string, unknown>[];
}

export function taskDefinition(o: TaskOptions = {}): Record<string, unknown> {
  const props: Record<string, unknown> = {
    ContainerDefinitions: o.containers ?? [{ Name: 'app', Image: 'nginx', Essential: true }],
  };
  if (o.cpu !== undefined) props.Cpu = o.cpu;
  if (o.memory !== undefined) props.Memory = o.memory;
  if (o.arch || o.os) props.RuntimePlatform = { CpuArchitecture: o.arch ?? 'X86_64', OperatingSystemFamily: o.os ?? 'LINUX' };
  if (o.ephemeralGiB) props.EphemeralStorage = { SizeInGiB: o.ephemeralGiB };
  return { Type: 'AWS::ECS::TaskDefinition', Properties: props };
}

export interface ServiceOptions {
  readonly desired?: unknown;
  readonly launchType?: string;
  readonly strategy?: { CapacityProvider: unknown; Base?: number; Weight?: number }[];
  readonly scaling?: { min: number; max: number };
  readonly daemon?: boolean;
}

/** A stack with one cluster, one task definition and one service. */
export function serviceStack(task: TaskOptions, service: ServiceOptions, extra: Record<string, unknown> = {}): CfnTemplate {
  const props: Record<string, unknown> = { Cluster: { Ref: 'Cluster' }, TaskDefinition: { Ref: 'Task' } };
  if (service.desired !== undefined) props.DesiredCount = service.desired;
  if (service.strategy) props.CapacityProviderStrategy = service.strategy;
  else props.LaunchType = service.launchType ?? 'FARGATE';
  if (service.daemon) props.SchedulingStrategy = 'DAEMON';
  const resources: Record<string, unknown> = {
    Cluster: { Type: 'AWS::ECS::Cluster', Properties: {} },
    Task: taskDefinition(task),
    Service: { Type: 'AWS::ECS::Service', Properties: props },
    ...extra,
  };
  if (service.scaling) {
    resources.Target = {
      Type: 'AWS::ApplicationAutoScaling::ScalableTarget',
      Properties: {
        MinCapacity: service.scaling.min,
        MaxCapacity: service.scaling.max,
        ScalableDimension: 'ecs:service:DesiredCount',
        ServiceNamespace: 'ecs',
        ResourceId: { 'Fn::Join': ['', ['service/', { Ref: 'Cluster' }, '/', { 'Fn::GetAtt': ['Service', 'Name'] }]] },
      },
    };
  }
  return { Resources: resources } as CfnTemplate;
}

export function stack(template: CfnTemplate, region?: string, name = 'App'): StackInput {
  return { name, template, environment: region ? { region } : {} };
}

export interface AsgOptions {
  readonly min: number;
  readonly max: number;
  readonly desired?: number;
  readonly instanceType?: string;
  readonly gp3GiB?: number;
  readonly mixed?: { types: string[]; base?: number; percent?: number };
}

/** An Auto Scaling group with a launch template. */
export function asgResources(o: AsgOptions): Record<string, CfnResourceJson> {
  const data: Record<string, unknown> = {};
  if (o.instanceType) data.InstanceType = o.instanceType;
  if (o.gp3GiB) data.BlockDeviceMappings = [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: o.gp3GiB, VolumeType: 'gp3' } }];
  const spec = { LaunchTemplateId: { Ref: 'LaunchTemplate' }, Version: { 'Fn::GetAtt': ['LaunchTemplate', 'LatestVersionNumber'] } };
  const props: Record<string, unknown> = { MinSize: String(o.min), MaxSize: String(o.max) };
  if (o.desired !== undefined) props.DesiredCapacity = String(o.desired);
  if (o.mixed) {
    const dist: Record<string, unknown> = {};
    if (o.mixed.base !== undefined) dist.OnDemandBaseCapacity = o.mixed.base;
    if (o.mixed.percent !== undefined) dist.OnDemandPercentageAboveBaseCapacity = o.mixed.percent;
    props.MixedInstancesPolicy = {
      LaunchTemplate: { LaunchTemplateSpecification: spec, Overrides: o.mixed.types.map((t) => ({ InstanceType: t })) },
      InstancesDistribution: dist,
    };
  } else {
    props.LaunchTemplate = spec;
  }
  return {
    LaunchTemplate: { Type: 'AWS::EC2::LaunchTemplate', Properties: { LaunchTemplateData: data } },
    Asg: { Type: 'AWS::AutoScaling::AutoScalingGroup', Properties: props },
  };
}
