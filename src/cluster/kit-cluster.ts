import * as ecs from 'aws-cdk-lib/aws-ecs';

/**
 * ecs.Cluster that learns about ASG capacity providers without
 * `addAsgCapacityProvider`, which would add inline instance-role policies
 * (and, without managed draining, a drain Lambda). aws-cdk-lib's
 * capacity-provider association aspect and Ec2Service's capacity check read
 * these getters, so the association and validation stay aws-cdk-lib's own.
 * Internal: EcsCluster.cluster is typed as ecs.Cluster.
 */
export class KitCluster extends ecs.Cluster {
  private kitProviderNames?: string[];
  private kitDefaultStrategy?: ecs.CapacityProviderStrategy[];

  /** Registers an ASG capacity provider by name (a token is fine). */
  public registerAsgProviderName(name: string): void {
    this.kitProviderNames = [...this.kitProviderNames ?? [], name];
  }

  /** Replaces the default strategy; EcsCluster validates it first. */
  public setKitDefaultStrategy(strategy: ecs.CapacityProviderStrategy[]): void {
    this.kitDefaultStrategy = [...strategy];
  }

  public get capacityProviderNames(): string[] {
    return [...super.capacityProviderNames, ...this.kitProviderNames ?? []];
  }

  public get defaultCapacityProviderStrategy(): ecs.CapacityProviderStrategy[] {
    return this.kitDefaultStrategy ? [...this.kitDefaultStrategy] : super.defaultCapacityProviderStrategy;
  }

  public get hasEc2Capacity(): boolean {
    return (this.kitProviderNames?.length ?? 0) > 0 || super.hasEc2Capacity;
  }
}
