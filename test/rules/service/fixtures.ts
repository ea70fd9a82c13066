/** Template fragments for service-area rule tests. */
import { Resources } from '../helpers';

export function cluster(props: Record<string, unknown> = {}): Resources[string] {
  return { Type: 'AWS::ECS::Cluster', Properties: { ...props } };
}

export function associations(clusterRef: unknown, providers: unknown[], defaults: unknown[] = []): Resources[string] {
  return {
    Type: 'AWS::ECS::ClusterCapacityProviderAssociations',
    Properties: { Cluster: clusterRef, CapacityProviders: providers, DefaultCapacityProviderStrategy: defaults },
  };
}

export function asgProvider(props: Record<string, unknown> = {}): Resources[string] {
  return {
    Type: 'AWS::ECS::CapacityProvider',
    Properties: { AutoScalingGroupProvider: { AutoScalingGroupArn: { Ref: 'Asg' }, ManagedScaling: { Status: 'ENABLED', TargetCapacity: 100 } }, ...props },
  };
}

export function service(props: Record<string, unknown> = {}): Resources[string] {
  return {
    Type: 'AWS::ECS::Service',
    Properties: { Cluster: { Ref: 'Cluster' }, TaskDefinition: { Ref: 'Task' }, DesiredCount: 2, ...props },
  };
}

export function item(provider: unknown, weight?: unknown, base?: unknown): Record<string, unknown> {
  return { CapacityProvider: provider, ...(weight === undefined ? {} : { Weight: weight }), ...(base === undefined ? {} : { Base: base }) };
}
